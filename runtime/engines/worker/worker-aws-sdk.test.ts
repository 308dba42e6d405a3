import { describe, expect, it } from 'vitest';
import { workerProgramSource } from './worker-program';
import type { WorkerScope } from './worker-protocol';
import { fakeWorker, sdkResult as result, sdkWorker as start } from './worker-test-kit';

const runProgram = (scope: WorkerScope) => new Function('self', workerProgramSource())(scope);
const bytes = (s: string) => new TextEncoder().encode(s);
const META = (status: number) => ({ httpStatusCode: status, requestId: expect.any(String), attempts: 1, totalRetryDelay: 0 });

describe('@aws-sdk/client-s3', () => {
  it('sends PutObject with a string body as UTF-8 bytes, keeps command.input as given, and answers with $metadata', async () => {
    const { w, origins } = start(
      `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
       const s3 = new S3Client({ region: 'eu-west-1', forcePathStyle: true, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
       exports.hello = async () => {
         const cmd = new PutObjectCommand({ Bucket: 'uploads', Key: 'a.txt', Body: 'héllo', ContentType: 'text/plain' });
         const out = await s3.send(cmd);
         return { out, input: cmd.input, region: await s3.config.region() };
       };`,
      { PutObject: { ok: true, output: { ETag: '"abc"', ServerSideEncryption: 'AES256' } } },
    );
    const r = await result(w);
    expect(w.calls).toHaveLength(1);
    const call = w.calls[0];
    expect(call).toMatchObject({ rid: 'r1', service: 's3', operation: 'PutObject' });
    expect(call.input.Body).toBeInstanceOf(Uint8Array);
    expect(Array.from(call.input.Body as Uint8Array)).toEqual(Array.from(bytes('héllo')));
    expect({ ...call.input, Body: undefined }).toEqual({ Bucket: 'uploads', Key: 'a.txt', Body: undefined, ContentType: 'text/plain' });
    expect(origins).toEqual([{ functionName: 'hello', requestId: 'r1' }]);
    expect(r.out).toEqual({ $metadata: META(200), ETag: '"abc"', ServerSideEncryption: 'AES256' });
    expect(r.out.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
    expect(r.input).toEqual({ Bucket: 'uploads', Key: 'a.txt', Body: 'héllo', ContentType: 'text/plain' });
    expect(r.region).toBe('eu-west-1');
  });

  it('converts Buffer, typed-array and ArrayBuffer bodies to plain bytes', async () => {
    const { w } = start(
      `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
       const s3 = new S3Client({});
       exports.hello = async () => {
         await s3.send(new PutObjectCommand({ Bucket: 'b', Key: '1', Body: Buffer.from('aGk=', 'base64') }));
         await s3.send(new PutObjectCommand({ Bucket: 'b', Key: '2', Body: new Uint16Array([0x6968]) }));
         await s3.send(new PutObjectCommand({ Bucket: 'b', Key: '3', Body: new Uint8Array([104, 105]).buffer }));
       };`,
    );
    await result(w);
    expect(w.calls.map((c) => Array.from(c.input.Body as Uint8Array))).toEqual([[104, 105], [104, 105], [104, 105]]);
  });

  it('gives GetObject a Body that transforms once, and LastModified as a Date', async () => {
    const { w } = start(
      `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
       const s3 = new S3Client({});
       exports.hello = async () => {
         const out = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
         const text = await out.Body.transformToString();
         const again = await out.Body.transformToByteArray().catch((e) => e.message);
         return { text, again, isDate: out.LastModified instanceof Date, when: out.LastModified.toISOString(), length: out.ContentLength, meta: out.$metadata };
       };`,
      { GetObject: { ok: true, output: { Body: bytes('{"n":1} ✓'), LastModified: Date.UTC(2026, 0, 2), ContentLength: 11, ContentType: 'application/json' } } },
    );
    expect(await result(w)).toEqual({ text: '{"n":1} ✓', again: 'The stream has already been transformed.', isDate: true, when: '2026-01-02T00:00:00.000Z', length: 11, meta: META(200) });
  });

  it('reads a Body by async iteration (one Buffer chunk), by data events, or in another encoding', async () => {
    const body = { ok: true as const, output: { Body: bytes('hi there') } };
    const { w } = start(
      `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
       const s3 = new S3Client({});
       const get = () => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
       exports.hello = async () => {
         const chunks = [];
         for await (const c of (await get()).Body) chunks.push(Buffer.isBuffer(c) ? c.toString() : 'not a buffer');
         const stream = (await get()).Body;
         const viaEvents = await new Promise((resolve, reject) => {
           const parts = [];
           stream.on('data', (c) => parts.push(c)).on('error', reject).on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
         });
         const b64 = await (await get()).Body.transformToString('base64');
         return { chunks, viaEvents, b64 };
       };`,
      { GetObject: body },
    );
    expect(await result(w)).toEqual({ chunks: ['hi there'], viaEvents: 'hi there', b64: 'aGkgdGhlcmU=' });
  });

  it('rejects with the AWS error: name, message, $fault, $metadata, Code, and instanceof its exception classes', async () => {
    const { w } = start(
      `const s3sdk = require('@aws-sdk/client-s3');
       const s3 = new s3sdk.S3Client({});
       exports.hello = async () => {
         try {
           await s3.send(new s3sdk.GetObjectCommand({ Bucket: 'b', Key: 'missing' }));
           return 'no error';
         } catch (err) {
           return {
             name: err.name, message: err.message, fault: err.$fault, meta: err.$metadata, code: err.Code,
             isNoSuchKey: err instanceof s3sdk.NoSuchKey, isService: err instanceof s3sdk.S3ServiceException, isError: err instanceof Error,
             isNoSuchBucket: err instanceof s3sdk.NoSuchBucket, stack: err.stack.split('\\n')[0], ctor: err.constructor.name,
           };
         }
       };`,
      { GetObject: { ok: false, error: { name: 'NoSuchKey', message: 'The specified key does not exist.', statusCode: 404, fault: 'client' } } },
    );
    expect(await result(w)).toEqual({
      name: 'NoSuchKey', message: 'The specified key does not exist.', fault: 'client', meta: META(404), code: 'NoSuchKey',
      isNoSuchKey: true, isService: true, isError: true, isNoSuchBucket: false, stack: 'NoSuchKey: The specified key does not exist.', ctor: 'NoSuchKey',
    });
  });

  it('names an unmodeled error by its AWS name on the service base class; HeadObject NotFound has no Code', async () => {
    const { w } = start(
      `const { S3, S3ServiceException, NotFound } = require('@aws-sdk/client-s3');
       const s3 = new S3({});
       exports.hello = async () => {
         const a = await s3.copyObject({ Bucket: 'b', Key: 'k', CopySource: 'b/k' }).catch((e) => [e.name, e instanceof S3ServiceException, e.$metadata.httpStatusCode, e.$fault]);
         const b = await s3.headObject({ Bucket: 'b', Key: 'k' }).catch((e) => [e.name, e instanceof NotFound, e.message, 'Code' in e]);
         return { a, b };
       };`,
      {
        CopyObject: { ok: false, error: { name: 'InvalidRequest2', message: 'nope', statusCode: 400, fault: 'client' } },
        HeadObject: { ok: false, error: { name: 'NotFound', message: 'UnknownError', statusCode: 404, fault: 'client' } },
      },
    );
    expect(await result(w)).toEqual({ a: ['InvalidRequest2', true, 400, 'client'], b: ['NotFound', true, 'UnknownError', false] });
  });

  it('turns ListObjectsV2 timestamps into Dates and pages with paginateListObjectsV2', async () => {
    let page = 0;
    const { w } = start(
      `const { S3Client, paginateListObjectsV2 } = require('@aws-sdk/client-s3');
       const client = new S3Client({});
       exports.hello = async () => {
         const keys = [];
         for await (const p of paginateListObjectsV2({ client, pageSize: 1 }, { Bucket: 'b' })) for (const o of p.Contents) keys.push([o.Key, o.LastModified instanceof Date]);
         return keys;
       };`,
      {
        ListObjectsV2: () => {
          page++;
          const out: Record<string, unknown> = { Contents: [{ Key: 'k' + page, LastModified: 1000 * page }] };
          if (page === 1) out.NextContinuationToken = 't1';
          return { ok: true, output: out };
        },
      },
    );
    expect(await result(w)).toEqual([['k1', true], ['k2', true]]);
    expect(w.calls.map((c) => c.input)).toEqual([{ Bucket: 'b', MaxKeys: 1 }, { Bucket: 'b', MaxKeys: 1, ContinuationToken: 't1' }]);
  });
});

describe('other clients', () => {
  it('SQS, SNS and EventBridge send their inputs as given; SQS errors are QueueDoesNotExist instances', async () => {
    const { w } = start(
      `const sqs = require('@aws-sdk/client-sqs');
       const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
       const { EventBridgeClient, PutEventsCommand } = require('@aws-sdk/client-eventbridge');
       const q = new sqs.SQSClient({});
       exports.hello = async () => {
         const sent = await q.send(new sqs.SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', MessageBody: 'hi' }));
         await new SNSClient({}).send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Message: 'm' }));
         await new EventBridgeClient({}).send(new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'x', Detail: '{}' }] }));
         const err = await q.send(new sqs.GetQueueUrlCommand({ QueueName: 'nope' })).catch((e) => [e.name, e instanceof sqs.QueueDoesNotExist, e instanceof sqs.SQSServiceException]);
         return { id: sent.MessageId, err };
       };`,
      {
        SendMessage: { ok: true, output: { MessageId: 'm-1', MD5OfMessageBody: '49f68a5c8493ec2c0bf489821c21fc3b' } },
        GetQueueUrl: { ok: false, error: { name: 'QueueDoesNotExist', message: 'The specified queue does not exist.', statusCode: 400, fault: 'client' } },
      },
    );
    expect(await result(w)).toEqual({ id: 'm-1', err: ['QueueDoesNotExist', true, true] });
    expect(w.calls.map((c) => `${c.service} ${c.operation}`)).toEqual(['sqs SendMessage', 'sns Publish', 'eventbridge PutEvents', 'sqs GetQueueUrl']);
    expect(w.calls[2].input).toEqual({ Entries: [{ Source: 'shop', DetailType: 'x', Detail: '{}' }] });
  });

  it('fails with UnknownEndpoint when no services are connected', async () => {
    const w = fakeWorker();
    w.load({ modules: { 'handler.js': "const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns'); exports.hello = () => new SNSClient({}).send(new PublishCommand({ Message: 'm' })).catch((e) => [e.name, e.$metadata.httpStatusCode]);" } });
    const d = await w.invoke({});
    expect(d.ok && JSON.parse(d.json)).toEqual(['UnknownEndpoint', 503]);
  });
});

describe('calls and the invocation', () => {
  it('answers a call made after the response (fire-and-forget), tagged with its invocation', async () => {
    const { w } = start(
      `const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
       const q = new SQSClient({});
       exports.hello = async () => {
         setTimeout(() => q.send(new SendMessageCommand({ QueueUrl: 'u', MessageBody: 'late' })).then((r) => console.log('late reply', r.MessageId)), 1);
         return 'responded';
       };`,
      { SendMessage: { ok: true, output: { MessageId: 'm-late' } } },
    );
    expect(await result(w)).toBe('responded');
    await new Promise((r) => setTimeout(r, 10));
    await w.settled();
    expect(w.calls).toMatchObject([{ rid: 'r1', operation: 'SendMessage', input: { MessageBody: 'late' } }]);
    expect(w.logs().at(-1)).toMatch(/\tr1\tINFO\tlate reply m-late$/);
  });

  it('gives concurrent calls distinct ids, each answered with its own reply whatever the order', async () => {
    const gate: Array<() => void> = [];
    const { w } = start(
      `const { S3Client, HeadObjectCommand } = require('@aws-sdk/client-s3');
       const s3 = new S3Client({});
       exports.hello = () => Promise.all(['a', 'b', 'c'].map((Key) => s3.send(new HeadObjectCommand({ Bucket: 'b', Key })).then((o) => o.ETag)));`,
      { HeadObject: (call) => new Promise((res) => gate.push(() => res({ ok: true, output: { ETag: 'etag-' + String(call.input.Key) } }))) },
    );
    const done = w.invoke({}, { awsRequestId: 'r1' });
    await new Promise((r) => setTimeout(r, 5));
    expect(new Set(w.calls.map((c) => c.id)).size).toBe(3);
    gate.reverse().forEach((open) => open());
    const d = await done;
    expect(d.ok && JSON.parse(d.json)).toEqual(['etag-a', 'etag-b', 'etag-c']);
  });

  it('keeps a callback-style handler alive while its call is open (as a socket keeps Node running)', async () => {
    const { w } = start(
      `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
       const s3 = new S3Client({});
       exports.hello = (event, context, callback) => { s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }), (err, data) => callback(err, data.ETag)); };`,
      { PutObject: async () => (await new Promise((r) => setTimeout(r, 5)), { ok: true, output: { ETag: '"e"' } }) },
    );
    expect(await result(w)).toBe('"e"');
  });

  it('works in the assembled worker program (every SDK part is self-contained)', async () => {
    const { w } = start(
      `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
       const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');
       const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
       const { marshall } = require('@aws-sdk/util-dynamodb');
       require('@aws-sdk/client-sqs'); require('@aws-sdk/client-sns'); require('@aws-sdk/client-eventbridge');
       const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
       exports.hello = async () => {
         const { Item } = await doc.send(new GetCommand({ TableName: 't', Key: { pk: 'a' } }));
         const { Body } = await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
         return { Item, text: await Body.transformToString(), m: marshall({ a: [1] }) };
       };`,
      { GetItem: { ok: true, output: { Item: { pk: { S: 'a' }, n: { N: '7' } } } }, GetObject: { ok: true, output: { Body: bytes('ok') } } },
      runProgram,
    );
    expect(await result(w)).toEqual({ Item: { pk: 'a', n: 7 }, text: 'ok', m: { a: { L: [{ N: '1' }] } } });
  });
});
