/**
 * The Lambda service of the simulated account: per-function instance pools, and each invocation framed as Lambda logs
 * it (START, the function's lines, END, REPORT), synchronous (RequestResponse) or asynchronous (Event, with retries).
 */
import type { Engine, FunctionBundle, FunctionErrorInfo, FunctionLogLine, Instance, InvokeOutcome } from './engines/engine';
import type { Project } from './project/types';
import type { LogEntry, PlatformEvent } from './platform-types';
import type { ServiceCallHandler } from './services/types';
import type { SimulationClock } from './sim-clock';
import { FunctionPool } from './scaling/function-pool';
import {
  billedDurationMs, formatEndLine, formatReportLine, formatStartLine, formatTimeoutLine,
} from './telemetry/report';
import { functionArn, logGroupName, logStreamName, newRequestId } from './ids';

/** A deployed version as Lambda holds it: the functions' code and their warm instances. */
export interface LambdaDeployment {
  project: Project;
  /** Where this version's functions run. */
  engine: Engine;
  bundles: Map<string, FunctionBundle>;
  pools: Map<string, FunctionPool>;
}

export interface LambdaHost {
  clock: SimulationClock;
  account: string;
  region(): string;
  /** The version serving now (async retries and event source mappings run on whatever serves when they fire). */
  current(): LambdaDeployment | null;
  /** Functions' AWS SDK calls. */
  services: ServiceCallHandler;
  log(functionName: string | null, requestId: string | null, kind: LogEntry['kind'], level: LogEntry['level'], text: string): void;
  emit(event: PlatformEvent): void;
  observed(): boolean;
}

const NO_CAUSES: readonly string[] = [];

export const failed = (error: FunctionErrorInfo): InvokeOutcome => ({ ok: false, error, durationMs: 0, timedOut: false });

export class LambdaService {
  private readonly streams = new WeakMap<Instance, string>();

  constructor(private readonly host: LambdaHost) {}

