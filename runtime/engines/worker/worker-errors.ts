/** How the Lambda Node.js runtime (aws-lambda-nodejs-runtime-interface-client) turns thrown values into error responses and log text. */
import type { FunctionErrorInfo } from '../engine';

export interface WorkerErrors {
  /** Errors.toRapidResponse: the error document of a failed invocation (trace without its first line, per engine.ts). */
  toResponse(err: unknown): FunctionErrorInfo;
  /** Errors.toFormatted: '\t' + JSON, as in `Invoke Error \t{"errorType":…,"errorMessage":…,"stack":[…]}`. */
  toFormatted(err: unknown): string;
  /** The runtime's own error classes: name `Runtime.<kind>` (ImportModuleError, HandlerNotFound, …). */
  runtimeError(kind: string, message: string, cause?: unknown): Error;
}

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createErrors(): WorkerErrors {
  function isError(v: unknown): v is Error {
    if (v instanceof Error || Object.prototype.toString.call(v) === '[object Error]') return true;
    const o = v as Error | null;
    return !!o && typeof o.name === 'string' && !!o.name && typeof o.message === 'string' && !!o.message && typeof o.stack === 'string';
  }
  function toResponse(err: unknown): FunctionErrorInfo {
    try {
      if (isError(err)) {
        const lines = String(err.stack === undefined ? '' : err.stack).split('\n');
        // V8 stacks start with "Name: message" (possibly several lines when the message has newlines).
        const head = String(err.name) + (err.message ? ': ' + err.message : '');
        const headLines = head.split('\n').length;
        const trace = lines.slice(0, headLines).join('\n') === head ? lines.slice(headLines) : lines.filter((l) => /^\s+at /.test(l));
        return { errorType: String(err.name), errorMessage: String(err.message), trace };
      }
      return { errorType: typeof err, errorMessage: (err as { toString(): string }).toString(), trace: [] };
    } catch {
      return {
        errorType: 'handled',
        errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
        trace: [],
      };
    }
  }
  function withEnumerableProperties(v: unknown): unknown {
    if (!(v instanceof Error)) return v;
    const ret: Record<string, unknown> = Object.assign({ errorType: v.name, errorMessage: v.message, code: (v as { code?: unknown }).code }, v as object);
    if (typeof v.stack === 'string') ret.stack = v.stack.split('\n');
    return ret;
  }
  function toFormatted(err: unknown): string {
    try {
      return '\t' + JSON.stringify(err, (_k, v) => withEnumerableProperties(v));
    } catch {
      const r = toResponse(err);
      return '\t' + JSON.stringify({ errorType: r.errorType, errorMessage: r.errorMessage, trace: r.trace });
    }
  }
  function runtimeError(kind: string, message: string, cause?: unknown): Error {
    const e = new Error(message);
    Object.defineProperty(e, 'name', { value: 'Runtime.' + kind, configurable: true, writable: true });
    const from = cause instanceof Error && typeof cause.stack === 'string' ? cause.stack : String(e.stack);
    const frames = from.split('\n').filter((l) => /^\s+at /.test(l));
    e.stack = ['Runtime.' + kind + ': ' + message, ...frames].join('\n');
    return e;
  }
  return { toResponse, toFormatted, runtimeError };
}
