/**
 * The simulated cloud for one page session: deploys project versions, routes HTTP requests through the API gateway,
 * fires event sources on a simulation clock, runs invocations on an engine through per-function instance pools, and
 * publishes everything on one event stream.
 */
import type { Clock } from './clock';
import type { Engine } from './engines/engine';
import { EngineSelector, type WebContainerProvider } from './deploy/engine-selector';
import type { HttpRequest, HttpResponse } from './gateway/types';
import type { Files, Project } from './project/types';
import type {
  DeployResult, DeploymentState, InvokeResult, LogEntry, PlatformEvent, PlatformListener, RequestResult,
} from './platform-types';
import { buildDeployment, summarizeErrors, type DeploymentBuild } from './deploy/build-deployment';
import { prepareTranspiler } from './engines/worker/transpile';
import { LogBuffer } from './telemetry/log-buffer';
import { TerminalBuffer } from './telemetry/terminal-buffer';
import { SimulationClock } from './sim-clock';
import { LazyCloud } from './lazy-cloud';
import type { FireOptions, SourceInfo } from './sources/types';
import type { ResourcesView } from './services/types';
import { buildHttpApiEvent } from './gateway/http-api-event';
import { splitPathAndQuery } from './gateway/routes';
import { internalErrorResponse, mapLambdaResult, notFoundResponse } from './gateway/response';
import { applyCors, preflightResponse } from './gateway/cors';
import { functionArn, newApiId, newRequestId } from './ids';
import { LambdaService, type LambdaDeployment } from './lambda-service';

const ACCOUNT = '123456789012';

interface Deployment extends DeploymentBuild, LambdaDeployment {
  version: number;
}

export interface PlatformOptions {
  /** The embedded engine: every project without npm dependencies runs on it. */
  engine: Engine;
  clock: Clock;
  /** Real Node.js, for projects that need or ask for it (engine-choice.ts); without it they say why they cannot run. */
  webcontainer?: WebContainerProvider;
}

export class Platform {
  readonly logs = new LogBuffer(5000);
  /** WebContainers' terminal output (boot, npm install), for the Terminal panel. */
  readonly terminal = new TerminalBuffer();
  /** The simulated cloud's time: pause, resume and fast-forward it (the clock control). */
  readonly clock: SimulationClock;
  private readonly engine: Engine;
  private readonly webcontainer: WebContainerProvider | null;
  private readonly lambda: LambdaService;
  private readonly cloud: LazyCloud;
  /** The data in the simulated services, as the Resources panel edits it and IndexedDB keeps it. */
  readonly data: LazyCloud['data'];
  private readonly listeners = new Set<PlatformListener>();
  private readonly apiId = newApiId();
  private current: Deployment | null = null;
  private lastVersion = 0;
  private deploySeq = 0;
  private deploymentState: DeploymentState = { status: 'idle' };
  private readonly engines: EngineSelector;

  constructor(opts: PlatformOptions) {
    this.engine = opts.engine;
    this.webcontainer = opts.webcontainer ?? null;
    this.clock = new SimulationClock(opts.clock, (state) => this.emit({ type: 'clock', state }));
    this.cloud = new LazyCloud({
      clock: this.clock,
      account: ACCOUNT,
      region: () => this.region,
      invokeAsync: (fn, event, trigger, causes) => this.lambda.invokeAsync(fn, event, trigger, causes),
      invoke: (fn, event, trigger, causes) => this.lambda.invokeForSource(fn, event, trigger, causes),
      log: (fn, level, text) => this.log(fn, null, 'platform', level, text),
      changed: () => this.emitSources(),
      resourcesChanged: () => {
        if (this.observed) this.emit({ type: 'resources' });
      },
      redriven: (queue, deadLetterQueue) => {
        if (this.observed) this.emit({ type: 'redrive', queue, deadLetterQueue, time: this.clock.now() });
      },
      called: (call, from, resource, reply, callId) => {
        if (!this.observed) return;
        const errorName = reply.ok ? undefined : reply.error.name;
        this.emit({
          type: 'service-call', callId, functionName: from.functionName, requestId: from.requestId, service: call.service,
          operation: call.operation, resource, ok: reply.ok, errorName, time: this.clock.now(),
        });
      },
    });
    this.data = this.cloud.data;
    this.engines = new EngineSelector({
      embedded: this.engine,
      webcontainer: this.webcontainer,
      log: (text, level) => this.platformLog(text, level),
      term: (chunk) => this.term(chunk),
      // Until the new version is in place, the current one serves.
      step: (step) => this.setState({ status: 'deploying', servingVersion: this.current?.version ?? null, step }, []),
    });
    this.lambda = new LambdaService({
      clock: this.clock,
      account: ACCOUNT,
      region: () => this.region,
      current: () => this.current,
      services: (call, from) => this.cloud.call(call, from),
      log: (fn, rid, kind, level, text) => this.log(fn, rid, kind, level, text),
      emit: (event) => this.emit(event),
      observed: () => this.observed,
    });
  }

