import { describe, expect, it } from 'vitest';
import { Platform } from '../platform';
import { VirtualClock } from '../clock';
import { NodeWorkerEngine } from '../engines/worker/node-worker-engine';
import type { PlatformEvent } from '../platform-types';
import type { Files } from '../project/types';
import type { TraceInvocation } from './trace-types';
import { TraceLog } from './trace-log';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

/** The real Platform (worker runtime in-process, SDK shim) on a virtual clock, with a TraceLog folding its events. */
async function setup(files: Files) {
  const base = new VirtualClock(T0);
  const platform = new Platform({ engine: new NodeWorkerEngine(), clock: base });
  const traces = new TraceLog();
  platform.on((e) => traces.apply(e));
  const r = await platform.deploy(files);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const settle = async (ms = 0) => {
    for (let i = 0; i < 60; i++) {
      base.advance(i === 0 ? ms : 0);
      await new Promise((res) => setImmediate(res));
    }
  };
  return { platform, traces, settle };
}

/** A tree as nested text, so a test reads like the trace: 'fn(trigger) [Op resource → child(...)]'. */
function shape(inv: TraceInvocation): string {
  const calls = inv.calls.map((c) => `${c.operation} ${c.resource}${c.ok ? '' : ` ✗${c.errorName}`}${c.triggered.length ? ` → ${c.triggered.map(shape).join(', ')}` : ''}`);
  const state = inv.throttled ? ' throttled' : inv.end ? (inv.end.ok ? '' : ' failed') : ' running';
  return `${inv.functionName}(${inv.trigger}${state})${calls.length ? ` [${calls.join('; ')}]` : ''}`;
}

const FILES: Files = {
  'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs20.x
functions:
  order:
    handler: h.order
    events:
      - httpApi: 'POST /orders'
  receipt:
    handler: h.receipt
    events:
      - s3: { bucket: receipts, event: 's3:ObjectCreated:*' }
  ship:
    handler: h.ship
    events:
      - sqs: { arn: !GetAtt Orders.Arn, batchSize: 10 }
  audit:
    handler: h.audit
    events:
      - stream: { type: dynamodb, arn: !GetAtt Ledger.StreamArn }
resources:
  Resources:
    Orders:
      Type: AWS::SQS::Queue
      Properties: { QueueName: orders }
    Ledger:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: ledger
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
        BillingMode: PAY_PER_REQUEST
        StreamSpecification: { StreamViewType: NEW_IMAGE }
`,
  'h.js': `const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const s3 = new S3Client({}), sqs = new SQSClient({}), db = new DynamoDBClient({});
exports.order = async () => {
  await s3.send(new PutObjectCommand({ Bucket: 'receipts', Key: 'r1.txt', Body: 'paid' }));
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', MessageBody: 'o1' }));
  try { await s3.send(new GetObjectCommand({ Bucket: 'receipts', Key: 'missing' })); } catch {}
  return { statusCode: 201, body: 'ok' };
};
exports.receipt = async () => {};
exports.ship = async () => { await db.send(new PutItemCommand({ TableName: 'ledger', Item: { id: { S: 'o1' } } })); };
exports.audit = async () => {};
`,
};

describe('TraceLog over the platform', () => {
  it('hangs what a request caused under the calls that caused it: an upload’s notification, a message’s batch, a put’s stream batch', async () => {
    const { platform, traces, settle } = await setup(FILES);
    const res = await platform.request({ method: 'POST', path: '/orders', headers: {}, body: '' });
    expect(res.response.statusCode).toBe(201);
    await settle();

    const [summary] = traces.list();
    expect(summary).toMatchObject({ id: res.requestId, title: 'POST /orders', functionName: 'order', status: 201, invocations: 4, errors: 1, running: false });
    const trace = traces.get(summary.id)!;
    expect(trace.http).toMatchObject({ method: 'POST', path: '/orders', routeKey: 'POST /orders', status: 201 });
    expect(shape(trace.root!)).toBe(
      'order(http:POST /orders) [PutObject receipts → receipt(bucket:receipts); SendMessage orders → ship(queue:orders) [PutItem ledger → audit(table:ledger)]; GetObject receipts ✗NoSuchKey]',
    );
    // The call goes before what it caused, in the order a sequence diagram draws.
    const put = trace.root!.calls[0];
    expect(put.seq).toBeLessThan(put.triggered[0].seq);
    expect(traces.traceOf(put.triggered[0].requestId)).toBe(summary.id);
  });

  it('roots a console action, a direct invoke and a 404 in traces of their own', async () => {
    const { platform, traces, settle } = await setup(FILES);
    await platform.fire('queue:orders', 'from the page');
    await settle();
    await platform.invoke('receipt', {});
    await platform.request({ method: 'GET', path: '/nowhere', headers: {}, body: '' });
    const list = traces.list();
    expect(list.map((t) => [t.title, t.invocations, t.status])).toEqual([
      ['GET /nowhere', 0, 404],
      ['invoke: receipt', 1, null],
      ['queue: orders', 2, null], // ship, and the stream batch its PutItem caused
    ]);
    expect(shape(traces.get(list[2].id)!.root!)).toBe('ship(queue:orders) [PutItem ledger → audit(table:ledger)]');
  });
});

describe('TraceLog bounds', () => {
  const start = (requestId: string, causes: string[] = [], trigger = 'invoke'): PlatformEvent =>
    ({ type: 'invocation-start', requestId, functionName: 'f', cold: false, trigger, causes, time: T0 });
  const call = (callId: string, requestId: string): PlatformEvent =>
    ({ type: 'service-call', callId, functionName: 'f', requestId, service: 's3', operation: 'PutObject', resource: 'b', ok: true, time: T0 });

  it('keeps the newest traces and forgets the rest', () => {
    const log = new TraceLog(3);
    for (let i = 0; i < 5; i++) log.apply(start(`r${i}`));
    expect(log.list().map((t) => t.id)).toEqual(['r4', 'r3', 'r2']);
    expect(log.get('r0')).toBeNull();
    expect(log.traceOf('r1')).toBeNull();
  });

  it('stops growing a trace whose function keeps triggering itself, and counts what it left out', () => {
    const log = new TraceLog(10, 4);
    log.apply(start('r0'));
    for (let i = 1; i < 10; i++) {
      log.apply(start(`r${i}`, [`c${i}`], 'bucket:b')); // reported before its call, as a notification is
      log.apply(call(`c${i}`, `r${i - 1}`));
    }
    expect(log.list()[0].invocations).toBe(4);
    // The fifth was left out; what it went on to cause is never recorded at all.
    expect(log.dropped('r0')).toBe(1);
  });

  it('hangs a batch of several calls’ messages under the first call it knows', () => {
    const log = new TraceLog();
    log.apply(start('a'));
    log.apply(call('c1', 'a'));
    log.apply(start('b'));
    log.apply(call('c2', 'b'));
    log.apply(start('batch', ['c2', 'c1'], 'queue:q'));
    expect(log.traceOf('batch')).toBe('b');
    expect(log.list().find((t) => t.id === 'a')!.invocations).toBe(1);
  });
});
