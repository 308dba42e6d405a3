/**
 * WebContainers as the platform uses them (deploy/engine-selector.ts's WebContainerProvider): booted once, on first need, within a
 * bound (a boot with no route to StackBlitz neither resolves nor rejects: MEASURED.md); the project's files mounted
 * and `npm install` run when package.json changed, its output streamed line by line; a newer deploy cancels an
 * unfinished install. The boot itself is the caller's (the page's @webcontainer/api, or node-container.ts under Node).
 */
import type { Files } from '../../project/types';
import type { WebContainerState } from '../../project/engine-choice';
import type { Engine } from '../engine';
import type { InstallOutput } from '../../deploy/engine-selector';
import type { ContainerLike } from './container';
import { fileTree, WebContainerEngine } from './webcontainer-engine';

export interface WebContainerRuntimeOptions {
  /** Boots the container; may hang or throw (the runtime bounds it). */
  boot(): Promise<ContainerLike>;
  /** The in-container host's source (host/lambda-host.cjs). */
  hostSource(): Promise<string>;
  /** How long a boot may take before the playground gives up on it (ms). */
  bootTimeoutMs?: number;
  /** Extra `npm install` arguments (the tests add --offline). */
  installArgs?: string[];
  /** Why WebContainers cannot run here before even trying (e.g. the page is not cross-origin isolated), or null. */
  unavailable?(): string | null;
}

export const BOOT_TIMEOUT_MS = 15_000;

export class WebContainerRuntime {
  private booting: Promise<ContainerLike> | null = null;
  private bootState: WebContainerState | null = null;
  private readonly theEngine: WebContainerEngine;
  private installedFrom: string | null = null;
  private installing: { abort(): void } | null = null;

  constructor(private readonly options: WebContainerRuntimeOptions) {
    this.theEngine = new WebContainerEngine({ container: () => this.container(), hostSource: options.hostSource });
  }

  async state(): Promise<WebContainerState> {
    if (this.bootState) return this.bootState;
    const why = this.options.unavailable?.() ?? null;
    if (why) return (this.bootState = { available: false, reason: why });
    try {
      await this.container();
      return (this.bootState = { available: true });
    } catch (err) {
      return (this.bootState = { available: false, reason: err instanceof Error ? err.message : String(err) });
    }
  }

  engine(): Engine {
    return this.theEngine;
  }

  /** Mounts the project's files; runs `npm install` when package.json differs from the last installed one. */
  async prepare(files: Files, out: InstallOutput, signal?: AbortSignal): Promise<void> {
    const log = out.line;
    const container = await this.container();
    await container.mount(fileTree(files));
    const pkg = files['package.json'];
    if (pkg === undefined || pkg === this.installedFrom) return;
    this.installing?.abort(); // a newer deploy cancels an unfinished install
    log('npm install…');
    out.raw('\u001b[1m$ npm install\u001b[0m\r\n');
    const started = Date.now();
    const proc = await container.spawn('npm', ['install', '--no-audit', '--no-fund', ...(this.options.installArgs ?? [])], { cwd: container.workdir });
    const cancel = { abort: () => proc.kill() };
    this.installing = cancel;
    const onAbort = () => proc.kill();
    signal?.addEventListener('abort', onAbort);
    const tail: string[] = [];
    const reading = (async () => {
      const reader = proc.output.getReader();
      let pending = '';
      const emit = (line: string) => {
        // eslint-disable-next-line no-control-regex -- a terminal's colour codes and spinners are not log text
        const text = line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/.*\r(?!$)/, '').trim();
        if (!text) return;
        log(`npm: ${text}`);
        tail.push(text);
        if (tail.length > 5) tail.shift();
      };
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done) break;
        out.raw(value);
        pending += value;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          emit(pending.slice(0, nl));
          pending = pending.slice(nl + 1);
        }
      }
      emit(pending);
    })();
    const code = await proc.exit;
    await reading;
    signal?.removeEventListener('abort', onAbort);
    if (this.installing === cancel) this.installing = null;
    if (signal?.aborted) throw new Error('cancelled by a newer deploy');
    if (code !== 0) {
      out.raw(`\u001b[31mnpm install exited with code ${code}\u001b[0m\r\n`);
      throw new Error(`exit code ${code}${tail.length ? `: ${tail[tail.length - 1]}` : ''}`);
    }
    this.installedFrom = pkg;
    log(`npm install done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  dispose(): void {
    this.theEngine.dispose();
    this.installing?.abort();
  }

  private container(): Promise<ContainerLike> {
    this.booting ??= bounded(this.options.boot(), this.options.bootTimeoutMs ?? BOOT_TIMEOUT_MS);
    return this.booting;
  }
}

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`WebContainers did not start within ${Math.round(ms / 1000)} s (they need StackBlitz's service, stackblitz.com, which did not answer)`)), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
