/**
 * A function's execution environments: Lambda reuses a warm idle instance when it has one, otherwise starts a new one
 * (a cold start), and runs one invocation per instance at a time. Concurrency is capped by reserved concurrency (or the
 * account's limit); past it the invocation is throttled.
 */
import type { Engine, FunctionBundle, Instance, LogSink } from '../engines/engine';
import type { ServiceCallHandler } from '../services/types';

/** AWS's default account-level concurrency limit per region. */
export const ACCOUNT_CONCURRENCY_LIMIT = 1000;

export type Acquired =
  | { kind: 'instance'; instance: Instance; cold: boolean }
  | { kind: 'throttled' };

export interface PoolHooks {
  onInstanceStart?(instance: Instance): void;
  onInstanceStop?(instance: Instance, reason: 'deploy' | 'timeout' | 'error' | 'idle' | 'dispose'): void;
}

export class FunctionPool {
  private readonly idle: Instance[] = [];
  private busy = 0;
  private starting = 0;
  private retired = false;

  constructor(
    private readonly engine: Engine,
    readonly bundle: FunctionBundle,
    private readonly sink: LogSink,
    readonly concurrencyLimit = ACCOUNT_CONCURRENCY_LIMIT,
    private readonly hooks: PoolHooks = {},
    /** Answers the AWS SDK calls of this function's instances. */
    private readonly services?: ServiceCallHandler,
  ) {}

  /** Instances running an invocation or starting for one. */
  get inFlight(): number {
    return this.busy + this.starting;
  }

  get warmCount(): number {
    return this.idle.length;
  }

  /**
   * Takes a warm instance (most recently used first, as Lambda tends to) or starts one. Returns synchronously-resolved
   * promises on the warm path so the hot loop stays cheap.
   */
  acquire(): Acquired | Promise<Acquired> {
    if (this.busy + this.starting >= this.concurrencyLimit) return { kind: 'throttled' };
    let warm = this.idle.pop();
    while (warm?.stopped) {
      this.hooks.onInstanceStop?.(warm, 'error'); // died while idle (its sandbox was removed)
      warm = this.idle.pop();
    }
    if (warm) {
      this.busy++;
      return { kind: 'instance', instance: warm, cold: false };
    }
    this.starting++;
    return this.engine.startInstance(this.bundle, this.sink, this.services).then(
      (instance) => {
        this.starting--;
        this.busy++;
        this.hooks.onInstanceStart?.(instance);
        return { kind: 'instance', instance, cold: true } as Acquired;
      },
      (err) => {
        this.starting--;
        throw err;
      },
    );
  }

  /** Returns an instance after its invocation. A stopped one (timed out, crashed) is dropped; Lambda replaces it. */
  release(instance: Instance, stopReason: 'timeout' | 'error' | null = null): void {
    this.busy--;
    if (stopReason || instance.stopped) {
      if (!instance.stopped) instance.stop();
      this.hooks.onInstanceStop?.(instance, stopReason ?? 'error');
      return;
    }
    if (this.retired) {
      instance.stop();
      this.hooks.onInstanceStop?.(instance, 'deploy');
      return;
    }
    this.idle.push(instance);
  }

  /** A new deployment replaced this one: stop idle instances now and busy ones when they finish (no stale code). */
  retire(reason: 'deploy' | 'dispose' = 'deploy'): void {
    this.retired = true;
    for (const instance of this.idle.splice(0)) {
      instance.stop();
      this.hooks.onInstanceStop?.(instance, reason);
    }
  }
}
