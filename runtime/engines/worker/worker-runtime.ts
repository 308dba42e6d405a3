/** The Lambda Node.js runtime inside the worker: init phase (module scope), then one invocation at a time, as the runtime interface client does. */
import type { ContextInit, FunctionErrorInfo, InitOutcome } from '../engine';
import type { createAwsSdk, AwsSdkParts } from './worker-aws-sdk';
import type { SdkReply } from './worker-aws-sdk-core';
import type { createBuffer } from './worker-buffer';
import type { createBuiltins } from './worker-builtins';
import type { createErrors } from './worker-errors';
import type { createFormat } from './worker-format';
import type { createGlobals } from './worker-globals';
import type { createInspect } from './worker-inspect';
import type { createModuleSystem } from './worker-modules';
import type { InvokeMessage, LoadMessage, PortLike, ReplyMessage, WorkerScope, WorkerToPage } from './worker-protocol';
import type { ServiceName } from '../../services/types';

/** The self-contained parts the runtime is assembled from (passed in, because the worker program is built from source text). */
export interface WorkerLib extends AwsSdkParts {
  createInspect: typeof createInspect;
  createFormat: typeof createFormat;
  createErrors: typeof createErrors;
  createGlobals: typeof createGlobals;
  createBuiltins: typeof createBuiltins;
  createBuffer: typeof createBuffer;
  createModuleSystem: typeof createModuleSystem;
  createAwsSdk: typeof createAwsSdk;
}

