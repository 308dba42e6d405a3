import { describe, expect, it } from 'vitest';
import { Platform } from './platform';
import { RealClock } from './clock';
import type { Engine, FunctionBundle, Instance, InvokeOutcome, LogSink } from './engines/engine';
import type { PlatformEvent } from './platform-types';

/**
 * An in-process engine for the Platform's own semantics (routing, versions, pools, log framing). The real engines pass
 * their own suites; this one evaluates the entry module with `new Function` and calls the handler.
 */
class InProcessEngine implements Engine {
  readonly kind = 'worker' as const;
  started = 0;
  startInstance(bundle: FunctionBundle, sink: LogSink): Promise<Instance> {
    this.started++;
    const id = `i${this.started}`;
    const module = { exports: {} as Record<string, unknown> };
    let current: string | null = null;
    const console = { log: (...a: unknown[]) => sink(current, { level: 'info', time: Date.now(), text: a.join(' ') }) };
    const t0 = performance.now();
    let init: Instance['init'];
    try {
      new Function('module', 'exports', 'process', 'console', bundle.modules[bundle.entry])(module, module.exports, { env: bundle.env }, console);
      init = { ok: true, initDurationMs: performance.now() - t0 };
    } catch (e) {
      init = { ok: false, initDurationMs: performance.now() - t0, error: { errorType: 'Runtime.UserCodeSyntaxError', errorMessage: String(e), trace: [] } };
    }
    const instance: Instance = {
      id, init, stopped: false,
      async invoke(event, ctx): Promise<InvokeOutcome> {
        current = ctx.awsRequestId;
        const handler = module.exports[bundle.exportName] as (e: unknown, c: unknown) => unknown;
        try {
          return { ok: true, result: await handler(event, ctx), durationMs: 1.5 };
        } catch (e) {
          const err = e as Error;
          return { ok: false, timedOut: false, durationMs: 2, error: { errorType: err.name, errorMessage: err.message, trace: [] } };
        }
      },
      stop() {
        (this as { stopped: boolean }).stopped = true;
      },
    };
    return Promise.resolve(instance);
  }
  dispose() {}
}

const manifest = (extra = '') => `service: t
provider:
  name: aws
  runtime: nodejs20.x
  environment:
    GREETING: Hello
functions:
  hello:
    handler: handler.hello
    events:
      - httpApi: 'GET /hello'
      - httpApi: 'POST /users/{id}'
${extra}`;

const handler = (greeting = 'process.env.GREETING') => `
exports.hello = async (event) => {
  console.log('got', event.rawPath);
  if (event.queryStringParameters && event.queryStringParameters.fail) throw new TypeError('boom');
  const name = (event.pathParameters && event.pathParameters.id) || (event.queryStringParameters || {}).name || 'world';
  return { statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: ${greeting} + ', ' + name + '!' };
};`;

function setup() {
  const engine = new InProcessEngine();
  const platform = new Platform({ engine, clock: new RealClock() });
  const events: PlatformEvent[] = [];
  platform.on((e) => events.push(e));
  return { engine, platform, events };
}

const get = (path: string) => ({ method: 'GET', path, headers: {}, body: '' });

