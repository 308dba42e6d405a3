/** One Lambda execution environment in the page's view: a sandboxed worker, its init phase, its invocations and their timeout. */
import type { Clock } from '../../clock';
import type { ContextInit, FunctionBundle, FunctionErrorInfo, InitOutcome, Instance, InvokeOutcome, LogSink } from '../engine';
import type { SandboxWorker } from './sandbox-frame';
import type { Deadline, Deadlines } from './deadlines';
import type { CallMessage, InvokeMessage, LoadMessage, ReplyMessage, WorkerToPage } from './worker-protocol';
import { errorInfo } from '../../services/aws-error';
import type { ServiceCallHandler, ServiceReply } from '../../services/types';

/** Lambda's limit on the init phase of an on-demand environment. */
export const INIT_LIMIT_MS = 10_000;

export interface WorkerHost {
  clock: Clock;
  /** The engine's shared timer for function timeouts. */
  deadlines: Deadlines;
  spawn(instance: WorkerInstance): SandboxWorker;
  kill(workerId: string): void;
  owns(workerId: string): boolean;
  /** Called once when the instance stops (for the engine's bookkeeping). */
  released(instance: WorkerInstance): void;
}

type Pending = Deadline & { id: number; requestId: string; remainingMs: number; resolve: (o: InvokeOutcome) => void };

const timedOut = (requestId: string, ms: number): FunctionErrorInfo => ({
  errorType: 'Sandbox.Timedout',
  errorMessage: 'RequestId: ' + requestId + ' Error: Task timed out after ' + (ms / 1000).toFixed(2) + ' seconds',
  trace: [],
});

export class WorkerInstance implements Instance {
  init: InitOutcome = { ok: false, initDurationMs: 0 };
  private worker: SandboxWorker | null = null;
  private pending: Pending | null = null;
  private initDone: ((o: InitOutcome) => void) | null = null;
  private cancelInit: () => void = () => {};
  private seq = 0;
  private stoppedFlag = false;
  private readonly onPortMessage = (e: MessageEvent) => this.onMessage(e.data as WorkerToPage);
  private readonly onTimeout = () => this.expire();

  constructor(
    readonly id: string,
    private readonly bundle: FunctionBundle,
    private readonly sink: LogSink,
    private readonly host: WorkerHost,
    /** Answers the function's AWS SDK calls; without it every call fails with UnknownEndpoint. */
    private readonly services?: ServiceCallHandler,
  ) {}

  get stopped(): boolean {
    return this.stoppedFlag || (this.worker !== null && !this.host.owns(this.worker.id));
  }

  /**
   * The init phase: loads the code and runs module scope, bounded by Lambda's 10 s init limit
   * (not by the function timeout: Lambda gives init its own 10 s). An init that runs past it
   * kills the worker; the next invocation retries init in a fresh worker within the invocation's
   * own timeout, as Lambda retries a timed-out init during the first invoke.
   */
  start(): Promise<InitOutcome> {
    this.attach(false);
    return new Promise<InitOutcome>((resolve) => {
      this.initDone = (o) => {
        this.cancelInit();
        this.initDone = null;
        this.init = o;
        resolve(o);
      };
      this.cancelInit = this.host.clock.setTimer(() => {
        this.detach();
        const error = { errorType: 'Sandbox.Timedout', errorMessage: 'Init phase timed out after ' + (INIT_LIMIT_MS / 1000).toFixed(2) + ' seconds', trace: [] };
        this.initDone?.({ ok: false, initDurationMs: INIT_LIMIT_MS, error });
      }, INIT_LIMIT_MS);
    });
  }

  invoke(event: unknown, context: ContextInit): Promise<InvokeOutcome> {
    if (this.pending) throw new Error('Instance ' + this.id + ' is busy: one invocation at a time');
    if (this.stopped) throw new Error('Instance ' + this.id + ' is stopped');
    if (!this.worker) this.attach(true); // the init timed out: retry it inside this invocation
    const id = ++this.seq;
    return new Promise<InvokeOutcome>((resolve) => {
      const at = this.host.clock.perfNow() + context.remainingMs;
      const p: Pending = { id, requestId: context.awsRequestId, remainingMs: context.remainingMs, resolve, at, expire: this.onTimeout };
      this.pending = p;
      this.host.deadlines.add(p);
      // One string crosses the port: cloning a string is far cheaper than cloning the nested event object, and Lambda
      // hands events to the runtime as JSON anyway (so the handler sees exactly what JSON can carry).
      const msg: InvokeMessage = { t: 'invoke', id, payload: JSON.stringify([event === undefined ? null : event, context]) };
      (this.worker as SandboxWorker).port.postMessage(msg);
    });
  }

