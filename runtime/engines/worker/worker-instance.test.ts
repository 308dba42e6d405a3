import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import { Deadlines } from './deadlines';
import type { FunctionBundle, FunctionLogLine } from '../engine';
import type { CallOrigin, ServiceCall, ServiceCallHandler } from '../../services/types';
import { AwsError } from '../../services/aws-error';
import type { SandboxWorker } from './sandbox-frame';
import { INIT_LIMIT_MS, WorkerInstance, type WorkerHost } from './worker-instance';
import type { PortLike } from './worker-protocol';
import { workerMain } from './worker-runtime';
import { context, nodeWorkerScope, testLib } from './worker-test-kit';

// The page side of an instance, against the real worker runtime over a Node MessageChannel; time is virtual.
const open: MessagePort[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

function startRuntime(port: MessagePort) {
  const scope = nodeWorkerScope();
  workerMain(scope, testLib);
  scope.onmessage?.({ data: null, ports: [port as unknown as PortLike] });
}

function fakeHost(silent: (n: number) => boolean = () => false) {
  const clock = new VirtualClock();
  const live = new Set<string>();
  const killed: string[] = [];
  let n = 0;
  const host: WorkerHost = {
    clock,
    deadlines: new Deadlines(clock),
    spawn: () => {
      const id = 'w' + ++n;
      const ch = new MessageChannel();
      open.push(ch.port1, ch.port2);
      if (!silent(n)) startRuntime(ch.port2);
      live.add(id);
      return { id, port: ch.port1 } as unknown as SandboxWorker;
    },
    kill: (id) => {
      killed.push(id);
      live.delete(id);
    },
    owns: (id) => live.has(id),
    released: () => {},
  };
  return { host, clock, killed };
}

const bundle = (code: string, timeoutMs = 3000): FunctionBundle => ({ functionName: 'hello', modules: { 'handler.js': code }, entry: 'handler.js', exportName: 'hello', env: {}, memoryLimitInMB: 128, timeoutMs });
const flush = () => new Promise((r) => setTimeout(r, 5));

describe('WorkerInstance', () => {
  it('loads, invokes, parses the JSON result and streams logs to the sink with their request id', async () => {
    const { host } = fakeHost();
    const lines: [string | null, string][] = [];
    const inst = new WorkerInstance('i1', bundle("console.log('init'); exports.hello = async (e) => { console.log('got', e.n); return { doubled: e.n * 2 }; }"), (rid, l: FunctionLogLine) => lines.push([rid, l.text.split('\t').slice(1).join('\t')]), host);
    expect(await inst.start()).toMatchObject({ ok: true });
    expect(await inst.invoke({ n: 21 }, context({ awsRequestId: 'r1' }))).toMatchObject({ ok: true, result: { doubled: 42 } });
    expect(lines).toEqual([[null, 'undefined\tINFO\tinit'], ['r1', 'r1\tINFO\tgot 21']]);
  });

  it('allows one invocation at a time', async () => {
    const { host } = fakeHost();
    const inst = new WorkerInstance('i1', bundle('exports.hello = async () => 1'), () => {}, host);
    await inst.start();
    const first = inst.invoke({}, context());
    expect(() => inst.invoke({}, context())).toThrow('Instance i1 is busy: one invocation at a time');
    await first;
  });

  it('times out at the remaining time: the worker is stopped and the error reads like Lambda', async () => {
    const { host, clock, killed } = fakeHost();
    const inst = new WorkerInstance('i1', bundle('exports.hello = () => new Promise(() => {})'), () => {}, host);
    await inst.start();
    const outcome = inst.invoke({}, context({ awsRequestId: 'r9', remainingMs: 1000 }));
    await flush();
    clock.advance(999);
    expect(inst.stopped).toBe(false);
    clock.advance(1);
    expect(await outcome).toEqual({ ok: false, timedOut: true, durationMs: 1000, error: { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: r9 Error: Task timed out after 1.00 seconds', trace: [] } });
    expect(inst.stopped).toBe(true);
    expect(killed).toEqual(['w1']);
    expect(() => inst.invoke({}, context())).toThrow('Instance i1 is stopped');
  });

  it('ends the instance when the runtime process dies (process.exit)', async () => {
    const { host } = fakeHost();
    const inst = new WorkerInstance('i1', bundle('exports.hello = async () => process.exit(1)'), () => {}, host);
    await inst.start();
    expect(await inst.invoke({}, context())).toMatchObject({ ok: false, timedOut: false, error: { errorType: 'Runtime.ExitError' } });
    expect(inst.stopped).toBe(true);
  });

  it('bounds init by the 10 s init limit, then retries init inside the next invocation in a fresh worker', async () => {
    const { host, clock, killed } = fakeHost((n) => n === 1); // the first worker never answers: a module scope that hangs
    const inst = new WorkerInstance('i1', bundle('exports.hello = async () => "second try"'), () => {}, host);
    const init = inst.start();
    clock.advance(INIT_LIMIT_MS);
    expect(await init).toEqual({ ok: false, initDurationMs: 10000, error: { errorType: 'Sandbox.Timedout', errorMessage: 'Init phase timed out after 10.00 seconds', trace: [] } });
    expect(killed).toEqual(['w1']);
    expect(inst.stopped).toBe(false);
    expect(await inst.invoke({}, context())).toMatchObject({ ok: true, result: 'second try' });
  });

  it('answers the function\'s SDK calls through its service handler, with the call\'s origin', async () => {
    const { host } = fakeHost();
    const seen: [ServiceCall, CallOrigin][] = [];
    const services: ServiceCallHandler = async (call, from) => {
      seen.push([call, from]);
      if (call.operation === 'GetObject') throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
      return { ok: true, output: { ETag: '"e1"' } };
    };
    const code = `const { S3Client, PutObjectCommand, GetObjectCommand, NoSuchKey } = require('@aws-sdk/client-s3');
      const s3 = new S3Client({});
      const warm = s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'init', Body: 'i' }));
      exports.hello = async () => {
        const put = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'hi' }));
        const miss = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'nope' })).catch((e) => [e.name, e instanceof NoSuchKey, e.$metadata.httpStatusCode]);
        return { init: (await warm).ETag, put: put.ETag, miss };
      };`;
    const inst = new WorkerInstance('i1', bundle(code), () => {}, host, services);
    await inst.start();
    expect(await inst.invoke({}, context({ awsRequestId: 'r1' }))).toMatchObject({ ok: true, result: { init: '"e1"', put: '"e1"', miss: ['NoSuchKey', true, 404] } });
    expect(seen.map(([c, o]) => [c.operation, c.input.Key, o])).toEqual([
      ['PutObject', 'init', { functionName: 'hello', requestId: null }],
      ['PutObject', 'k', { functionName: 'hello', requestId: 'r1' }],
      ['GetObject', 'nope', { functionName: 'hello', requestId: 'r1' }],
    ]);
    expect(seen[1][0].input.Body).toEqual(new Uint8Array([104, 105]));
  });

  it('without a service handler, an SDK call fails with UnknownEndpoint', async () => {
    const { host } = fakeHost();
    const code = "const { SQSClient, PurgeQueueCommand } = require('@aws-sdk/client-sqs'); exports.hello = () => new SQSClient({}).send(new PurgeQueueCommand({ QueueUrl: 'q' })).catch((e) => [e.name, e.message]);";
    const inst = new WorkerInstance('i1', bundle(code), () => {}, host);
    await inst.start();
    expect(await inst.invoke({}, context())).toMatchObject({
      ok: true,
      result: ['UnknownEndpoint', 'The simulated AWS services are not connected to this function: sqs PurgeQueue was not sent'],
    });
  });
});
