import { describe, expect, it } from 'vitest';
import { fakeWorker } from './worker-test-kit';

const RID = 'c0ffee00-0000-4000-8000-000000000001';
const ISO = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
const started = (handler: string, extra: Record<string, string> = {}) => {
  const w = fakeWorker();
  const init = w.load({ modules: { 'handler.js': handler, ...extra } });
  return { w, init };
};
const result = (d: { ok: boolean; json?: string }) => (d.ok ? JSON.parse(d.json as string) : d);

describe('init phase', () => {
  it('runs module scope once, with process.env from the bundle and Lambda variables', async () => {
    const { w, init } = started("let n = 0; console.log('cold', process.env.GREETING); exports.hello = async () => [++n, process.env.AWS_LAMBDA_FUNCTION_NAME, process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, process.env.GREETING];".replace('GREETING)', 'GREETING)'));
    expect(init.ok).toBe(true);
    expect(init.initDurationMs).toBeGreaterThanOrEqual(0);
    expect(w.logs()).toHaveLength(1);
    expect(w.logs()[0]).toMatch(new RegExp('^' + ISO + '\tundefined\tINFO\tcold undefined$'));
    expect(result(await w.invoke({}))).toEqual([1, 'hello', '1024', null]);
    expect(result(await w.invoke({}))).toEqual([2, 'hello', '1024', null]);
  });

  it('user environment is visible during init', () => {
    const w = fakeWorker();
    w.load({ modules: { 'handler.js': "console.log(process.env.GREETING, process.env.AWS_REGION); exports.hello = () => {}" }, env: { GREETING: 'Hello', AWS_REGION: 'eu-west-1' } });
    expect(w.logs()[0]).toMatch(/\tINFO\tHello eu-west-1$/);
  });

  it('a missing handler export is Runtime.HandlerNotFound', () => {
    expect(started('exports.other = () => 1').init.error).toEqual({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'handler.hello is undefined or not exported', trace: expect.any(Array) });
    expect(started('exports.hello = 42').init.error?.errorMessage).toBe('handler.hello is not a function');
  });

  it('a missing handler file is Runtime.ImportModuleError, as Lambda words it', () => {
    const w = fakeWorker();
    const init = w.load({ modules: { 'other.js': '' }, entry: 'src/users.js', exportName: 'get' });
    expect(init.error?.errorType).toBe('Runtime.ImportModuleError');
    expect(init.error?.errorMessage).toBe("Error: Cannot find module 'users'\nRequire stack:\n- /var/runtime/index.mjs");
  });

  it('a failing require is Runtime.ImportModuleError and is logged as an Uncaught Exception', () => {
    const { w, init } = started("require('./missing'); exports.hello = () => 1");
    expect(init).toMatchObject({ ok: false, error: { errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module './missing'\nRequire stack:\n- /var/task/handler.js\n- /var/runtime/index.mjs" } });
    const line = w.logs()[0];
    expect(line).toMatch(new RegExp('^' + ISO + '\tundefined\tERROR\tUncaught Exception \t\\{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module'));
  });

  it('a syntax error is Runtime.UserCodeSyntaxError', () => {
    const { init } = started('exports.hello = () => {');
    expect(init.error?.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(init.error?.errorMessage).toMatch(/^SyntaxError: /);
  });

  it('an error thrown by module scope is reported as itself', () => {
    const { init } = started("\nthrow new TypeError('bad config')");
    expect(init.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad config' });
    expect(init.error?.trace[0]).toMatch(/^\s+at .*\/var\/task\/handler\.js:2:7\)?$/);
  });

  it('a failed init is retried inside the next invocation (and fails it again)', async () => {
    const { w } = started("if (!globalThis.__tries) globalThis.__tries = 0; if (++globalThis.__tries < 2) throw new Error('first time'); exports.hello = async () => globalThis.__tries");
    try {
      expect(result(await w.invoke({}))).toBe(2);
    } finally {
      delete (globalThis as Record<string, unknown>).__tries;
    }
    const again = started("throw new Error('always')").w;
    const d = await again.invoke({});
    expect(d).toMatchObject({ ok: false, error: { errorType: 'Error', errorMessage: 'always' }, fatal: false });
  });

  it('nested export paths resolve like the Lambda runtime (module.a.b)', async () => {
    const w = fakeWorker();
    w.load({ modules: { 'handler.js': 'exports.api = { get: async () => "nested" }' }, exportName: 'api.get' });
    expect(result(await w.invoke({}))).toBe('nested');
  });
});

describe('invocations', () => {
  it('async handlers: the resolved value is the result; undefined becomes null', async () => {
    expect(result(await started('exports.hello = async (e) => ({ statusCode: 200, body: e.name })').w.invoke({ name: 'Ada' }))).toEqual({ statusCode: 200, body: 'Ada' });
    expect(result(await started('exports.hello = async () => {}').w.invoke({}))).toBeNull();
  });

  it('callback handlers: callback(null, value) and callback(err)', async () => {
    expect(result(await started('exports.hello = (e, c, cb) => setTimeout(() => cb(null, "later"), 5)').w.invoke({}))).toBe('later');
    const d = await started('exports.hello = (e, c, cb) => cb(new Error("nope"))').w.invoke({});
    expect(d).toMatchObject({ ok: false, error: { errorType: 'Error', errorMessage: 'nope' } });
  });

  it('the first of callback and returned promise to settle wins', async () => {
    const d = await started('exports.hello = async (e, c, cb) => { cb(null, "callback"); return "promise"; }').w.invoke({});
    expect(result(d)).toBe('callback');
  });

  it('a non-async handler that returns a value without calling back answers null once its timers are done, like Lambda', async () => {
    const { w } = started('exports.hello = () => { setTimeout(() => console.log("tick"), 10); return { statusCode: 200 }; }');
    const d = await w.invoke({});
    expect(result(d)).toBeNull();
    expect(w.logs()[0]).toMatch(/\tINFO\ttick$/); // the answer waited for the pending timer
  });

  it('context.succeed / fail / done are the legacy completion methods', async () => {
    expect(result(await started('exports.hello = (e, c) => c.succeed("ok")').w.invoke({}))).toBe('ok');
    expect(await started('exports.hello = (e, c) => c.fail("bad")').w.invoke({})).toMatchObject({ ok: false, error: { errorType: 'string', errorMessage: 'bad', trace: [] } });
    expect(result(await started('exports.hello = (e, c) => c.done(null, 3)').w.invoke({}))).toBe(3);
  });

  it('errors carry errorType, errorMessage and stack lines, and are logged as Invoke Error', async () => {
    const { w } = started("class NotFound extends Error { constructor(m) { super(m); this.name = 'NotFound'; } }\nexports.hello = async () => {\n  throw new NotFound('no such user');\n};");
    const d = await w.invoke({});
    expect(d).toMatchObject({ ok: false, fatal: false, error: { errorType: 'NotFound', errorMessage: 'no such user' } });
    if (d.ok) throw new Error('expected an error');
    expect(d.error.trace[0]).toMatch(/^\s+at .*\/var\/task\/handler\.js:3:9\)?$/);
    const line = w.logs().pop() as string;
    expect(line).toMatch(new RegExp('^' + ISO + '\t' + RID + '\tERROR\tInvoke Error \t'));
    const doc = JSON.parse(line.split('\t').slice(4).join('\t'));
    expect(doc).toMatchObject({ errorType: 'NotFound', errorMessage: 'no such user', name: 'NotFound' });
    expect(doc.stack[0]).toBe('NotFound: no such user');
  });

  it('a thrown non-Error is reported as Lambda does: errorType is its typeof', async () => {
    expect(await started('exports.hello = async () => { throw "oops" }').w.invoke({})).toMatchObject({ ok: false, error: { errorType: 'string', errorMessage: 'oops', trace: [] } });
    expect(await started('exports.hello = async () => { throw { code: 1 } }').w.invoke({})).toMatchObject({ ok: false, error: { errorType: 'object', errorMessage: '[object Object]' } });
  });

  it('a result that cannot be serialised fails the invocation', async () => {
    const d = await started('exports.hello = async () => { const o = {}; o.o = o; return o; }').w.invoke({});
    expect(d).toMatchObject({ ok: false, error: { errorType: 'Error', errorMessage: 'Unable to stringify response body' } });
  });

  it('builds the Lambda context object', async () => {
    const { w } = started('exports.hello = async (e, c) => ({ ...c, left: c.getRemainingTimeInMillis(), waits: c.callbackWaitsForEmptyEventLoop, keys: Object.keys(c) })');
    const r = result(await w.invoke({}, { remainingMs: 3000 }));
    expect(r).toMatchObject({
      awsRequestId: RID,
      functionName: 'hello',
      functionVersion: '$LATEST',
      memoryLimitInMB: '1024',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:hello',
      logGroupName: '/aws/lambda/hello',
      logStreamName: '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
      waits: true,
    });
    expect(r.left).toBeGreaterThan(0);
    expect(r.left).toBeLessThanOrEqual(3000);
    expect(r.keys).toEqual(expect.arrayContaining(['callbackWaitsForEmptyEventLoop', 'succeed', 'fail', 'done', 'getRemainingTimeInMillis']));
  });

  it('console lines carry the request id and level, formatted like util.format, streamed before the result', async () => {
    const { w } = started("exports.hello = async () => { console.log('%s has %d items', 'cart', 3, { a: [1] }); console.warn('w'); console.error(new Error('e').message); console.debug('d'); console.info('i'); console.trace('t'); await new Promise((r) => setTimeout(r, 5)); return 1; }");
    const done = w.invoke({});
    const streamed = w.logs().map((l) => l.split('\t').slice(1).join('\t'));
    expect(streamed).toEqual([RID + '\tINFO\tcart has 3 items { a: [ 1 ] }', RID + '\tWARN\tw', RID + '\tERROR\te', RID + '\tDEBUG\td', RID + '\tINFO\ti', RID + '\tTRACE\tt']);
    expect(w.messages.filter((m) => m.t === 'log').map((m) => m.t === 'log' && m.level)).toEqual(['log', 'warn', 'error', 'debug', 'info', 'trace']);
    await done;
  });

  it('an unhandled rejection fails the running invocation and ends the process', async () => {
    const { w } = started('exports.hello = () => new Promise(() => {})');
    const done = w.invoke({});
    w.fire('unhandledrejection', { reason: new Error('lost'), promise: {} });
    const d = await done;
    expect(d).toMatchObject({ ok: false, fatal: true, error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: lost' } });
    expect(w.logs().pop()).toMatch(/\tERROR\tUnhandled Promise Rejection \t\{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"Error: lost","reason":\{"errorType":"Error","errorMessage":"lost"/);
  });

  it('an uncaught error outside an invocation reports the process as dead', () => {
    const { w } = started('exports.hello = () => {}');
    w.fire('error', { error: new RangeError('late') });
    expect(w.messages.pop()).toMatchObject({ t: 'fatal', error: { errorType: 'RangeError', errorMessage: 'late' } });
  });

  it('process.exit ends the invocation with Runtime.ExitError', async () => {
    const d = await started('exports.hello = async () => { process.exit(2) }').w.invoke({});
    expect(d).toMatchObject({ ok: false, fatal: true, error: { errorType: 'Runtime.ExitError', errorMessage: 'RequestId: ' + RID + ' Error: Runtime exited with error: exit status 2' } });
  });

  it('provides small honest built-ins: util, path, events', async () => {
    const { w } = started("const util = require('util'); const path = require('node:path'); const { EventEmitter } = require('events');\nexports.hello = async () => { const e = new EventEmitter(); let got; e.once('x', (v) => (got = v)); e.emit('x', 7); e.emit('x', 8); return [util.format('%s=%j', 'a', { b: 1 }), path.join('/a/b', '../c', 'd.txt'), path.extname('f.tar.gz'), path.relative('/a/b', '/a/c/d'), got]; };");
    expect(result(await w.invoke({}))).toEqual(['a={"b":1}', '/a/c/d.txt', '.gz', '../c/d', 7]);
  });
});

describe('Buffer', () => {
  it('decodes and encodes like Node for the common encodings, and inspects as <Buffer …>', async () => {
    const { w } = started(
      "const { Buffer: B } = require('buffer');\nexports.hello = async (e) => { const b = Buffer.from(e.body, 'base64'); console.log(b); return [B === Buffer, b.toString(), b.toString('hex'), Buffer.from('héllo').toString('base64'), Buffer.from('a?b>', 'utf8').toString('base64url'), Buffer.byteLength('é'), Buffer.concat([Buffer.from('a'), Buffer.from([98])]).toString(), JSON.stringify(Buffer.from('hi')), Buffer.isBuffer(b)]; };",
    );
    const r = result(await w.invoke({ body: Buffer.from('Hello, Ada!').toString('base64') }));
    expect(r).toEqual([true, 'Hello, Ada!', Buffer.from('Hello, Ada!').toString('hex'), Buffer.from('héllo').toString('base64'), Buffer.from('a?b>').toString('base64url'), 2, 'ab', '{"type":"Buffer","data":[104,105]}', true]);
    expect(w.logs()[0]).toMatch(/\tINFO\t<Buffer 48 65 6c 6c 6f 2c 20 41 64 61 21>$/);
  });
});

describe('simulation time', () => {
  it('Date in the function and the log lines follow the platform clock offset; Date keeps its behaviour', async () => {
    const DAY = 24 * 3600_000;
    const { w } = started(`exports.hello = async () => {
  console.log('at', new Date().toISOString());
  return { now: Date.now(), ctor: new Date().getTime(), fixed: new Date(0).getTime(), utc: Date.UTC(2026, 0, 1), str: typeof Date(), isDate: new Date() instanceof Date, parsed: Date.parse('2026-01-01T00:00:00Z') };
};`);
    const before = Date.now();
    const r = result(await w.invoke({}, { clockOffsetMs: DAY }));
    const after = Date.now();
    expect(r.now).toBeGreaterThanOrEqual(before + DAY);
    expect(r.now).toBeLessThanOrEqual(after + DAY);
    expect(r.ctor).toBeGreaterThanOrEqual(before + DAY);
    expect(r).toMatchObject({ fixed: 0, utc: Date.UTC(2026, 0, 1), str: 'string', isDate: true, parsed: Date.UTC(2026, 0, 1) });
    const line = w.logs().at(-1)!;
    const stamp = Date.parse(line.split('\t')[0]);
    expect(stamp).toBeGreaterThanOrEqual(before + DAY - 1);
    expect(Date.parse(line.split('\tat ')[1])).toBeGreaterThanOrEqual(before + DAY - 1);
    const back = result(await w.invoke({}, { clockOffsetMs: 0 }));
    expect(back.now).toBeLessThan(before + DAY);
  });
});