  stop(): void {
    if (this.stoppedFlag) return;
    this.stoppedFlag = true;
    this.detach();
    this.cancelInit();
    const p = this.pending;
    if (p) this.finish(p, { ok: false, timedOut: false, durationMs: 0, error: { errorType: 'Sandbox.Stopped', errorMessage: 'RequestId: ' + p.requestId + ' Error: the instance was stopped', trace: [] } });
    this.host.released(this);
  }

  /** The frame reported that this instance's worker failed outside the runtime's control. */
  workerFailed(message: string): void {
    this.crash({ errorType: 'Runtime.ExitError', errorMessage: 'Error: Runtime exited with error: ' + message, trace: [] });
  }

  private attach(deferInit: boolean): void {
    const w = this.host.spawn(this);
    this.worker = w;
    w.port.onmessage = this.onPortMessage;
    const b = this.bundle;
    const load: LoadMessage = {
      t: 'load', modules: b.modules, entry: b.entry, exportName: b.exportName, env: b.env,
      functionName: b.functionName, memoryLimitInMB: b.memoryLimitInMB, deferInit,
    };
    w.port.postMessage(load);
  }

  private detach(): void {
    const w = this.worker;
    if (!w) return;
    this.worker = null;
    w.port.onmessage = null;
    w.port.close();
    this.host.kill(w.id);
  }

  private onMessage(m: WorkerToPage): void {
    if (m.t === 'log') this.sink(m.rid, m);
    else if (m.t === 'done') {
      const p = this.pending;
      if (!p || p.id !== m.id) return;
      if (m.ok) this.finish(p, { ok: true, result: JSON.parse(m.json), durationMs: m.durationMs });
      else {
        this.finish(p, { ok: false, error: m.error, durationMs: m.durationMs, timedOut: false });
        if (m.fatal) this.stop(); // the runtime process exited: Lambda replaces the environment
      }
    } else if (m.t === 'call') this.serve(m);
    else if (m.t === 'init') this.initDone?.(m.outcome);
    else if (m.t === 'fatal') this.crash(m.error);
  }

  /** One SDK call: the services answer it, whenever it was made (during init, an invocation, or after its response). */
  private serve(m: CallMessage): void {
    const w = this.worker;
    if (!w) return;
    const answer = (r: ServiceReply) => {
      if (this.worker !== w) return; // the worker that asked has been stopped or replaced
      const reply: ReplyMessage = r.ok ? { t: 'reply', id: m.id, ok: true, output: r.output } : { t: 'reply', id: m.id, ok: false, error: r.error };
      try {
        w.port.postMessage(reply);
      } catch (err) {
        w.port.postMessage({ t: 'reply', id: m.id, ok: false, error: errorInfo(err) } satisfies ReplyMessage); // an output that cannot be cloned
      }
    };
    const handler = this.services;
    if (!handler) {
      const message = 'The simulated AWS services are not connected to this function: ' + m.service + ' ' + m.operation + ' was not sent';
      answer({ ok: false, error: { name: 'UnknownEndpoint', message, statusCode: 503, fault: 'server' } });
      return;
    }
    let pending: Promise<ServiceReply>;
    try {
      pending = handler({ service: m.service, operation: m.operation, input: m.input }, { functionName: this.bundle.functionName, requestId: m.rid });
    } catch (err) {
      pending = Promise.reject(err);
    }
    pending.then(answer, (err) => answer({ ok: false, error: errorInfo(err) }));
  }

  private crash(error: FunctionErrorInfo): void {
    if (this.initDone) this.initDone({ ok: false, initDurationMs: 0, error });
    const p = this.pending;
    if (p) this.finish(p, { ok: false, error, durationMs: 0, timedOut: false });
    this.stop();
  }

  /** Lambda's timeout: the page stops the worker (a loop cannot be interrupted), and the environment is replaced. */
  private expire(): void {
    const p = this.pending;
    if (!p) return;
    this.finish(p, { ok: false, timedOut: true, durationMs: p.remainingMs, error: timedOut(p.requestId, p.remainingMs) });
    this.stop();
  }

  private finish(p: Pending, outcome: InvokeOutcome): void {
    this.pending = null;
    this.host.deadlines.delete(p);
    p.resolve(outcome);
  }
}
