/**
 * Which engine runs a project's functions: `custom.playground.engine` in serverless.yml (`auto`, `webcontainer` or
 * `worker`), and whether package.json names npm dependencies (only real Node.js in a WebContainer can install them).
 * Without a setting, a project without dependencies runs on the embedded engine (instant and offline), one with
 * dependencies on WebContainers. `auto` tries WebContainers and falls back to the embedded engine, saying why.
 */
import type { Diagnostic, Files } from './types';

export type EngineSetting = 'auto' | 'webcontainer' | 'worker';
export const ENGINE_SETTINGS: readonly EngineSetting[] = ['auto', 'webcontainer', 'worker'];

export type EngineKind = 'worker' | 'webcontainer';

export interface EngineNeeds {
  /** The manifest's `custom.playground.engine`, or null when it says nothing. */
  setting: EngineSetting | null;
  /** package.json's `dependencies` names (devDependencies do not ship to Lambda). */
  dependencies: string[];
  /** Where the dependencies are declared (package.json's line), for an error there. */
  dependenciesLine: number;
}

/** Whether WebContainers can run here, once asked: available, or why not. */
export type WebContainerState = { available: true } | { available: false; reason: string };

export type EngineDecision =
  | { ok: true; engine: EngineKind; reason: string }
  | { ok: false; message: string; diagnostic: Diagnostic };

/** package.json's dependencies, with the line they are declared on; a package.json that does not parse names none. */
export function readDependencies(files: Files): { names: string[]; line: number } {
  const text = files['package.json'];
  if (text === undefined) return { names: [], line: 1 };
  let deps: unknown;
  try {
    deps = (JSON.parse(text) as { dependencies?: unknown }).dependencies;
  } catch {
    return { names: [], line: 1 };
  }
  if (!deps || typeof deps !== 'object' || Array.isArray(deps)) return { names: [], line: 1 };
  const at = text.indexOf('"dependencies"');
  const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
  return { names: Object.keys(deps), line };
}

/** Does this project ask for WebContainers at all (so the page should boot them)? */
export function wantsWebContainer(needs: EngineNeeds): boolean {
  return needs.setting === 'webcontainer' || needs.setting === 'auto' || (needs.setting === null && needs.dependencies.length > 0);
}

/** The engine for a project, given whether WebContainers run here (`state` is only read when the project wants them). */
export function decideEngine(needs: EngineNeeds, state: WebContainerState | null): EngineDecision {
  const deps = needs.dependencies;
  const depsText = deps.length > 3 ? `${deps.slice(0, 3).join(', ')} and ${deps.length - 3} more` : deps.join(', ');
  if (needs.setting === 'worker') {
    if (deps.length === 0) return { ok: true, engine: 'worker', reason: 'custom.playground.engine: worker' };
    return refuse(needs, `package.json has dependencies (${depsText}), but custom.playground.engine is worker: the embedded engine cannot install npm packages. Remove the setting (or set it to webcontainer) to run them on WebContainers`);
  }
  if (!wantsWebContainer(needs)) return { ok: true, engine: 'worker', reason: 'no npm dependencies: the embedded engine, instant and offline' };
  if (state?.available) {
    return { ok: true, engine: 'webcontainer', reason: deps.length ? `npm dependencies (${depsText}) need real Node.js` : `custom.playground.engine: ${needs.setting}` };
  }
  const why = state ? state.reason : 'WebContainers have not started';
  if (needs.setting === 'auto' && deps.length === 0) return { ok: true, engine: 'worker', reason: `auto: ${why}, so the embedded engine runs it` };
  const asked = deps.length ? `package.json has dependencies (${depsText}): installing them needs the WebContainer engine (real Node.js with npm)` : 'custom.playground.engine asks for the WebContainer engine';
  return refuse(needs, `${asked}, which cannot run here: ${why}. The embedded engine has no npm`);
}

function refuse(needs: EngineNeeds, message: string): EngineDecision {
  const onPackage = needs.dependencies.length > 0;
  const line = onPackage ? needs.dependenciesLine : 1;
  return {
    ok: false,
    message,
    diagnostic: { severity: 'error', message, file: onPackage ? 'package.json' : 'serverless.yml', line, column: 1, endLine: line, endColumn: 1 },
  };
}
