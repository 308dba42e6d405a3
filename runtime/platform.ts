/**
 * The simulated cloud for one page session: deploys project versions, routes HTTP requests through the API gateway,
 * fires event sources on a simulation clock, runs invocations on an engine through per-function instance pools, and
 * publishes everything on one event stream.
 */
import type { Clock } from './clock';
import type { Engine, FunctionErrorInfo, FunctionLogLine, Instance, InvokeOutcome } from './engines/engine';
import type { HttpRequest, HttpResponse } from './gateway/types';
import type { Files, Project } from './project/types';
import type {
  DeployResult, DeploymentState, InvokeResult, LogEntry, PlatformEvent, PlatformListener, RequestResult,
} from './platform-types';
import { buildDeployment, summarizeErrors, type DeploymentBuild } from './deploy/build-deployment';
import { FunctionPool } from './scaling/function-pool';
import { prepareTranspiler } from './engines/worker/transpile';
import { LogBuffer } from './telemetry/log-buffer';
import { SimulationClock } from './sim-clock';
import { ScheduleSources } from './sources/schedule-sources';
import type { SourceInfo } from './sources/types';
import { buildHttpApiEvent } from './gateway/http-api-event';
import { splitPathAndQuery } from './gateway/routes';
import { internalErrorResponse, mapLambdaResult, notFoundResponse } from './gateway/response';
import { applyCors, preflightResponse } from './gateway/cors';
import {
  billedDurationMs, formatEndLine, formatReportLine, formatStartLine, formatTimeoutLine,
} from './telemetry/report';
import { functionArn, logGroupName, logStreamName, newApiId, newRequestId } from './ids';

const ACCOUNT = '123456789012';

interface Deployment extends DeploymentBuild {
  version: number;
  pools: Map<string, FunctionPool>;
}

export interface PlatformOptions {
  engine: Engine;
  clock: Clock;
}

const failed = (error: FunctionErrorInfo): InvokeOutcome => ({ ok: false, error, durationMs: 0, timedOut: false });

export class Platform {
  readonly logs = new LogBuffer(5000);
  /** The simulated cloud's time: pause, resume and fast-forward it (the clock control). */
  readonly clock: SimulationClock;
  private readonly engine: Engine;
  private readonly schedules: ScheduleSources;
  private readonly listeners = new Set<PlatformListener>();
  private readonly apiId = newApiId();
  private current: Deployment | null = null;
  private lastVersion = 0;
  private deploySeq = 0;
  private deploymentState: DeploymentState = { status: 'idle' };
  private readonly streams = new WeakMap<Instance, string>();

  constructor(opts: PlatformOptions) {
    this.engine = opts.engine;
    this.clock = new SimulationClock(opts.clock, (state) => this.emit({ type: 'clock', state }));
    this.schedules = new ScheduleSources({
      clock: this.clock,
      account: ACCOUNT,
      region: () => this.region,
      invokeAsync: (fn, event) => this.invokeAsync(fn, event),
      changed: () => this.emitSources(),
    });
  }

  /** The deployed project's event sources, as the Events panel lists them. */
  sources(): SourceInfo[] {
    return this.schedules.list();
  }

  /** Fires a source now, as its service would: the payload (JSON text) or, when empty, the source's own event. */
  fire(sourceId: string, payload = ''): Promise<void> {
    return this.schedules.fire(sourceId, payload);
  }

  get state(): DeploymentState {
    return this.deploymentState;
  }

  get project(): Project | null {
    return this.current?.project ?? null;
  }