describe('Platform', () => {
  it('deploys, routes a request to the function and maps its response', async () => {
    const { platform } = setup();
    const d = await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler() });
    expect(d).toMatchObject({ ok: true, version: 1 });
    expect(platform.state).toEqual({ status: 'ready', version: 1, engine: { kind: 'worker', reason: 'no npm dependencies: the embedded engine, instant and offline' } });
    const r = await platform.request(get('/hello?name=Ada'));
    expect(r.response.statusCode).toBe(200);
    expect(r.response.body).toBe('Hello, Ada!');
    expect(r.response.headers['content-type']).toBe('text/plain');
    expect(r.functionName).toBe('hello');
    expect(r.routeKey).toBe('GET /hello');
    expect(r.response.headers['apigw-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.response.headers['apigw-requestid']).not.toBe(r.requestId); // the gateway's id, not the invocation's
  });

  it('passes path parameters and answers 404 for unknown routes', async () => {
    const { platform } = setup();
    await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler() });
    expect((await platform.request({ method: 'POST', path: '/users/42', headers: {}, body: '{}' })).response.body).toBe('Hello, 42!');
    const nf = await platform.request(get('/nope'));
    expect(nf.response.statusCode).toBe(404);
    expect(nf.response.body).toBe('{"message":"Not Found"}');
  });

  it('frames invocations with START/END/REPORT and reports Init Duration only after a cold start', async () => {
    const { platform, engine } = setup();
    await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler() });
    const first = await platform.request(get('/hello'));
    await platform.request(get('/hello'));
    expect(engine.started).toBe(1);
    const lines = platform.logs.all().filter((l) => l.functionName === 'hello');
    expect(lines.map((l) => l.kind)).toEqual(['start', 'function', 'end', 'report', 'start', 'function', 'end', 'report']);
    expect(lines[0].text).toBe(`START RequestId: ${first.requestId} Version: $LATEST`);
    expect(lines[1]).toMatchObject({ requestId: first.requestId, text: 'got /hello' });
    expect(lines[3].text).toMatch(/^REPORT RequestId: \S+\tDuration: 1\.50 ms\tBilled Duration: \d+ ms\tMemory Size: 1024 MB\tInit Duration: \d+\.\d\d ms$/);
    expect(lines[7].text).toMatch(/\tDuration: 1\.50 ms\tBilled Duration: 2 ms\tMemory Size: 1024 MB$/);
  });

  it('a thrown error becomes a 500 through the gateway and the error through a direct invoke', async () => {
    const { platform } = setup();
    await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler() });
    const r = await platform.request(get('/hello?fail=1'));
    expect(r.response.statusCode).toBe(500);
    expect(r.response.body).toBe('{"message":"Internal Server Error"}');
    const lines = platform.logs.all().filter((l) => l.requestId === r.requestId).map((l) => l.kind);
    expect(lines).toEqual(['start', 'function', 'end', 'report']);
    expect(await platform.invoke('hello', { queryStringParameters: { fail: '1' } })).toMatchObject({ ok: false, error: { errorType: 'TypeError', errorMessage: 'boom' } });
  });

  it('a new version replaces warm instances, so the next request runs the new code', async () => {
    const { platform, engine, events } = setup();
    await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler() });
    await platform.request(get('/hello?name=Ada'));
    const d2 = await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler("'Hi'") });
    expect(d2.version).toBe(2);
    expect(events.some((e) => e.type === 'instance-stop' && e.reason === 'deploy')).toBe(true);
    expect((await platform.request(get('/hello?name=Ada'))).response.body).toBe('Hi, Ada!');
    expect(engine.started).toBe(2);
  });

  it('an invalid manifest is reported at its line and the last good version keeps serving', async () => {
    const { platform } = setup();
    await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler() });
    const bad = await platform.deploy({ 'serverless.yml': manifest().replace('runtime: nodejs20.x', 'runtime: nodejs20.x\n  timeout: soon'), 'handler.js': handler("'Hi'") });
    expect(bad.ok).toBe(false);
    expect(bad.version).toBe(1);
    const err = bad.diagnostics.find((d) => d.severity === 'error')!;
    expect(err).toMatchObject({ file: 'serverless.yml', line: 5 });
    expect(platform.state).toMatchObject({ status: 'error', servingVersion: 1 });
    expect((platform.state as { message: string }).message).toMatch(/^serverless\.yml:5:\d+ /);
    expect((await platform.request(get('/hello?name=Ada'))).response.body).toBe('Hello, Ada!');
  });

  it('a newer deploy supersedes an unfinished one', async () => {
    const { platform } = setup();
    const [a, b] = await Promise.all([
      platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler("'A'") }),
      platform.deploy({ 'serverless.yml': manifest(), 'handler.js': handler("'B'") }),
    ]);
    expect(a.ok).toBe(false);
    expect(b).toMatchObject({ ok: true, version: 1 });
    expect((await platform.request(get('/hello?name=x'))).response.body).toBe('B, x!');
  });

  it('throttles past reserved concurrency: the gateway answers 500, a direct invoke TooManyRequestsException', async () => {
    const { platform } = setup();
    const slow = `exports.hello = () => new Promise((r) => setTimeout(() => r('ok'), 20));`;
    await platform.deploy({ 'serverless.yml': manifest().replace('handler: handler.hello', 'handler: handler.hello\n    reservedConcurrency: 1'), 'handler.js': slow });
    const [a, b] = await Promise.all([platform.request(get('/hello')), platform.invoke('hello', {})]);
    expect(a.response.statusCode).toBe(200);
    expect(b).toMatchObject({ ok: false, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.' } });
    const r = await platform.request(get('/hello'));
    expect(r.response.statusCode).toBe(200);
  });

  it('direct invoke returns the handler result or a not-found error', async () => {
    const { platform } = setup();
    await platform.deploy({ 'serverless.yml': manifest(), 'handler.js': 'exports.hello = async (e) => ({ got: e.x });' });
    expect(await platform.invoke('hello', { x: 1 })).toMatchObject({ ok: true, result: { got: 1 } });
    expect(await platform.invoke('nope', {})).toMatchObject({ ok: false, error: { errorType: 'ResourceNotFoundException' } });
  });
});
