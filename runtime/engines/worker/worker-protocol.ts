/** The messages between the page and a function's worker (over the MessagePort handed through the sandbox frame). */
import type { FunctionErrorInfo, InitOutcome, LogLevel } from '../engine';
import type { AwsErrorInfo, ServiceName } from '../../services/types';

export interface LoadMessage {
  t: 'load';
  modules: Record<string, string>;
  entry: string;
  exportName: string;
  env: Record<string, string>;
  functionName: string;
  memoryLimitInMB: number;
  /** Only keep the code: init runs inside the first invocation (a retried init, as after an init timeout). */
  deferInit?: boolean;
}

export interface InvokeMessage {
  t: 'invoke';
  id: number;
  /** JSON text of `[event, context: ContextInit]`. */
  payload: string;
}

/** The page's answer to an SDK call (structured clone: S3 bodies arrive as Uint8Array). */
export type ReplyMessage =
  | { t: 'reply'; id: number; ok: true; output: Record<string, unknown> }
  | { t: 'reply'; id: number; ok: false; error: AwsErrorInfo };

export type PageToWorker = LoadMessage | InvokeMessage | ReplyMessage;

/** An AWS SDK call from the function (`rid`: the invocation it was made in, or null during init). */
export interface CallMessage {
  t: 'call';
  id: number;
  rid: string | null;
  service: ServiceName;
  operation: string;
  input: Record<string, unknown>;
}

export type WorkerToPage =
  | { t: 'init'; outcome: InitOutcome }
  | { t: 'log'; rid: string | null; level: LogLevel; time: number; text: string }
  /** The result travels as JSON text: the Lambda runtime JSON-serialises it (toJSON, dropped undefined, cycles fail). */
  | { t: 'done'; id: number; ok: true; json: string; durationMs: number }
  /** `fatal`: the runtime process would have exited (unhandled rejection, uncaught exception, process.exit). */
  | { t: 'done'; id: number; ok: false; error: FunctionErrorInfo; durationMs: number; fatal: boolean }
  /** The process died outside an invocation (an error in a timer after the response, process.exit). */
  | { t: 'fatal'; error: FunctionErrorInfo }
  | CallMessage;

/** What the frame and worker see of a MessagePort (a fake one in unit tests). */
export interface PortLike {
  onmessage: ((e: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

/** What the worker program needs of its global scope (`self` in the worker, a fake in unit tests). */
export interface WorkerScope {
  onmessage: ((e: { data: unknown; ports: readonly PortLike[] }) => void) | null;
  addEventListener(type: string, fn: (e: { reason?: unknown; error?: unknown; message?: string; promise?: unknown; preventDefault(): void }) => void): void;
  setTimeout(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearTimeout(id: unknown): void;
  setInterval(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearInterval(id: unknown): void;
  performance: { now(): number };
  [name: string]: unknown;
}