  on(listener: PlatformListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deploys the files as a new version. A newer deploy supersedes an unfinished one; errors keep the old version serving. */
  async deploy(files: Files, opts: { signal?: AbortSignal } = {}): Promise<DeployResult> {
    const seq = ++this.deploySeq;
    const serving = this.current?.version ?? null;
    this.setState({ status: 'deploying', servingVersion: serving }, []);
    // Yield once so a burst of saves collapses into the last one.
    await Promise.resolve();
    const superseded = () => seq !== this.deploySeq || opts.signal?.aborted === true;
    const dropped: DeployResult = { ok: false, version: serving, diagnostics: [], error: 'Superseded by a newer deploy' };
    if (superseded()) return dropped;

    await prepareTranspiler(files);
    if (superseded()) return dropped;
    const built = buildDeployment(files);
    if (superseded()) return dropped;
    if (!built.ok) {
      const message = summarizeErrors(built.diagnostics);
      this.setState({ status: 'error', message, servingVersion: serving }, built.diagnostics);
      this.platformLog(`Deployment failed: ${message}${serving ? ` — version ${serving} keeps serving` : ''}`, 'error');
      return { ok: false, version: serving, diagnostics: built.diagnostics, error: message };
    }
    const version = ++this.lastVersion;
    const previous = this.current;
    this.current = { ...built.build, version, pools: new Map() };
    // No stale code: the old version's warm instances are stopped; in-flight ones finish and are then dropped.
    previous?.pools.forEach((pool) => pool.retire('deploy'));
    this.schedules.deploy(built.build.project);
    this.setState({ status: 'ready', version }, built.build.diagnostics);
    this.emitSources();
    return { ok: true, version, diagnostics: built.build.diagnostics };
  }

  /** An HTTP request through the API gateway (HTTP API, payload format 2.0). */
  async request(req: HttpRequest): Promise<RequestResult> {
    const started = this.clock.perfNow();
    const gatewayRequestId = newRequestId();
    const requestId = newRequestId(); // the Lambda invocation's id, the one its logs carry
    const d = this.current;
    const cors = d?.project.provider.httpApi.cors ?? null;
    const done = (response: HttpResponse, functionName: string | null, routeKey: string | null, preflight = false): RequestResult => {
      const answered = preflight ? response : applyCors(cors, req, response);
      // HTTP API names its own request id in every response.
      answered.headers['apigw-requestid'] = gatewayRequestId;
      return { requestId, response: answered, durationMs: this.clock.perfNow() - started, functionName, routeKey };
    };
    const preflight = preflightResponse(cors, req);
    if (preflight) return done(preflight, null, null, true);
    const match = d?.router.match(req.method.toUpperCase(), splitPathAndQuery(req.path).path);
    if (!d || !match) return done(notFoundResponse(), null, null);

    const fnName = match.route.functionName;
    const event = buildHttpApiEvent(req, match, { requestId: gatewayRequestId, now: this.clock.now(), apiId: this.apiId });
    const outcome = await this.execute(d, fnName, event, requestId);
    // A throttle reaches the gateway as a Lambda error, which HTTP API turns into a 500 (CONTRACTS.md §2).
    const response = outcome.ok ? mapLambdaResult(outcome.result) : internalErrorResponse();
    return done(response, fnName, match.route.routeKey);
  }

  /** A direct, synchronous (RequestResponse) invoke, like the Lambda console's Test button. */
  async invoke(functionName: string, event: unknown): Promise<InvokeResult> {
    const d = this.current;
    const requestId = newRequestId();
    if (!d || !d.bundles.has(functionName)) {
      return {
        requestId, functionName, ok: false, durationMs: 0,
        error: { errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${functionArn(this.region, ACCOUNT, functionName)}`, trace: [] },
      };
    }
    const o = await this.execute(d, functionName, event, requestId);
    return o.ok
      ? { requestId, functionName, ok: true, result: o.result, durationMs: o.durationMs }
      : { requestId, functionName, ok: false, error: o.error, durationMs: o.durationMs };
  }

  /**
   * An asynchronous (Event) invocation, as schedules make: after a function error Lambda retries twice, about 1 and
   * then 2 minutes later, on the simulation clock (throttles get the same here; AWS retries those for up to 6 hours).
   * Resolves once this attempt is over.
   */
  async invokeAsync(functionName: string, event: unknown, attempt = 0): Promise<void> {
    const d = this.current;
    if (!d || !d.bundles.has(functionName)) return;
    let outcome: InvokeOutcome;
    try {
      outcome = await this.execute(d, functionName, event, newRequestId());
    } catch (err) {
      // Nobody awaits an async invocation's result: report what stopped it instead of an unhandled rejection.
      return this.log(functionName, null, 'platform', 'error', `Async invocation could not run: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (outcome.ok) return;
    if (attempt >= 2) return this.log(functionName, null, 'platform', 'error', `Async invocation failed after 3 attempts; the event is dropped`);
    const delayMs = attempt === 0 ? 60_000 : 120_000;
    this.log(functionName, null, 'platform', 'warn', `Async invocation failed; Lambda retries in ${delayMs / 60_000} min (attempt ${attempt + 2} of 3)`);
    this.clock.setTimer(() => this.invokeAsync(functionName, event, attempt + 1), delayMs);
  }

  dispose(): void {
    this.schedules.stop();
    this.current?.pools.forEach((pool) => pool.retire('dispose'));
    this.current = null;
    this.engine.dispose();
    this.listeners.clear();
  }

  private pool(d: Deployment, fnName: string): FunctionPool {
    let pool = d.pools.get(fnName);
    if (!pool) {
      const fn = d.project.functions[fnName];
      // Stamped on the simulation clock, like the platform's own lines, so a fast-forward keeps Logs in order.
      const sink = (requestId: string | null, line: FunctionLogLine) => this.log(fnName, requestId, 'function', line.level, line.text);
      pool = new FunctionPool(this.engine, d.bundles.get(fnName)!, sink, fn.reservedConcurrency, {
        onInstanceStart: (i) => this.emit({ type: 'instance-start', functionName: fnName, instanceId: i.id, initDurationMs: i.init.initDurationMs }),
        onInstanceStop: (i, reason) => this.emit({ type: 'instance-stop', functionName: fnName, instanceId: i.id, reason }),
      });
      d.pools.set(fnName, pool);
    }
    return pool;
  }

  /** One invocation with Lambda's log framing: START, the function's lines, END, REPORT (Init Duration after a cold start). */
  private async execute(d: Deployment, fnName: string, event: unknown, requestId: string): Promise<InvokeOutcome> {
    const pool = this.pool(d, fnName);
    const fn = d.project.functions[fnName];
    let acquired = pool.acquire();
    if (acquired instanceof Promise) acquired = await acquired;
    if (acquired.kind === 'throttled') {
      this.log(fnName, requestId, 'platform', 'warn', `TooManyRequestsException: Rate Exceeded. (${fnName} has no concurrency left: ${pool.concurrencyLimit})`);
      return failed({ errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] });
    }
    const { instance, cold } = acquired;
    if (this.observed) this.emit({ type: 'invocation-start', requestId, functionName: fnName, cold, time: this.clock.now() });
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
      invokedFunctionArn: functionArn(this.region, ACCOUNT, deployedName),
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

  private platformLog(text: string, level: LogEntry['level'] = 'info') {
    this.log(null, null, 'platform', level, text);
  }

  private log(functionName: string | null, requestId: string | null, kind: LogEntry['kind'], level: LogEntry['level'], text: string, time = this.clock.now()) {
    const entry = this.logs.push({ time, functionName, requestId, kind, level, text });
    if (this.observed) this.emit({ type: 'log', entry });
  }

  private setState(state: DeploymentState, diagnostics: DeployResult['diagnostics']) {
    this.deploymentState = state;
    this.emit({ type: 'deployment', state, diagnostics });
  }

  private get region(): string {
    return this.current?.project.provider.region ?? 'us-east-1';
  }

  private emitSources(): void {
    if (this.observed) this.emit({ type: 'sources', sources: this.sources() });
  }

  private emit(event: PlatformEvent) {
    for (const l of this.listeners) l(event);
  }

  private get observed(): boolean {
    return this.listeners.size > 0;
  }
}
