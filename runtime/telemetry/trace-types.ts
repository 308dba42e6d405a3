/**
 * A trace: one request's path through the simulated account, like an AWS X-Ray trace. The root is the invocation the
 * request (or a console action, or a schedule) started; each SDK call it made hangs under it, and under each call the
 * invocations that call caused (an upload's notification, a sent message's batch, a publish, a put event, a table
 * change's stream batch), and so on down. Built by TraceLog (trace-log.ts) from the platform's event stream; drawn as
 * a Mermaid sequence diagram by runtime/diagram/trace-sequence.ts.
 *
 * Times are epoch ms on the platform's clock (virtual under fast-forward); durations are measured ms.
 */
import type { ServiceName } from '../services/types';

/** The gateway's side of an HTTP request (absent for invocations that did not come through the API). */
export interface TraceHttp {
  method: string;
  /** The path as requested, with its query string. */
  path: string;
  /** The route that matched ('GET /hello'), or null (404, or a CORS preflight). */
  routeKey: string | null;
  status: number;
  /** Gateway request to response, ms. */
  durationMs: number;
  /** Epoch ms the request arrived. */
  time: number;
}

/** How an invocation ended. */
export interface TraceEnd {
  ok: boolean;
  durationMs: number;
  /** Epoch ms. */
  time: number;
  /** Order among every record of the log (ties of `time` are broken by it). */
  seq: number;
}

export interface TraceInvocation {
  requestId: string;
  functionName: string;
  /** What invoked it: `http:<routeKey>`, a source id ('bucket:uploads', 'queue:orders', 'schedule:hello:1'), or 'invoke'. */
  trigger: string;
  cold: boolean;
  /** Refused for want of concurrency (TooManyRequestsException): it never ran, `end` stays null. */
  throttled: boolean;
  /** Epoch ms it started (or was throttled). */
  start: number;
  seq: number;
  /** Null while it runs (or when throttled). */
  end: TraceEnd | null;
  /** Its SDK calls, in the order made. */
  calls: TraceCall[];
}

export interface TraceCall {
  callId: string;
  service: ServiceName;
  operation: string;
  /** The bucket, queue, topic, bus or table it addressed, when the call names one. */
  resource: string | null;
  ok: boolean;
  /** AWS's error name when it failed ('NoSuchKey'). */
  errorName?: string;
  /** Epoch ms it was answered. */
  time: number;
  seq: number;
  /**
   * The invocations it caused, in start order. An SQS batch or a stream batch may carry several calls' records: such an
   * invocation hangs under the first of its causing calls in this trace.
   */
  triggered: TraceInvocation[];
}

export interface Trace {
  /** The root invocation's request id (the HTTP request's when no function ran). */
  id: string;
  http: TraceHttp | null;
  /** Null when the request reached no function (no route matched). */
  root: TraceInvocation | null;
}

/** One line of the traces list. */
export interface TraceSummary {
  id: string;
  /** 'GET /hello', 'bucket: uploads', 'schedule: hello', 'invoke: hello'. */
  title: string;
  /** The root function, if any. */
  functionName: string | null;
  /** HTTP status, when it came through the API. */
  status: number | null;
  /** Invocations in the trace (throttles included). */
  invocations: number;
  /** Failed or throttled invocations, failed SDK calls, and a 5xx status. */
  errors: number;
  /** Still running somewhere in the trace. */
  running: boolean;
  /** Epoch ms the trace started. */
  start: number;
  /** From its start to the end of its last invocation (or of the HTTP response), ms; null while running. */
  durationMs: number | null;
}
