/**
 * The engine contract: what every engine (worker, webcontainer) must do with a function, as the platform relies on it.
 * Each engine's test file runs this suite against its own engine (under Node: the in-process worker runtime, and the
 * WebContainer engine on a Node-backed container), so the engines cannot drift apart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine, FunctionBundle, FunctionLogLine } from './engine';
import type { ServiceCall, ServiceCallHandler } from '../services/types';
import { context } from './worker/worker-test-kit';

export function bundle(code: string, over: Partial<FunctionBundle> = {}): FunctionBundle {
  return { functionName: 'hello', modules: { 'handler.js': code }, entry: 'handler.js', exportName: 'hello', env: {}, memoryLimitInMB: 128, timeoutMs: 3000, ...over };
}

/** The function's own words of a CloudWatch line (`<time>\t<request id>\t<LEVEL>\t<text>` → `<request id> <LEVEL> <text>`). */
const words = (l: FunctionLogLine) => l.text.split('\t').slice(1).join(' ');

export function engineContract(name: string, make: () => Engine): void {
  describe(`engine contract: ${name}`, () => {
    const engine = make();
    afterAll(() => engine.dispose());

    it('runs module scope once, then each invocation with its event and context; logs carry the request id', async () => {
      const lines: [string | null, string][] = [];
      const inst = await engine.startInstance(
        bundle(`let n = 0; console.log('init');
exports.hello = async (event, context) => { n++; console.log('got', event.x, context.awsRequestId === 'r-1' || context.awsRequestId); return { n, x: event.x * 2, fn: context.functionName, left: context.getRemainingTimeInMillis() > 0, env: process.env.GREETING }; };`,
        { env: { GREETING: 'hi' } }),
        (rid, l) => lines.push([rid, words(l)]),
      );
      expect(inst.init.ok).toBe(true);
      expect(await inst.invoke({ x: 21 }, context({ awsRequestId: 'r-1' }))).toMatchObject({ ok: true, result: { n: 1, x: 42, fn: 'hello', left: true, env: 'hi' } });
      // Warm: module scope kept its state.
      expect(await inst.invoke({ x: 1 }, context({ awsRequestId: 'r-2' }))).toMatchObject({ ok: true, result: { n: 2 } });
      expect(lines).toEqual([
        [null, 'undefined INFO init'],
        ['r-1', 'r-1 INFO got 21 true'],
        ['r-2', 'r-2 INFO got 1 r-2'],
      ]);
      inst.stop();
      expect(inst.stopped).toBe(true);
    });

    it('reports a handler’s error with its type, message and stack, and stays usable', async () => {
      const inst = await engine.startInstance(bundle(`exports.hello = async (e) => { if (e.fail) throw new TypeError('bad input'); return 'fine'; };`), () => {});
      const failed = await inst.invoke({ fail: true }, context());
      expect(failed).toMatchObject({ ok: false, timedOut: false, error: { errorType: 'TypeError', errorMessage: 'bad input' } });
      expect(!failed.ok && failed.error.trace.some((l) => l.includes('handler.js'))).toBe(true);
      expect(await inst.invoke({}, context())).toMatchObject({ ok: true, result: 'fine' });
      inst.stop();
    });

    it('supports callback handlers', async () => {
      const inst = await engine.startInstance(bundle(`exports.hello = (e, ctx, cb) => { setTimeout(() => cb(null, { late: true }), 5); };`), () => {});
      expect(await inst.invoke({}, context())).toMatchObject({ ok: true, result: { late: true } });
      inst.stop();
    });

    it('fails init on an error in module scope, and on a missing handler', async () => {
      const thrown = await engine.startInstance(bundle(`throw new Error('no config');`), () => {});
      expect(thrown.init).toMatchObject({ ok: false, error: { errorMessage: 'no config' } });
      thrown.stop();
      const missing = await engine.startInstance(bundle(`exports.other = () => 1;`), () => {});
      expect(missing.init).toMatchObject({ ok: false, error: { errorType: 'Runtime.HandlerNotFound' } });
      missing.stop();
    });

    it('ends an invocation that outlives its timeout', async () => {
      const inst = await engine.startInstance(bundle(`exports.hello = () => new Promise(() => {});`), () => {});
      const outcome = await inst.invoke({}, context({ remainingMs: 150 }));
      expect(outcome).toMatchObject({ ok: false, timedOut: true, error: { errorType: 'Sandbox.Timedout' } });
      inst.stop();
    });

    it('sends AWS SDK calls to the simulated services and resolves them with the reply', async () => {
      const calls: ServiceCall[] = [];
      const services: ServiceCallHandler = async (call, from) => {
        calls.push(call);
        expect(from).toEqual({ functionName: 'hello', requestId: 'r-sdk' });
        return call.operation === 'GetQueueUrl'
          ? { ok: true, output: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders' } }
          : { ok: false, error: { name: 'QueueDoesNotExist', message: 'The specified queue does not exist.', statusCode: 400, fault: 'client' } };
      };
      const inst = await engine.startInstance(
        bundle(`const { SQSClient, GetQueueUrlCommand, SendMessageCommand } = require('@aws-sdk/client-sqs');
const sqs = new SQSClient({});
exports.hello = async () => {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'orders' }));
  try { await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' })); } catch (e) { return { QueueUrl, error: e.name, status: e.$metadata.httpStatusCode }; }
};`),
        () => {},
        services,
      );
      expect(await inst.invoke({}, context({ awsRequestId: 'r-sdk' }))).toMatchObject({
        ok: true, result: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', error: 'QueueDoesNotExist', status: 400 },
      });
      expect(calls.map((c) => [c.service, c.operation])).toEqual([['sqs', 'GetQueueUrl'], ['sqs', 'SendMessage']]);
      inst.stop();
    });

    it('carries bytes both ways (an S3 body)', async () => {
      const services: ServiceCallHandler = async (call) =>
        call.operation === 'PutObject'
          ? { ok: true, output: { ETag: `"${(call.input?.Body as Uint8Array).length}"` } }
          : { ok: true, output: { Body: new Uint8Array([104, 105]), ContentLength: 2 } };
      const inst = await engine.startInstance(
        bundle(`const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
exports.hello = async () => {
  const put = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'héllo' }));
  const got = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  return { etag: put.ETag, text: await got.Body.transformToString() };
};`),
        () => {},
        services,
      );
      expect(await inst.invoke({}, context())).toMatchObject({ ok: true, result: { etag: '"6"', text: 'hi' } });
      inst.stop();
    });
  });
}
