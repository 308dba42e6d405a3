'use strict';
/**
 * The in-container Lambda host: a real Node.js program, one process per function instance (so a cold start is a real
 * process start), run inside a WebContainer (and under plain Node in the unit tests and the benchmark).
 *
 * Protocol (see ../host-protocol.ts for the page's side): newline-delimited JSON on stdio. A frame the host writes
 * starts with U+001E (record separator); one the page writes starts with U+001D (group separator), so a terminal that
 * echoes its input never passes an echoed frame off as the host's. Anything else on the host's stdout or stderr (a
 * function writing to process.stdout, Node's own warnings) is output, shown as a log line of the current invocation.
 *
 *   host → page  {t:'ready'}                                the process is up, before any user code
 *   page → host  {t:'load', root, entry, exportName, env, functionName, memoryLimitInMB, sdk}
 *   host → page  {t:'init', outcome:{ok, initDurationMs, error?}}   module scope ran (Init Duration)
 *   page → host  {t:'invoke', id, payload}                  payload: JSON text of [event, context init]
 *   host → page  {t:'log', rid, level, time, text}          a console line, CloudWatch-formatted
 *   host → page  {t:'call', id, rid, service, operation, input}    an AWS SDK call for the simulated services
 *   page → host  {t:'reply', id, ok, output | error}        its answer
 *   host → page  {t:'done', id, ok:true, json, durationMs} | {t:'done', id, ok:false, error, durationMs, fatal}
 *   host → page  {t:'fatal', error}                         the process dies outside an invocation
 *
 * Bytes (S3 bodies) cross as {"$bytes":"<base64>"}. The page enforces the function's timeout by killing the process.
 */
const Module = require('node:module');
const path = require('node:path');
const util = require('node:util');
const { performance } = require('node:perf_hooks');

const OUT = '\u001e';
const IN = '\u001d';
const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };

const stdoutWrite = process.stdout.write.bind(process.stdout);
const RealDate = Date;
let clockOffsetMs = 0;
/** The invocation running now (null during init and between invocations). */
let current = null;
let handler = null;
let loaded = null;

function replacer(_key, value) {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  return value;
}
function reviver(_key, value) {
  if (value && typeof value === 'object' && typeof value.$bytes === 'string' && Object.keys(value).length === 1) return new Uint8Array(Buffer.from(value.$bytes, 'base64'));
  return value;
}
function send(message) {
  stdoutWrite(OUT + JSON.stringify(message, replacer) + '\n');
}

/** Errors.toRapidResponse of the Lambda Node.js runtime: type, message and the stack without its first line. */
function errorInfo(err) {
  if (err instanceof Error) {
    const stack = typeof err.stack === 'string' ? err.stack.split('\n') : [];
    return { errorType: String(err.name), errorMessage: String(err.message), trace: stack.filter((l) => /^\s+at /.test(l)) };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

// --- Console and output: CloudWatch lines tagged with the current request id -------------------------------------
function logLine(level, text) {
  const rid = current ? current.requestId : null;
  const stamp = new RealDate(RealDate.now() + clockOffsetMs).toISOString();
  send({ t: 'log', rid, level, time: RealDate.now(), text: `${stamp}\t${rid === null ? 'undefined' : rid}\t${LEVELS[level]}\t${text}` });
}
for (const level of Object.keys(LEVELS)) {
  console[level] = (...args) => logLine(level, util.format(...args));
}
/** Raw writes (process.stdout.write, a library's own logging) become lines of the current invocation's log. */
function captureWrites(stream, level) {
  let pending = '';
  stream.write = (chunk, encoding, callback) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      send({ t: 'log', rid: current ? current.requestId : null, level, time: RealDate.now(), text: line });
    }
    const cb = typeof encoding === 'function' ? encoding : callback;
    if (typeof cb === 'function') cb();
    return true;
  };
}
captureWrites(process.stdout, 'info');
captureWrites(process.stderr, 'error');

// --- Date follows the platform's clock (fast-forward) ------------------------------------------------------------
class SimDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + clockOffsetMs;
  }
}
globalThis.Date = SimDate;

// --- AWS SDK calls go to the page's simulated services ------------------------------------------------------------
let callSeq = 0;
const calls = new Map();
function sdkCall(service, operation, input) {
  return new Promise((resolve) => {
    const id = ++callSeq;
    // An open request keeps the event loop alive, as its socket would.
    const hold = setInterval(() => {}, 2147483647);
    calls.set(id, (reply) => {
      resolve(reply);
      setTimeout(() => clearInterval(hold), 0);
    });
    send({ t: 'call', id, rid: current ? current.requestId : null, service, operation, input });
  });
}
let hooked = false;
function hookSdk(sdkFile) {
  // Once per process: a retried init (after a failed one) must not wrap the loader again.
  if (!sdkFile || hooked) return;
  hooked = true;
  const modules = require(sdkFile)({ call: sdkCall, region: () => process.env.AWS_REGION || 'us-east-1', Buffer });
  const load = Module._load;
  // The simulated services answer '@aws-sdk/client-s3' and friends, installed in node_modules or not.
  Module._load = function (request, parent, isMain) {
    if (Object.prototype.hasOwnProperty.call(modules, request)) return modules[request]();
    return load.call(this, request, parent, isMain);
  };
}

