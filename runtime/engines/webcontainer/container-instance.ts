/**
 * One Lambda execution environment on the WebContainer engine: a Node.js process running the in-container host
 * (host/lambda-host.cjs), its init phase, its invocations one at a time, the function's timeout (the process is
 * killed, as Lambda ends a timed-out environment), and its AWS SDK calls answered by the page's simulated services.
 */
import type { ContextInit, FunctionBundle, FunctionErrorInfo, InitOutcome, Instance, InvokeOutcome, LogSink } from '../engine';
import type { ServiceCallHandler } from '../../services/types';
import { errorInfo } from '../../services/aws-error';
import type { ContainerProcess } from './container';
import { encodePageFrame, HostOutputReader, type HostFrame, type LoadFrame, type PageFrame } from './host-protocol';

/** Lambda's limit on the init phase of an on-demand environment (the process start included here). */
export const INIT_LIMIT_MS = 10_000;

type Done = Extract<HostFrame, { t: 'done' }>;

const timedOut = (requestId: string, ms: number): FunctionErrorInfo => ({
  errorType: 'Sandbox.Timedout',
  errorMessage: `RequestId: ${requestId} Error: Task timed out after ${(ms / 1000).toFixed(2)} seconds`,
  trace: [],
});

const exited = (code: number | null): FunctionErrorInfo => ({
  errorType: 'Runtime.ExitError',
  errorMessage: `Runtime exited${code === null ? '' : ` with error: exit status ${code}`}`,
  trace: [],
});

export class ContainerInstance implements Instance {
  init: InitOutcome = { ok: false, initDurationMs: 0 };
  private readonly writer: WritableStreamDefaultWriter<string>;
  private readonly reader = new HostOutputReader();
  private waiting: { t: HostFrame['t']; resolve: (f: HostFrame) => void } | null = null;
  private pending: { id: number; requestId: string; resolve: (d: Done | null) => void } | null = null;
  private rid: string | null = null;
  private seq = 0;
  private stoppedFlag = false;
  private exitCode: number | null = null;

  constructor(
    readonly id: string,
    private readonly process: ContainerProcess,
    private readonly functionName: string,
    private readonly sink: LogSink,
    private readonly services?: ServiceCallHandler,
  ) {
    this.writer = process.input.getWriter();
    void this.read();
    void process.exit.then((code) => this.onExit(code));
  }

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** Waits for the host to come up, then loads the function (module scope: the init phase), within INIT_LIMIT_MS. */
  async start(load: LoadFrame): Promise<InitOutcome> {
    const started = performance.now();
    const ready = await this.next('ready', INIT_LIMIT_MS);
    if (!ready) return (this.init = this.failedInit(started, 'the host did not start'));
    await this.send(load);
    const init = await this.next('init', INIT_LIMIT_MS - (performance.now() - started));
    if (!init || init.t !== 'init') return (this.init = this.failedInit(started, 'init did not finish'));
    return (this.init = init.outcome);
  }

  async invoke(event: unknown, context: ContextInit): Promise<InvokeOutcome> {
    if (this.stoppedFlag) return { ok: false, error: exited(this.exitCode), durationMs: 0, timedOut: false };
    const id = ++this.seq;
    const requestId = context.awsRequestId;
    const started = performance.now();
    this.rid = requestId;
    const done = new Promise<Done | null>((resolve) => (this.pending = { id, requestId, resolve }));
    // The timeout: the process is killed, as Lambda ends the environment.
    const timer = setTimeout(() => this.stop(), context.remainingMs);
    await this.send({ t: 'invoke', id, payload: JSON.stringify([event, context]) });
    const frame = await done;
    clearTimeout(timer);
    this.rid = null;
    if (frame === null) {
      const timedOutNow = this.stoppedFlag && this.exitCode === null;
      return {
        ok: false,
        error: timedOutNow ? timedOut(requestId, context.remainingMs) : exited(this.exitCode),
        durationMs: performance.now() - started,
        timedOut: timedOutNow,
      };
    }
    if (!frame.ok) return { ok: false, error: frame.error, durationMs: frame.durationMs, timedOut: false };
    return { ok: true, result: JSON.parse(frame.json) as unknown, durationMs: frame.durationMs };
  }

