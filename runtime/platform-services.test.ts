import { describe, expect, it } from 'vitest';
import { Platform } from './platform';
import { VirtualClock } from './clock';
import { NodeWorkerEngine } from './engines/worker/node-worker-engine';
import type { PlatformEvent } from './platform-types';
import type { Files } from './project/types';

/**
 * Event sources and services end to end through the Platform: the real worker runtime (with the AWS SDK shim) runs
 * the handlers in-process, the simulation clock runs on a virtual base clock, and the Events panel's fire() drives it.
 */
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

async function setup(files: Files) {
  const base = new VirtualClock(T0);
  const platform = new Platform({ engine: new NodeWorkerEngine(), clock: base });
  const events: PlatformEvent[] = [];
  platform.on((e) => events.push(e));
  const r = await platform.deploy(files);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.ok).toBe(true);
  const settle = async () => {
    for (let i = 0; i < 50; i++) {
      base.advance(0); // timers armed for "now" (a stream poll) run, as a real clock's 0 ms timers would
      await new Promise((res) => setImmediate(res));
    }
  };
  // The function's own words, without CloudWatch's `time\trequestId\tLEVEL\t` prefix.
  const lines = () => platform.logs.all().map((l) => (l.kind === 'function' ? l.text.split('\t').slice(3).join('\t') : l.text));
  if (process.env.DEBUG_LOGS) platform.on((e) => e.type === 'log' && console.log('LOG', e.entry.text));
  return { base, platform, events, settle, lines };
}

const yml = (body: string) => `service: svc
provider:
  name: aws
  runtime: nodejs20.x
${body}`;

