/**
 * The embedded engine's runtime, run inside the current Node.js process: each instance is the same worker-side Lambda
 * runtime (module system, console, context, AWS SDK shim) and the same page-side WorkerInstance, joined by an
 * in-memory port pair instead of a sandboxed Web Worker. No isolation and no way to stop a runaway loop: for unit
 * tests and the Node benchmarks only, never for user code in the page.
 */
import { RealClock, type Clock } from '../../clock';
import type { Engine, FunctionBundle, Instance, LogSink } from '../engine';
import type { ServiceCallHandler } from '../../services/types';
import type { SandboxWorker } from './sandbox-frame';
import type { PortLike } from './worker-protocol';
import { Deadlines } from './deadlines';
import { WorkerInstance, type WorkerHost } from './worker-instance';
import { nodeWorkerScope, testLib } from './worker-test-kit';
import { workerMain } from './worker-runtime';

/** One end of an in-memory channel: messages arrive on the other end in a later microtask, as a port's would. */
class MemoryPort implements PortLike {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  other: MemoryPort | null = null;
  closed = false;

  postMessage(data: unknown): void {
    const to = this.other;
    if (!to || this.closed) return;
    queueMicrotask(() => {
      if (!to.closed) to.onmessage?.({ data });
    });
  }

  close(): void {
    this.closed = true;
    if (this.other) this.other.closed = true;
  }
}

export class NodeWorkerEngine implements Engine {
  readonly kind = 'worker' as const;
  private readonly host: WorkerHost;
  private readonly live = new Set<string>();
  private readonly instances = new Set<WorkerInstance>();
  private seq = 0;
  started = 0;

  constructor(clock: Clock = new RealClock()) {
    this.host = {
      clock,
      deadlines: new Deadlines(clock),
      spawn: () => this.spawn(),
      kill: (id) => this.live.delete(id),
      owns: (id) => this.live.has(id),
      released: (inst) => this.instances.delete(inst),
    };
  }

  async startInstance(bundle: FunctionBundle, sink: LogSink, services?: ServiceCallHandler): Promise<Instance> {
    this.started++;
    const inst = new WorkerInstance('n' + ++this.seq, bundle, sink, this.host, services);
    this.instances.add(inst);
    await inst.start();
    return inst;
  }

  dispose(): void {
    for (const inst of [...this.instances]) inst.stop();
  }

  private spawn(): SandboxWorker {
    const page = new MemoryPort();
    const worker = new MemoryPort();
    page.other = worker;
    worker.other = page;
    const scope = nodeWorkerScope();
    workerMain(scope, testLib);
    scope.onmessage?.({ data: null, ports: [worker] });
    const id = 'w' + this.seq;
    this.live.add(id);
    return { id, port: page as unknown as MessagePort };
  }
}