type Handler = (event: unknown, context: unknown, callback: (err?: unknown, result?: unknown) => void) => unknown;

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function workerMain(scope: WorkerScope, lib: WorkerLib): void {
  const inspect = lib.createInspect();
  const format = lib.createFormat(inspect);
  const errors = lib.createErrors();
  const perf = scope.performance;
  const evaluate = scope.eval as (source: string) => unknown; // indirect eval: global scope, line numbers as written
  let port: PortLike | null = null;
  let rid: string | null = null;
  let loadMsg: LoadMessage | null = null;
  let handler: Handler | null = null;
  let initError: FunctionErrorInfo | null = null;
  let current: { id: number; start: number; finished: boolean } | null = null;

  const post = (m: WorkerToPage) => (port as PortLike).postMessage(m);
  const host = {
    setTimeout: scope.setTimeout.bind(scope),
    clearTimeout: scope.clearTimeout.bind(scope),
    setInterval: scope.setInterval.bind(scope),
    clearInterval: scope.clearInterval.bind(scope),
    performance: perf,
  };
  const g = lib.createGlobals({
    host,
    format,
    write: (level, r, text) => post({ t: 'log', rid: r, level, time: Date.now(), text }),
    requestId: () => rid,
    exit: (code) =>
      fatal({
        errorType: 'Runtime.ExitError',
        errorMessage: 'RequestId: ' + rid + ' Error: ' + (code === 0 ? 'Runtime exited without providing a reason' : 'Runtime exited with error: exit status ' + code),
        trace: [],
      }),
  });
  const con = g.console as Record<string, (...a: unknown[]) => void>;
  const Buffer = lib.createBuffer();
  const t = g.timers;

  // AWS SDK calls go to the page and wait for its reply; they outlive the invocation that made them (fire-and-forget).
  const calls = new Map<number, (r: SdkReply) => void>();
  let callSeq = 0;
  const setHold = t.setInterval as unknown as (fn: () => void, ms: number) => unknown;
  const clearHold = t.clearInterval as unknown as (id: unknown) => void;
  const later = t.setTimeout as unknown as (fn: () => void, ms: number) => unknown;
  const call = (service: string, operation: string, input: Record<string, unknown>) =>
    new Promise<SdkReply>((resolve, reject) => {
      const id = ++callSeq;
      const hold = setHold(() => {}, 2147483647); // an open request keeps Node's event loop alive, as its socket would
      calls.set(id, (r) => {
        resolve(r);
        later(() => clearHold(hold), 0); // after the reply's own continuations, which may respond through a callback
      });
      try {
        post({ t: 'call', id, rid, service: service as ServiceName, operation, input });
      } catch (err) {
        calls.delete(id); // the input could not be cloned (a function in it, say)
        clearHold(hold);
        reject(err);
      }
    });
  const reply = (m: ReplyMessage) => {
    const done = calls.get(m.id);
    if (!done) return;
    calls.delete(m.id);
    done(m.ok ? { ok: true, output: m.output } : { ok: false, error: m.error });
  };
  const sdk = lib.createAwsSdk({
    call,
    region: () => g.process.env.AWS_REGION || 'us-east-1',
    Buffer: Buffer as never,
    parts: { createSdkCore: lib.createSdkCore, createS3Sdk: lib.createS3Sdk, createDynamoMarshall: lib.createDynamoMarshall, createDocumentSdk: lib.createDocumentSdk },
  });
  const builtins = lib.createBuiltins({ format, inspect, process: g.process, console: g.console, timers: g.timers, Buffer, packages: sdk });
  const globalNames = ['process', 'global', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'Buffer', 'Date'];
  const globalValues = [g.process, scope, g.console, t.setTimeout, t.clearTimeout, t.setInterval, t.clearInterval, t.setImmediate, t.clearImmediate, Buffer, g.Date];
  globalNames.forEach((name, i) => (scope[name] = globalValues[i]));

  function fatal(error: FunctionErrorInfo): void {
    const inv = current;
    if (inv && !inv.finished) {
      inv.finished = true;
      post({ t: 'done', id: inv.id, ok: false, error, durationMs: perf.now() - inv.start, fatal: true });
    } else post({ t: 'fatal', error });
    handler = null;
  }
  scope.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    let text: string;
    try {
      text = String(e.reason);
    } catch {
      text = Object.prototype.toString.call(e.reason);
    }
    const err = errors.runtimeError('UnhandledPromiseRejection', text) as Error & { reason?: unknown; promise?: unknown };
    err.reason = e.reason;
    err.promise = e.promise;
    con.error('Unhandled Promise Rejection', errors.toFormatted(err));
    fatal(errors.toResponse(err));
  });
  scope.addEventListener('error', (e) => {
    e.preventDefault();
    const err = e.error !== undefined ? e.error : new Error(e.message);
    con.error('Uncaught Exception', errors.toFormatted(err));
    fatal(errors.toResponse(err));
  });

  function runInit(): InitOutcome {
    const m = loadMsg as LoadMessage;
    const start = perf.now();
    const handlerModule = m.entry.replace(/\.(c|m)?[jt]s$/, '');
    const handlerName = handlerModule + '.' + m.exportName;
    try {
      if (!Object.prototype.hasOwnProperty.call(m.modules, m.entry)) {
        const name = handlerModule.slice(handlerModule.lastIndexOf('/') + 1);
        throw errors.runtimeError('ImportModuleError', "Error: Cannot find module '" + name + "'\nRequire stack:\n- /var/runtime/index.mjs");
      }
      const modules = lib.createModuleSystem({
        files: m.modules,
        root: '/var/task',
        builtins: builtins.modules,
        unsupportedCore: builtins.unsupportedCore,
        globalNames,
        globalValues,
        evaluate,
      });
      const exported = modules.load(m.entry, ['/var/runtime/index.mjs']);
      const fn = m.exportName.split('.').reduce<unknown>((o, k) => (o ? (o as Record<string, unknown>)[k] : undefined), exported);
      if (!fn) throw errors.runtimeError('HandlerNotFound', handlerName + ' is undefined or not exported');
      if (typeof fn !== 'function') throw errors.runtimeError('HandlerNotFound', handlerName + ' is not a function');
      handler = fn as Handler;
      initError = null;
      return { ok: true, initDurationMs: perf.now() - start };
    } catch (thrown) {
      // UserFunction.js: a SyntaxError becomes Runtime.UserCodeSyntaxError, MODULE_NOT_FOUND Runtime.ImportModuleError.
      let err = thrown;
      if (thrown instanceof SyntaxError) err = errors.runtimeError('UserCodeSyntaxError', String(thrown), thrown);
      else if (thrown && (thrown as { code?: unknown }).code === 'MODULE_NOT_FOUND') err = errors.runtimeError('ImportModuleError', String(thrown), thrown);
      con.error('Uncaught Exception', errors.toFormatted(err));
      handler = null;
      initError = errors.toResponse(err);
      return { ok: false, initDurationMs: perf.now() - start, error: initError };
    }
  }

  function load(m: LoadMessage): void {
    loadMsg = m;
    const env = g.process.env;
    env.AWS_LAMBDA_FUNCTION_NAME = m.functionName;
    env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE = String(m.memoryLimitInMB);
    env.AWS_LAMBDA_FUNCTION_VERSION = '$LATEST';
    env.AWS_LAMBDA_LOG_GROUP_NAME = '/aws/lambda/' + m.functionName;
    env.AWS_REGION = env.AWS_DEFAULT_REGION = 'us-east-1';
    env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs20.x';
    env._HANDLER = m.entry.replace(/\.(c|m)?[jt]s$/, '') + '.' + m.exportName;
    env.LAMBDA_TASK_ROOT = '/var/task';
    env.LAMBDA_RUNTIME_DIR = '/var/runtime';
    env.TZ = ':UTC';
    env.LANG = 'en_US.UTF-8';
    Object.assign(env, m.env);
    if (!m.deferInit) post({ t: 'init', outcome: runInit() });
  }

  function invoke(m: InvokeMessage): void {
    const [event, c] = JSON.parse(m.payload) as [unknown, ContextInit];
    rid = c.awsRequestId;
    g.setClockOffset(c.clockOffsetMs ?? 0);
    const inv = { id: m.id, start: perf.now(), finished: false };
    current = inv;
    g.onIdle(null);
    if (handler === null) {
      // Lambda retries a failed init inside the next invocation; if it fails again, so does the invocation.
      runInit();
      if (handler === null) {
        inv.finished = true;
        post({ t: 'done', id: inv.id, ok: false, error: initError as FunctionErrorInfo, durationMs: perf.now() - inv.start, fatal: false });
        return;
      }
    }
    const deadline = inv.start + c.remainingMs;
    let waits = true;
    const settle = (isError: boolean, value: unknown) => {
      if (inv.finished) return;
      const durationMs = perf.now() - inv.start;
      if (isError) {
        inv.finished = true;
        con.error('Invoke Error', errors.toFormatted(value instanceof Error ? value : new Error(value as string)));
        post({ t: 'done', id: inv.id, ok: false, error: errors.toResponse(value), durationMs, fatal: false });
        return;
      }
      let json: string;
      try {
        json = JSON.stringify(value === undefined ? null : value);
      } catch {
        settle(true, new Error('Unable to stringify response body')); // RAPIDClient._trySerializeResponse
        return;
      }
      inv.finished = true;
      post({ t: 'done', id: inv.id, ok: true, json, durationMs });
    };
    const callback = (err?: unknown, result?: unknown) => (err !== undefined && err !== null ? settle(true, err) : settle(false, result));
    const context = {
      get callbackWaitsForEmptyEventLoop() {
        return waits;
      },
      set callbackWaitsForEmptyEventLoop(v: boolean) {
        waits = v;
      },
      succeed: (result?: unknown) => settle(false, result),
      fail: (err?: unknown) => settle(true, err === undefined || err === null ? 'handled' : err),
      done: callback,
      functionVersion: c.functionVersion,
      functionName: c.functionName,
      memoryLimitInMB: String(c.memoryLimitInMB), // the runtime reads it from an environment variable: a string
      logGroupName: c.logGroupName,
      logStreamName: c.logStreamName,
      clientContext: undefined,
      identity: undefined,
      invokedFunctionArn: c.invokedFunctionArn,
      awsRequestId: c.awsRequestId,
      getRemainingTimeInMillis: () => Math.floor(deadline - perf.now()),
    };
    let result: unknown;
    try {
      result = (handler as Handler)(event, context, callback);
    } catch (err) {
      callback(err);
      return;
    }
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(context.succeed, context.fail).catch(context.fail);
    } else if (!inv.finished) {
      // Runtime.js: a handler that neither returns a promise nor calls back answers null once the event loop is empty.
      g.onIdle(() => settle(false, null));
    }
  }

  scope.onmessage = (e) => {
    const p = e.ports && e.ports[0];
    if (!p) return;
    port = p;
    scope.onmessage = null;
    p.onmessage = (ev) => {
      const m = ev.data as InvokeMessage | LoadMessage | ReplyMessage;
      if (m.t === 'reply') reply(m);
      else if (m.t === 'invoke') invoke(m);
      else if (m.t === 'load') load(m);
    };
  };
}
