/** The embedded Node.js engine: each function instance is a Web Worker inside one opaque-origin sandbox frame. */
import { RealClock, type Clock } from '../../clock';
import type { Engine, FunctionBundle, Instance, LogSink } from '../engine';
import type { ServiceCallHandler } from '../../services/types';
import { SandboxFrame, type SandboxWorker } from './sandbox-frame';
import { WorkerInstance, type WorkerHost } from './worker-instance';
import { Deadlines } from './deadlines';
import { workerProgramSource } from './worker-program';

export interface WorkerEngineOptions {
  /** The page's document (the frame is appended to its body). */
  document?: Document;
  clock?: Clock;
  /**
   * Blank runtime workers kept booted ahead of need (default 1). A cold start still loads and runs
   * the function's code; only the bare worker thread (~10 ms) is started in advance, as Lambda
   * keeps a pool of sandboxes ready for new execution environments.
   */
  spares?: number;
}

const PROGRAM_KEY = 'nodejs-runtime-v1';

export class WorkerEngine implements Engine {
  readonly kind = 'worker' as const;
  private readonly frame: SandboxFrame;
  private readonly clock: Clock;
  private readonly spareTarget: number;
  private readonly spares: SandboxWorker[] = [];
  private readonly instances = new Map<string, WorkerInstance>();
  private readonly byWorker = new Map<string, WorkerInstance>();
  private seq = 0;
  private disposed = false;
  private readonly host: WorkerHost;

  constructor(options: WorkerEngineOptions = {}) {
    this.clock = options.clock ?? new RealClock();
    this.spareTarget = options.spares ?? 1;
    // Created eagerly: the frame and its first worker take ~64 ms, better spent before the first request.
    this.frame = new SandboxFrame(options.document ?? document, (workerId, message) => this.onFrameError(workerId, message));
    this.host = {
      clock: this.clock,
      deadlines: new Deadlines(this.clock),
      spawn: (inst) => this.takeWorker(inst),
      kill: (id) => {
        this.byWorker.delete(id);
        this.frame.kill(id);
      },
      owns: (id) => this.frame.owns(id),
      released: (inst) => this.instances.delete(inst.id),
    };
    this.refill();
  }

  async startInstance(bundle: FunctionBundle, sink: LogSink, services?: ServiceCallHandler): Promise<Instance> {
    if (this.disposed) throw new Error('WorkerEngine is disposed');
    const inst = new WorkerInstance('i' + ++this.seq, bundle, sink, this.host, services);
    this.instances.set(inst.id, inst);
    await inst.start();
    this.refill();
    return inst;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const inst of [...this.instances.values()]) inst.stop();
    this.spares.length = 0;
    this.frame.dispose();
  }

  /** Live instances (for tests and diagnostics). */
  get instanceCount(): number {
    return this.instances.size;
  }

  private takeWorker(inst: WorkerInstance): SandboxWorker {
    let w = this.spares.shift();
    while (w && !this.frame.owns(w.id)) w = this.spares.shift(); // spares die with a removed frame
    if (!w) w = this.frame.spawn(PROGRAM_KEY, workerProgramSource());
    this.byWorker.set(w.id, inst);
    return w;
  }

  private refill(): void {
    while (!this.disposed && this.spares.length < this.spareTarget) this.spares.push(this.frame.spawn(PROGRAM_KEY, workerProgramSource()));
  }

  private onFrameError(workerId: string | null, message: string): void {
    const inst = workerId ? this.byWorker.get(workerId) : undefined;
    if (inst) inst.workerFailed(message);
    else if (typeof console !== 'undefined') console.error('[sandbox] ' + (workerId ? workerId + ': ' : '') + message);
  }
}
