/**
 * Which engine a new version runs on (the decision is project/engine-choice.ts's): the embedded one, or WebContainers,
 * booted on first need and then given the project's files and package.json's dependencies. Long steps are reported as
 * they happen (the Deployment status, the Logs, the Terminal panel); an engine that cannot run the version is an error
 * at its line, and the platform keeps the last good version serving.
 */
import type { Engine } from '../engines/engine';
import type { Diagnostic, Files, Project } from '../project/types';
import type { EngineInfo, LogEntry } from '../platform-types';
import { decideEngine, readDependencies, wantsWebContainer, type EngineNeeds, type WebContainerState } from '../project/engine-choice';

/** The WebContainer engine as the page offers it: booted on first need, within a bound. */
export interface WebContainerProvider {
  /** Boots WebContainers (once) and says whether they run here; never hangs. */
  state(): Promise<WebContainerState>;
  /** The engine, once `state()` said available. */
  engine(): Engine;
  /** Mounts the files and installs package.json's dependencies when they changed (npm's lines, and its raw output). */
  prepare(files: Files, out: InstallOutput, signal?: AbortSignal): Promise<void>;
  dispose(): void;
}

/** Where an install's output goes: its lines to the Logs, its raw terminal output to the Terminal panel. */
export interface InstallOutput {
  line(text: string): void;
  raw(chunk: string): void;
}

export interface EngineSelectorHost {
  /** The embedded engine. */
  embedded: Engine;
  webcontainer: WebContainerProvider | null;
  log(text: string, level?: LogEntry['level']): void;
  /** Raw text for the Terminal panel. */
  term(chunk: string): void;
  /** The long step under way ('Starting WebContainers…'), for the Deployment status. */
  step(step: string): void;
}

export type EngineSelection = { engine: Engine; info: EngineInfo } | { diagnostics: Diagnostic[] };

const BOLD = '\u001b[1m';
const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

export class EngineSelector {
  private askedWebContainers = false;

  constructor(private readonly host: EngineSelectorHost) {}

  async select(files: Files, project: Project, signal?: AbortSignal): Promise<EngineSelection> {
    const { host } = this;
    const deps = readDependencies(files);
    const needs: EngineNeeds = { setting: project.playground.engine, dependencies: deps.names, dependenciesLine: deps.line };
    let state: WebContainerState | null = null;
    if (wantsWebContainer(needs)) {
      // The boot's story is told once (its outcome is kept); later deploys ask again at no cost.
      const first = host.webcontainer !== null && !this.askedWebContainers;
      this.askedWebContainers = true;
      if (first) {
        host.log('Starting WebContainers (real Node.js)…');
        host.term(`${BOLD}Starting WebContainers (real Node.js)…${RESET}\r\n`);
        host.step('Starting WebContainers…');
      }
      state = host.webcontainer ? await host.webcontainer.state() : { available: false, reason: 'this page has no WebContainer engine' };
      if (first) {
        host.term(state.available ? `${GREEN}✓ WebContainers started${RESET}\r\n` : `${RED}✗ ${state.reason}${RESET}\r\n`);
        host.log(state.available ? 'WebContainers started' : `WebContainers are not available: ${state.reason}`, state.available ? 'info' : 'warn');
      }
    }
    const decision = decideEngine(needs, state);
    if (!decision.ok) {
      const line = project.playground.engineLine;
      const at = decision.diagnostic.file === 'serverless.yml' ? { ...decision.diagnostic, line, endLine: line } : decision.diagnostic;
      return { diagnostics: [at] };
    }
    if (decision.engine === 'worker' || !host.webcontainer) return { engine: host.embedded, info: { kind: 'worker', reason: decision.reason } };
    try {
      if (files['package.json'] !== undefined) host.step('Installing dependencies…');
      await host.webcontainer.prepare(files, { line: (text) => host.log(text), raw: (chunk) => host.term(chunk) }, signal);
    } catch (err) {
      const message = `npm install failed: ${err instanceof Error ? err.message : String(err)}`;
      return { diagnostics: [{ severity: 'error', message, file: 'package.json', line: deps.line, column: 1, endLine: deps.line, endColumn: 1 }] };
    }
    return { engine: host.webcontainer.engine(), info: { kind: 'webcontainer', reason: decision.reason } };
  }
}