describe('Platform event sources and services', () => {
  it('an upload fires the bucket function, which reads the object size with HeadObject', async () => {
    const { platform, settle, lines, events } = await setup({
      'serverless.yml': yml(`functions:
  size:
    handler: h.size
    events:
      - s3: { bucket: uploads, event: 's3:ObjectCreated:*', rules: [{ prefix: images/ }] }
`),
      'h.js': `const { S3Client, HeadObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
exports.size = async (event) => {
  const r = event.Records[0];
  const head = await s3.send(new HeadObjectCommand({ Bucket: r.s3.bucket.name, Key: decodeURIComponent(r.s3.object.key.replace(/\\+/g, ' ')) }));
  console.log('size of', r.s3.object.key, 'is', head.ContentLength, r.eventSource, r.eventName);
};`,
    });
    const source = platform.sources().find((s) => s.id === 'bucket:uploads');
    expect(source).toMatchObject({ kind: 'bucket', label: 'bucket: uploads', targets: ['size'], defaultKey: 'images/example.txt' });
    await platform.fire('bucket:uploads', '', { key: 'images/my cat.png', body: new Uint8Array(1234), contentType: 'image/png' });
    await platform.fire('bucket:uploads', 'not under the prefix', { key: 'docs/a.txt' });
    await settle();
    expect(lines().filter((l) => l.includes('size of'))).toEqual([expect.stringContaining('size of images/my+cat.png is 1234 aws:s3 ObjectCreated:Put')]);
    const bucket = platform.resources().buckets[0];
    expect(bucket.objects.map((o) => [o.key, o.size, o.contentType])).toEqual([['docs/a.txt', 20, 'text/plain'], ['images/my cat.png', 1234, 'image/png']]);
    expect(events.find((e) => e.type === 'service-call')).toMatchObject({ functionName: 'size', service: 's3', operation: 'HeadObject', resource: 'uploads', ok: true });
  });

  it('PutObject from an HTTP function stores the object and fires the bucket function; a missing key is NoSuchKey', async () => {
    const { platform, settle, lines, events } = await setup({
      'serverless.yml': yml(`functions:
  save:
    handler: h.save
    environment: { BUCKET: !Ref Notes }
    events:
      - httpApi: 'POST /notes/{name}'
  read:
    handler: h.read
    environment: { BUCKET: !Ref Notes }
    events:
      - httpApi: 'GET /notes/{name}'
  onNote:
    handler: h.onNote
    events:
      - s3: { bucket: !Ref Notes, existing: true }
resources:
  Resources:
    Notes:
      Type: AWS::S3::Bucket
      Properties: { BucketName: notes-bucket }
`),
      'h.js': `const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
exports.save = async (e) => {
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: e.pathParameters.name, Body: e.body }));
  return { statusCode: 201, body: 'saved' };
};
exports.read = async (e) => {
  try {
    const o = await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: e.pathParameters.name }));
    return await o.Body.transformToString();
  } catch (err) {
    return { statusCode: err.$metadata.httpStatusCode, body: err.name + ': ' + err.message };
  }
};
exports.onNote = async (e) => console.log('note', e.Records[0].s3.object.key, e.Records[0].s3.object.size);`,
    });
    const put = await platform.request({ method: 'POST', path: '/notes/todo', headers: { 'content-type': 'text/plain' }, body: 'buy milk' });
    expect(put.response.statusCode).toBe(201);
    await settle();
    expect(lines()).toContain('note todo 8');
    expect((await platform.request({ method: 'GET', path: '/notes/todo', headers: {}, body: '' })).response.body).toBe('buy milk');
    const missing = await platform.request({ method: 'GET', path: '/notes/nope', headers: {}, body: '' });
    expect(missing.response).toMatchObject({ statusCode: 404, body: 'NoSuchKey: The specified key does not exist.' });
    await platform.invoke('read', { pathParameters: { name: 'todo' } });
    // Each invocation says what triggered it (the diagram lights that edge); the SDK call says who called what.
    const starts = events.flatMap((e) => (e.type === 'invocation-start' ? [[e.functionName, e.trigger]] : []));
    expect(starts).toEqual([['save', 'http:POST /notes/{name}'], ['onNote', 'bucket:notes-bucket'], ['read', 'http:GET /notes/{name}'], ['read', 'http:GET /notes/{name}'], ['read', 'invoke']]);
    const put1 = events.find((e) => e.type === 'service-call' && e.operation === 'PutObject');
    expect(put1).toMatchObject({ functionName: 'save', service: 's3', resource: 'notes-bucket', ok: true });
  });

  it('a failing queue consumer retries after the visibility timeout and the message lands in the DLQ', async () => {
    const { platform, settle, lines, events } = await setup({
      'serverless.yml': yml(`functions:
  charge:
    handler: h.charge
    events:
      - sqs: { arn: !GetAtt Orders.Arn, batchSize: 1 }
resources:
  Resources:
    Orders:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: orders
        VisibilityTimeout: 30
        RedrivePolicy: { deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 3 }
    OrdersDlq:
      Type: AWS::SQS::Queue
      Properties: { QueueName: orders-dlq }
`),
      'h.js': `exports.charge = async (e) => {
  console.log('attempt', e.Records[0].attributes.ApproximateReceiveCount, e.Records[0].body, e.Records[0].eventSource);
  throw new Error('declined');
};`,
    });
    expect(platform.sources().map((s) => s.label)).toEqual(['queue: orders', 'queue: orders-dlq']);
    await platform.fire('queue:orders', 'order-7');
    await settle();
    expect(lines().filter((l) => l.startsWith('attempt'))).toEqual(['attempt 1 order-7 aws:sqs']);
    await platform.clock.fastForward(10 * 60_000);
    await settle();
    expect(lines().filter((l) => l.startsWith('attempt'))).toEqual(['attempt 1 order-7 aws:sqs', 'attempt 2 order-7 aws:sqs', 'attempt 3 order-7 aws:sqs']);
    const [orders, dlq] = platform.resources().queues;
    expect(orders).toMatchObject({ name: 'orders', visible: 0, inFlight: 0, sent: 1, deleted: 0, redriven: 1, deadLetterQueue: 'orders-dlq', maxReceiveCount: 3 });
    expect(dlq).toMatchObject({ name: 'orders-dlq', visible: 1, isDeadLetterQueue: true });
    expect(dlq.messages.map((m) => [m.body, m.receiveCount])).toEqual([['order-7', 3]]);
    expect(events.filter((e) => e.type === 'redrive')).toEqual([{ type: 'redrive', queue: 'orders', deadLetterQueue: 'orders-dlq', time: expect.any(Number) }]);
    expect(events.filter((e) => e.type === 'invocation-start').map((e) => e.type === 'invocation-start' && e.trigger)).toEqual(['queue:orders', 'queue:orders', 'queue:orders']);
  });

  it('SNS fans out to subscribers, EventBridge routes by pattern, and a table streams its changes', async () => {
    const { platform, settle, lines, events } = await setup({
      'serverless.yml': yml(`functions:
  a:
    handler: h.log
    events:
      - sns: alerts
      - eventBridge: { pattern: { source: [shop.orders], detail: { total: [{ numeric: ['>', 100] }] } } }
  b:
    handler: h.log
    events:
      - sns: alerts
      - stream: { type: dynamodb, arn: !GetAtt Orders.StreamArn }
  writer:
    handler: h.write
    environment: { TABLE: !Ref Orders }
    events:
      - httpApi: 'POST /orders'
resources:
  Resources:
    Orders:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: orders
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
        StreamSpecification: { StreamViewType: NEW_IMAGE }
`),
      'h.js': `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand } = require('@aws-sdk/lib-dynamodb');
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
exports.log = async (e, ctx) => {
  const r = e.Records ? e.Records[0] : null;
  if (r && r.Sns) console.log(ctx.functionName, 'sns', r.Sns.Message);
  else if (r && r.dynamodb) console.log(ctx.functionName, 'stream', r.eventName, JSON.stringify(r.dynamodb.NewImage));
  else console.log(ctx.functionName, 'event', e.source, e['detail-type'], e.detail.total);
};
exports.write = async (e) => {
  await doc.send(new PutCommand({ TableName: process.env.TABLE, Item: JSON.parse(e.body), ConditionExpression: 'attribute_not_exists(id)' }));
  return { statusCode: 201 };
};`,
    });
    expect(platform.sources().map((s) => [s.label, s.targets])).toEqual([
      ['topic: alerts', ['a', 'b']], ['bus: default', ['a']], ['table: orders', ['b']],
    ]);
    await platform.fire('topic:alerts', 'disk full');
    await platform.fire('bus:default', JSON.stringify({ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: { total: 250 } }));
    await platform.fire('bus:default', JSON.stringify({ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: { total: 5 } }));
    const created = await platform.request({ method: 'POST', path: '/orders', headers: { 'content-type': 'application/json' }, body: '{"id":"o1","total":3}' });
    expect(created.response.statusCode).toBe(201);
    const again = await platform.request({ method: 'POST', path: '/orders', headers: { 'content-type': 'application/json' }, body: '{"id":"o1","total":4}' });
    expect(again.response.statusCode).toBe(500); // ConditionalCheckFailedException, unhandled in the function
    await settle();
    const mine = lines().filter((l) => /^svc-dev-[ab] /.test(l)).sort();
    expect(mine).toEqual([
      'svc-dev-a event shop.orders OrderPlaced 250',
      'svc-dev-a sns disk full',
      'svc-dev-b sns disk full',
      'svc-dev-b stream INSERT {"id":{"S":"o1"},"total":{"N":"3"}}',
    ]);
    expect(lines().some((l) => l.includes('ConditionalCheckFailedException'))).toBe(true);
    expect(platform.resources().tables[0]).toMatchObject({ name: 'orders', itemCount: 1, items: [{ id: 'o1', total: 3 }] });
    const triggers = new Set(events.flatMap((e) => (e.type === 'invocation-start' ? [`${e.functionName} ← ${e.trigger}`] : [])));
    expect([...triggers].sort()).toEqual(['a ← bus:default', 'a ← topic:alerts', 'b ← table:orders', 'b ← topic:alerts', 'writer ← http:POST /orders']);
  });

  it('keeps bucket objects and table items in a snapshot that restores into a new platform without firing', async () => {
    const files = {
      'serverless.yml': yml(`functions:
  f:
    handler: h.f
    events:
      - s3: uploads
resources:
  Resources:
    T:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: items
        KeySchema: [{ AttributeName: pk, KeyType: HASH }]
        AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
`),
      'h.js': 'exports.f = async () => console.log("fired");',
    };
    const one = await setup(files);
    await one.platform.fire('bucket:uploads', 'hello', { key: 'a.txt' });
    await one.platform.data.putItem('items', { pk: 'x', n: 1 });
    const snapshot = one.platform.data.snapshot();
    const two = await setup(files);
    two.platform.data.restore(structuredClone(snapshot));
    await two.settle();
    expect(two.platform.resources().buckets[0].objects.map((o) => o.key)).toEqual(['a.txt']);
    expect(new TextDecoder().decode(two.platform.data.getObject('uploads', 'a.txt')!.body)).toBe('hello');
    expect(two.platform.resources().tables[0].items).toEqual([{ pk: 'x', n: 1 }]);
    expect(two.lines()).not.toContain('fired');
    two.platform.data.clear();
    expect(two.platform.resources().buckets[0].objectCount).toBe(0);
  });
});