  /**
   * An asynchronous (Event) invocation: after a function error Lambda retries twice, about 1 and then 2 minutes later,
   * on the simulation clock (throttles get the same here; AWS retries those for up to 6 hours). Resolves once this
   * attempt is over.
   */
  async invokeAsync(functionName: string, event: unknown, trigger: string, causes: readonly string[] = NO_CAUSES, attempt = 0): Promise<void> {
    const d = this.host.current();
    if (!d || !d.bundles.has(functionName)) return;
    let outcome: InvokeOutcome;
    try {
      outcome = await this.execute(d, functionName, event, newRequestId(), trigger, causes);
    } catch (err) {
      // Nobody awaits an async invocation's result: report what stopped it instead of an unhandled rejection.
      return this.host.log(functionName, null, 'platform', 'error', `Async invocation could not run: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (outcome.ok) return;
    if (attempt >= 2) return this.host.log(functionName, null, 'platform', 'error', `Async invocation failed after 3 attempts; the event is dropped`);
    const delayMs = attempt === 0 ? 60_000 : 120_000;
    this.host.log(functionName, null, 'platform', 'warn', `Async invocation failed; Lambda retries in ${delayMs / 60_000} min (attempt ${attempt + 2} of 3)`);
    this.host.clock.setTimer(() => this.invokeAsync(functionName, event, trigger, causes, attempt + 1), delayMs);
  }

  /** A synchronous invocation for an event source mapping (SQS, streams): an outcome, never a rejection. */
  async invokeForSource(functionName: string, event: unknown, trigger: string, causes: readonly string[] = NO_CAUSES): Promise<InvokeOutcome> {
    const d = this.host.current();
    if (!d || !d.bundles.has(functionName)) {
      return failed({ errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${functionName}`, trace: [] });
    }
    try {
      return await this.execute(d, functionName, event, newRequestId(), trigger, causes);
    } catch (err) {
      return failed({ errorType: 'Runtime.Unknown', errorMessage: err instanceof Error ? err.message : String(err), trace: [] });
    }
  }

  private pool(d: LambdaDeployment, fnName: string): FunctionPool {
    let pool = d.pools.get(fnName);
    if (!pool) {
      const fn = d.project.functions[fnName];
      // Stamped on the simulation clock, like the platform's own lines, so a fast-forward keeps Logs in order.
      const sink = (requestId: string | null, line: FunctionLogLine) => this.log(fnName, requestId, 'function', line.level, line.text);
      pool = new FunctionPool(d.engine, d.bundles.get(fnName)!, sink, fn.reservedConcurrency, {
        onInstanceStart: (i) => this.emit({ type: 'instance-start', functionName: fnName, instanceId: i.id, initDurationMs: i.init.initDurationMs }),
        onInstanceStop: (i, reason) => this.emit({ type: 'instance-stop', functionName: fnName, instanceId: i.id, reason }),
      }, this.host.services);
      d.pools.set(fnName, pool);
    }
    return pool;
  }

  /**
   * One invocation with Lambda's log framing: START, the function's lines, END, REPORT (Init Duration after a cold start).
   * `trigger` says what invoked it: `http:<routeKey>`, an event source's id, or 'invoke' (direct); `causes`, the SDK
   * calls that made its event (traces).
   */
  async execute(
    d: LambdaDeployment, fnName: string, event: unknown, requestId: string, trigger: string, causes: readonly string[] = NO_CAUSES,
  ): Promise<InvokeOutcome> {
    const pool = this.pool(d, fnName);
    const fn = d.project.functions[fnName];
    let acquired = pool.acquire();
    if (acquired instanceof Promise) acquired = await acquired;
    if (acquired.kind === 'throttled') {
      if (this.observed) this.emit({ type: 'throttle', requestId, functionName: fnName, trigger, causes, time: this.clock.now() });
      this.log(fnName, requestId, 'platform', 'warn', `TooManyRequestsException: Rate Exceeded. (${fnName} has no concurrency left: ${pool.concurrencyLimit})`);
      return failed({ errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] });
    }
    const { instance, cold } = acquired;
    if (this.observed) this.emit({ type: 'invocation-start', requestId, functionName: fnName, cold, trigger, causes, time: this.clock.now() });
    this.log(fnName, requestId, 'start', 'info', formatStartLine(requestId, '$LATEST'));
    const initMs = cold ? instance.init.initDurationMs : undefined;

    if (!instance.init.ok) {
      // The runtime has already logged the init error, as Lambda's does.
      const error = instance.init.error ?? { errorType: 'Runtime.Unknown', errorMessage: 'Init failed', trace: [] };
      this.finish(fnName, requestId, 0, fn.memorySize, initMs, false);
      pool.release(instance, 'error');
      return failed(error);
    }

    const timeoutMs = fn.timeout * 1000;
    // AWS names the function `<service>-<stage>-<key>` unless `name:` says otherwise; the context shows that name.
    const deployedName = fn.functionName ?? fnName;
    const outcome = await instance.invoke(event, {
      awsRequestId: requestId,
      functionName: deployedName,
      functionVersion: '$LATEST',
      memoryLimitInMB: fn.memorySize,
      invokedFunctionArn: functionArn(this.host.region(), this.host.account, deployedName),
      logGroupName: logGroupName(deployedName),
      logStreamName: this.logStream(instance),
      remainingMs: timeoutMs,
      clockOffsetMs: this.clock.offsetFromBase(),
    });
    // A handler's error is logged by the runtime inside the instance (`Invoke Error`); a timeout only the platform sees.
    if (!outcome.ok && outcome.timedOut) this.log(fnName, requestId, 'function', 'error', formatTimeoutLine(requestId, fn.timeout, this.clock.now()));
    this.finish(fnName, requestId, outcome.durationMs, fn.memorySize, initMs, outcome.ok);
    pool.release(instance, outcome.ok ? null : outcome.timedOut ? 'timeout' : null);
    return outcome;
  }

  /** Lambda writes each execution environment's logs to its own stream, named when the environment starts. */
  private logStream(instance: Instance): string {
    let name = this.streams.get(instance);
    if (!name) this.streams.set(instance, (name = logStreamName(new Date(this.clock.now()), instance.id)));
    return name;
  }

  private finish(fnName: string, requestId: string, durationMs: number, memorySizeMB: number, initDurationMs: number | undefined, ok: boolean) {
    // Since August 2025 Lambda bills the init phase of managed runtimes too, so a cold start's Billed Duration includes it.
    const billedMs = billedDurationMs(durationMs, initDurationMs);
    this.log(fnName, requestId, 'end', 'info', formatEndLine(requestId));
    this.log(fnName, requestId, 'report', 'info', formatReportLine({ requestId, durationMs, billedMs, memorySizeMB, initDurationMs }));
    if (this.observed) this.emit({ type: 'invocation-end', requestId, functionName: fnName, ok, durationMs, billedMs, time: this.clock.now() });
  }

  private log(functionName: string | null, requestId: string | null, kind: LogEntry['kind'], level: LogEntry['level'], text: string) {
    this.host.log(functionName, requestId, kind, level, text);
  }

  private emit(event: PlatformEvent) {
    this.host.emit(event);
  }

  private get observed(): boolean {
    return this.host.observed();
  }

  private get clock(): SimulationClock {
    return this.host.clock;
  }
}
