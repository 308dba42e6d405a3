/** What the Platform façade (runtime/platform.ts) offers its callers: the UI store, the benchmarks and the tests. */
import type { Diagnostic, Files } from './project/types';
import type { HttpResponse } from './gateway/types';
import type { FunctionErrorInfo, LogLevel } from './engines/engine';
import type { ClockState, SourceInfo } from './sources/types';
import type { ServiceName } from './services/types';
import type { EngineKind } from './project/engine-choice';

/** The engine a version runs on, and why (the Deployment status shows it). */
export interface EngineInfo {
  kind: EngineKind;
  reason: string;
}

export type DeploymentState =
  | { status: 'idle' }
  /** `step`: the long part under way, when there is one ('Starting WebContainers…', 'Installing dependencies…'). */
  | { status: 'deploying'; servingVersion: number | null; step?: string }
  | { status: 'ready'; version: number; engine: EngineInfo }
  /** The new files do not deploy; `servingVersion` (the last good one, if any) keeps answering. */
  | { status: 'error'; message: string; servingVersion: number | null };

export interface DeployResult {
  ok: boolean;
  /** The version now serving (the new one when ok, the previous one otherwise). */
  version: number | null;
  /** Errors and warnings, each at its file, line and column. */
  diagnostics: Diagnostic[];
  /** A one-line summary of why it failed, when it did. */
  error?: string;
}

export interface RequestResult {
  requestId: string;
  response: HttpResponse;
  /** Gateway request to response, ms. */
  durationMs: number;
  /** The function the route chose, if any. */
  functionName: string | null;
  routeKey: string | null;
}

export interface InvokeResult {
  requestId: string;
  functionName: string;
  ok: boolean;
  /** The handler's return value when ok. */
  result?: unknown;
  error?: FunctionErrorInfo;
  durationMs: number;
}

export type LogKind = 'start' | 'end' | 'report' | 'function' | 'platform';

/** One line of the Logs panel, CloudWatch style. */
export interface LogEntry {
  seq: number;
  /** Epoch ms. */
  time: number;
  functionName: string | null;
  requestId: string | null;
  kind: LogKind;
  level: LogLevel;
  text: string;
}

/** Everything that happens, on one stream (telemetry, diagram and metrics fold over it). */
export type PlatformEvent =
  | { type: 'deployment'; state: DeploymentState; diagnostics: Diagnostic[] }
  | { type: 'log'; entry: LogEntry }
  /**
   * `trigger`: what invoked it: `http:<routeKey>` (the gateway), an event source's id ('bucket:uploads'), or 'invoke'.
   * `causes`: the SDK calls (their `callId`) whose upload, message, publish, event or table change it carries; empty
   * when it started a trace (a request, a console action, a schedule). A call's invocation-start may come before the
   * call's own `service-call` event (a notification starts while the call is being answered).
   */
  | { type: 'invocation-start'; requestId: string; functionName: string; cold: boolean; trigger: string; causes: readonly string[]; time: number }
  /** An invocation refused for want of concurrency (TooManyRequestsException). */
  | { type: 'throttle'; requestId: string; functionName: string; trigger: string; causes: readonly string[]; time: number }
  | { type: 'invocation-end'; requestId: string; functionName: string; ok: boolean; durationMs: number; billedMs: number; time: number }
  | { type: 'instance-start'; functionName: string; instanceId: string; initDurationMs: number }
  | { type: 'instance-stop'; functionName: string; instanceId: string; reason: 'deploy' | 'timeout' | 'error' | 'idle' | 'dispose' }
  /** The deployed event sources, after each deploy and whenever a next fire time changes. */
  | { type: 'sources'; sources: SourceInfo[] }
  /** The simulation clock was paused, resumed or fast-forwarded. */
  | { type: 'clock'; state: ClockState }
  /** Something in a bucket, queue, topic, bus or table changed: `Platform.resources()` has a new view (read it per frame, not per event). */
  | { type: 'resources' }
  /** A function called a simulated service through the AWS SDK (the diagram's run-time edges, traces). */
  | {
    type: 'service-call'; callId: string; functionName: string; requestId: string | null; service: ServiceName; operation: string;
    /** The bucket, queue, topic, bus or table it addressed, when the call names one. */
    resource: string | null; ok: boolean; errorName?: string; time: number;
  }
  /**
   * The API gateway answered an HTTP request. `requestId` is the invocation's (its logs' and trace's id), or the
   * gateway's own when no function ran (no route, a CORS preflight). `time`: epoch ms it arrived.
   */
  | {
    type: 'http-request'; requestId: string; method: string; path: string; routeKey: string | null; status: number;
    durationMs: number; time: number;
  }
  /** Raw terminal output of WebContainers (the boot, npm install), for the Terminal panel; `Platform.terminal` keeps it. */
  | { type: 'terminal'; data: string }
  /** A message moved from a queue to its dead-letter queue (after maxReceiveCount receives). */
  | { type: 'redrive'; queue: string; deadLetterQueue: string; time: number };

export type PlatformListener = (event: PlatformEvent) => void;

export type { Files };