  stop(): void {
    if (this.stoppedFlag) return;
    this.stoppedFlag = true;
    this.process.kill();
    this.settle(null);
    this.waiting?.resolve({ t: 'fatal', error: exited(null) });
  }

  private failedInit(started: number, why: string): InitOutcome {
    this.stop();
    return { ok: false, initDurationMs: performance.now() - started, error: { errorType: 'Runtime.InitError', errorMessage: `The function's process failed: ${why}`, trace: [] } };
  }

  private next(t: HostFrame['t'], withinMs: number): Promise<HostFrame | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve(null);
      }, Math.max(0, withinMs));
      this.waiting = {
        t,
        resolve: (f) => {
          clearTimeout(timer);
          this.waiting = null;
          resolve(f.t === t ? f : null);
        },
      };
    });
  }

  private async send(frame: PageFrame): Promise<void> {
    if (this.stoppedFlag) return;
    try {
      await this.writer.write(encodePageFrame(frame));
    } catch {
      // The process is gone: its exit settles what waits.
    }
  }

  private async read(): Promise<void> {
    const reader = this.process.output.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const item of this.reader.push(value)) this.take(item);
      }
    } catch {
      // A killed process's stream errors: nothing more to read.
    }
    for (const item of this.reader.flush()) this.take(item);
  }

  private take(item: { frame: HostFrame } | { text: string }): void {
    if ('text' in item) {
      if (item.text) this.sink(this.rid, { level: 'info', time: Date.now(), text: item.text });
      return;
    }
    const f = item.frame;
    switch (f.t) {
      case 'log':
        this.sink(f.rid, { level: f.level, time: f.time, text: f.text });
        return;
      case 'call':
        void this.call(f);
        return;
      case 'done':
        if (this.pending?.id === f.id) this.settle(f);
        return;
      case 'fatal':
        this.sink(this.rid, { level: 'error', time: Date.now(), text: `${f.error.errorType}: ${f.error.errorMessage}` });
        this.waiting?.resolve(f);
        return;
      default:
        if (this.waiting?.t === f.t) this.waiting.resolve(f);
    }
  }

  private async call(f: Extract<HostFrame, { t: 'call' }>): Promise<void> {
    let reply: PageFrame;
    if (!this.services) {
      reply = { t: 'reply', id: f.id, ok: false, error: { name: 'UnknownEndpoint', message: 'No simulated services', statusCode: 500, fault: 'server' } };
    } else {
      try {
        const r = await this.services({ service: f.service, operation: f.operation, input: f.input }, { functionName: this.functionName, requestId: f.rid });
        reply = r.ok ? { t: 'reply', id: f.id, ok: true, output: r.output } : { t: 'reply', id: f.id, ok: false, error: r.error };
      } catch (err) {
        reply = { t: 'reply', id: f.id, ok: false, error: errorInfo(err) };
      }
    }
    await this.send(reply);
  }

  private settle(frame: Done | null): void {
    const p = this.pending;
    this.pending = null;
    p?.resolve(frame);
  }

  private onExit(code: number): void {
    if (!this.stoppedFlag) this.exitCode = code;
    this.stoppedFlag = true;
    this.settle(null);
    this.waiting?.resolve({ t: 'fatal', error: exited(code) });
  }
}

/** The load frame for a bundle mounted at `root`. */
export function loadFrame(bundle: FunctionBundle, root: string, sdk: string): LoadFrame {
  return {
    t: 'load', root, entry: bundle.entry, exportName: bundle.exportName, env: bundle.env,
    functionName: bundle.functionName, memoryLimitInMB: bundle.memoryLimitInMB, sdk,
  };
}