  /** The deployed project's event sources, as the Events panel lists them. */
  sources(): SourceInfo[] {
    return this.cloud.sources();
  }

  /**
   * Fires a source now, as its service would: the payload (JSON text, or a queue's or topic's message text) or, when
   * empty, the source's own event; a bucket takes the key and a file's bytes in `opts`.
   */
  fire(sourceId: string, payload = '', opts?: FireOptions): Promise<void> {
    return this.cloud.fire(sourceId, payload, opts);
  }

  /** Buckets, queues, topics, buses and tables with their contents. */
  resources(): ResourcesView {
    return this.cloud.resources();
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
    if (built.ok && !this.cloud.loaded && LazyCloud.needed(built.build.project)) {
      await this.cloud.load();
      if (superseded()) return dropped;
    }
    if (!built.ok) return this.failed(built.diagnostics, serving);
    const engine = await this.engines.select(files, built.build.project, opts.signal);
    if (superseded()) return dropped;
    if ('diagnostics' in engine) return this.failed([...built.build.diagnostics, ...engine.diagnostics], serving);
    const version = ++this.lastVersion;
    const previous = this.current;
    this.current = { ...built.build, version, pools: new Map(), engine: engine.engine };
    // No stale code: the old version's warm instances are stopped; in-flight ones finish and are then dropped.
    previous?.pools.forEach((pool) => pool.retire('deploy'));
    this.cloud.deploy(built.build.project);
    this.setState({ status: 'ready', version, engine: engine.info }, built.build.diagnostics);
    this.emitSources();
    return { ok: true, version, diagnostics: built.build.diagnostics };
  }

  /** An HTTP request through the API gateway (HTTP API, payload format 2.0). */
  async request(req: HttpRequest): Promise<RequestResult> {
    const started = this.clock.perfNow();
    const arrived = this.clock.now();
    const gatewayRequestId = newRequestId();
    const requestId = newRequestId(); // the Lambda invocation's id, the one its logs carry
    const d = this.current;
    const cors = d?.project.provider.httpApi.cors ?? null;
    const done = (response: HttpResponse, functionName: string | null, routeKey: string | null, preflight = false): RequestResult => {
      const answered = preflight ? response : applyCors(cors, req, response);
      // HTTP API names its own request id in every response.
      answered.headers['apigw-requestid'] = gatewayRequestId;
      const durationMs = this.clock.perfNow() - started;
      if (this.observed) {
        this.emit({
          type: 'http-request', requestId: functionName ? requestId : gatewayRequestId, method: req.method.toUpperCase(), path: req.path,
          routeKey, status: answered.statusCode, durationMs, time: arrived,
        });
      }
      return { requestId, response: answered, durationMs, functionName, routeKey };
    };
    const preflight = preflightResponse(cors, req);
    if (preflight) return done(preflight, null, null, true);
    const match = d?.router.match(req.method.toUpperCase(), splitPathAndQuery(req.path).path);
    if (!d || !match) return done(notFoundResponse(), null, null);

    const fnName = match.route.functionName;
    const event = buildHttpApiEvent(req, match, { requestId: gatewayRequestId, now: this.clock.now(), apiId: this.apiId });
    const outcome = await this.lambda.execute(d, fnName, event, requestId, `http:${match.route.routeKey}`);
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
    const o = await this.lambda.execute(d, functionName, event, requestId, 'invoke');
    return o.ok
      ? { requestId, functionName, ok: true, result: o.result, durationMs: o.durationMs }
      : { requestId, functionName, ok: false, error: o.error, durationMs: o.durationMs };
  }

  /** An asynchronous (Event) invocation, as schedules, S3, SNS and EventBridge make (Lambda's two retries included). */
  invokeAsync(functionName: string, event: unknown, trigger = 'invoke'): Promise<void> {
    return this.lambda.invokeAsync(functionName, event, trigger);
  }

  dispose(): void {
    this.cloud.stop();
    this.current?.pools.forEach((pool) => pool.retire('dispose'));
    this.current = null;
    this.engine.dispose();
    this.webcontainer?.dispose();
    this.listeners.clear();
  }

  private failed(diagnostics: DeployResult['diagnostics'], serving: number | null): DeployResult {
    const message = summarizeErrors(diagnostics);
    this.setState({ status: 'error', message, servingVersion: serving }, diagnostics);
    this.platformLog(`Deployment failed: ${message}${serving ? ` — version ${serving} keeps serving` : ''}`, 'error');
    return { ok: false, version: serving, diagnostics, error: message };
  }

  private term(chunk: string): void {
    this.terminal.write(chunk);
    if (this.observed) this.emit({ type: 'terminal', data: chunk });
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