// --- Init and invocations -----------------------------------------------------------------------------------------
function load(message) {
  loaded = message;
  Object.assign(process.env, message.env);
  hookSdk(message.sdk);
  const started = performance.now();
  try {
    process.chdir(message.root);
    const mod = require(path.resolve(message.root, message.entry));
    const fn = mod[message.exportName];
    if (typeof fn !== 'function') {
      const error = { errorType: 'Runtime.HandlerNotFound', errorMessage: `${path.basename(message.entry).replace(/\.[^.]+$/, '')}.${message.exportName} is undefined or not exported`, trace: [] };
      return send({ t: 'init', outcome: { ok: false, initDurationMs: performance.now() - started, error } });
    }
    handler = fn;
    send({ t: 'init', outcome: { ok: true, initDurationMs: performance.now() - started } });
  } catch (err) {
    const error = errorInfo(err);
    logLine('error', `${error.errorType}: ${error.errorMessage}`);
    send({ t: 'init', outcome: { ok: false, initDurationMs: performance.now() - started, error } });
  }
}

function context(init, deadline) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: init.functionName,
    functionVersion: init.functionVersion,
    invokedFunctionArn: init.invokedFunctionArn,
    memoryLimitInMB: String(init.memoryLimitInMB),
    awsRequestId: init.awsRequestId,
    logGroupName: init.logGroupName,
    logStreamName: init.logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - performance.now())),
  };
}

function finish(id, outcome) {
  if (!current || current.id !== id || current.finished) return;
  current.finished = true;
  const durationMs = performance.now() - current.start;
  if (outcome.ok) {
    let json;
    try {
      json = JSON.stringify(outcome.result === undefined ? null : outcome.result);
    } catch (err) {
      const error = errorInfo(err);
      logLine('error', `Invoke Error \t${JSON.stringify(error)}`);
      current = null;
      return send({ t: 'done', id, ok: false, error, durationMs, fatal: false });
    }
    current = null;
    return send({ t: 'done', id, ok: true, json: json === undefined ? 'null' : json, durationMs });
  }
  logLine('error', `Invoke Error \t${JSON.stringify(outcome.error)}`);
  current = null;
  send({ t: 'done', id, ok: false, error: outcome.error, durationMs, fatal: Boolean(outcome.fatal) });
}

function invoke(message) {
  const [event, init] = JSON.parse(message.payload, reviver);
  clockOffsetMs = init.clockOffsetMs || 0;
  const start = performance.now();
  current = { id: message.id, requestId: init.awsRequestId, start, finished: false };
  const id = message.id;
  if (!handler) {
    // A failed init is retried inside the invocation, as Lambda does.
    load({ ...loaded });
    if (!handler) return finish(id, { ok: false, error: { errorType: 'Runtime.InitError', errorMessage: 'Init failed', trace: [] } });
  }
  const ctx = context(init, start + init.remainingMs);
  const callback = (err, result) => finish(id, err == null ? { ok: true, result } : { ok: false, error: errorInfo(err) });
  ctx.done = callback;
  ctx.succeed = (result) => callback(null, result);
  ctx.fail = (err) => callback(err == null ? new Error('handled') : err);
  try {
    const returned = handler(event, ctx, callback);
    if (returned && typeof returned.then === 'function') {
      returned.then((result) => finish(id, { ok: true, result }), (err) => finish(id, { ok: false, error: errorInfo(err) }));
    } else if (handler.length < 3) {
      finish(id, { ok: true, result: returned });
    }
  } catch (err) {
    finish(id, { ok: false, error: errorInfo(err) });
  }
}

// The runtime exits on an uncaught error; the page starts a fresh process for the next invocation.
function die(errorType, err) {
  const error = { ...errorInfo(err), errorType };
  if (current && !current.finished) finish(current.id, { ok: false, error, fatal: true });
  else send({ t: 'fatal', error });
  process.exitCode = 129;
  setImmediate(() => process.exit(129));
}
process.on('uncaughtException', (err) => die('Runtime.UncaughtException', err));
process.on('unhandledRejection', (reason) => die('Runtime.UnhandledPromiseRejection', reason));
process.on('exit', (code) => {
  if (current && !current.finished) {
    const error = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${current.requestId} Error: Runtime exited with error: exit status ${code}`, trace: [] };
    finish(current.id, { ok: false, error, fatal: true });
  }
});

// --- Frames from the page -----------------------------------------------------------------------------------------
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  let nl;
  while ((nl = buffered.indexOf('\n')) >= 0) {
    const line = buffered.slice(0, nl).replace(/\r$/, '');
    buffered = buffered.slice(nl + 1);
    const at = line.indexOf(IN);
    if (at < 0) continue;
    const message = JSON.parse(line.slice(at + 1), reviver);
    if (message.t === 'load') load(message);
    else if (message.t === 'invoke') invoke(message);
    else if (message.t === 'reply') {
      const resolve = calls.get(message.id);
      calls.delete(message.id);
      if (resolve) resolve(message.ok ? { ok: true, output: message.output } : { ok: false, error: message.error });
    }
  }
});
if (process.stdin.isTTY && typeof process.stdin.setRawMode === 'function') process.stdin.setRawMode(true);
send({ t: 'ready' });
