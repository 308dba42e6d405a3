/** The one interface every engine (worker, webcontainer, pyodide) implements: where function code runs. */
import type { ServiceCallHandler } from '../services/types';

/** A function's code, ready to load into an instance. Module paths are project-relative ("src/a.js"). */
export interface FunctionBundle {
  functionName: string;
  /** CommonJS JavaScript per module path (TypeScript and ES modules already transpiled; JSON files as JSON text). */
  modules: Record<string, string>;
  /** Path of the handler module inside `modules`, e.g. 'handler.js' or 'src/users.ts'. */
  entry: string;
  /** The exported handler name. */
  exportName: string;
  env: Record<string, string>;
  memoryLimitInMB: number;
  /** The function's timeout in ms; also bounds the init phase together with Lambda's 10 s init limit. */
  timeoutMs: number;
}

/** What the context object is built from (CONTRACTS.md §2). */
export interface ContextInit {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: number;
  invokedFunctionArn: string;
  logGroupName: string;
  logStreamName: string;
  /** Time left when the handler is called, in ms. */
  remainingMs: number;
  /** How far the platform's simulation clock is ahead of wall time (after a fast-forward); `Date` in the function follows it. */
  clockOffsetMs?: number;
}

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';

/** One line the function wrote, as CloudWatch shows it (already formatted, e.g. with the request id). */
export interface FunctionLogLine {
  level: LogLevel;
  /** Wall-clock ms (Date.now() in the worker). */
  time: number;
  text: string;
}

export interface FunctionErrorInfo {
  errorType: string;
  errorMessage: string;
  /** Stack lines, Lambda style (without the first "Type: message" line). */
  trace: string[];
}

export type InvokeOutcome =
  | { ok: true; result: unknown; durationMs: number }
  | { ok: false; error: FunctionErrorInfo; durationMs: number; timedOut: boolean };

export interface InitOutcome {
  ok: boolean;
  /** Time spent running module scope (Lambda's Init Duration), ms. */
  initDurationMs: number;
  error?: FunctionErrorInfo;
}

export interface LogSink {
  (requestId: string | null, line: FunctionLogLine): void;
}

/** A running execution environment: loaded once (cold start), invoked many times, one invocation at a time. */
export interface Instance {
  readonly id: string;
  /** Result of the init phase (module scope). An instance whose init failed re-inits on next invoke, as Lambda does. */
  readonly init: InitOutcome;
  invoke(event: unknown, context: ContextInit): Promise<InvokeOutcome>;
  /** Stops the instance and frees its thread. Safe to call twice. */
  stop(): void;
  readonly stopped: boolean;
}

export interface Engine {
  readonly kind: 'worker' | 'webcontainer' | 'pyodide';
  /**
   * Starts an instance and runs its init phase. Logs from init and invocations go to `sink`; the function's AWS SDK
   * calls (`@aws-sdk/client-s3`, …) go to `services`, whose reply the SDK call in the function resolves (or throws) with.
   */
  startInstance(bundle: FunctionBundle, sink: LogSink, services?: ServiceCallHandler): Promise<Instance>;
  /** Frees everything the engine holds (frames, workers). */
  dispose(): void;
}
