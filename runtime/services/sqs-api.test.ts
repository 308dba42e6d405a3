import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { QueueDef } from '../project/types';
import { AwsError } from './aws-error';
import { QueueService } from './queue-service';

const URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';
const DLQ_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq';
const T0 = Date.UTC(2026, 0, 1);
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
const FROM = { functionName: 'producer', requestId: 'r-1' };

function queueDef(name: string, over: Partial<QueueDef> = {}): QueueDef {
  return { logicalId: null, name, line: 1, visibilityTimeout: 30, messageRetentionPeriod: 345_600, delaySeconds: 0, fifo: false, ...over };
}

function setup() {
  const clock = new VirtualClock();
  const sqs = new QueueService({ clock, region: () => 'us-east-1', account: '123456789012' }, () => {});
  sqs.deploy([queueDef('orders', { redrive: { deadLetterQueue: 'orders-dlq', maxReceiveCount: 3 } }), queueDef('orders-dlq')]);
  return { sqs, clock };
}

function error(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err.info;
    throw err;
  }
  throw new Error('did not throw');
}

describe('SQS SDK operations', () => {
  it('SendMessage answers the MD5s and the MessageId; the sender is the calling function', () => {
    const { sqs } = setup();
    const out = sqs.handle('SendMessage', { QueueUrl: URL, MessageBody: 'hi', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } }, FROM);
    expect(Object.keys(out)).toEqual(['MD5OfMessageBody', 'MD5OfMessageAttributes', 'MessageId']);
    expect(out.MD5OfMessageBody).toBe(md5('hi'));
    expect(sqs.receive('orders', 1)[0].attributes.SenderId).toBe('AROAPLAYGROUNDROLE:producer');
    expect(Object.keys(sqs.handle('SendMessage', { QueueUrl: URL, MessageBody: 'x' }))).toEqual(['MD5OfMessageBody', 'MessageId']);
  });

  it('resolves a QueueUrl by its last path segment, and an unknown queue is QueueDoesNotExist', () => {
    const { sqs } = setup();
    expect(sqs.handle('SendMessage', { QueueUrl: 'http://localhost:4566/000000000000/orders', MessageBody: 'x' })).toHaveProperty('MessageId');
    expect(error(() => sqs.handle('SendMessage', { QueueUrl: `${URL}-nope`, MessageBody: 'x' }))).toEqual({
      name: 'QueueDoesNotExist', message: 'The specified queue does not exist.', statusCode: 400, fault: 'client',
    });
    expect(error(() => sqs.handle('SendMessage', { MessageBody: 'x' }))).toMatchObject({ name: 'MissingParameter', message: 'The request must contain the parameter QueueUrl.' });
  });

  it('ReceiveMessage returns only the attributes asked for, and leaves Messages out when there are none', () => {
    const { sqs, clock } = setup();
    expect(sqs.handle('ReceiveMessage', { QueueUrl: URL })).toStrictEqual({});
    sqs.handle('SendMessage', { QueueUrl: URL, MessageBody: 'a', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' }, n: { DataType: 'Number', StringValue: '1' } } });
    clock.advance(10);
    const out = sqs.handle('ReceiveMessage', { QueueUrl: URL, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'], MessageAttributeNames: ['k'] });
    const [m] = out.Messages as Record<string, unknown>[];
    expect(m).toStrictEqual({
      MessageId: m.MessageId,
      ReceiptHandle: m.ReceiptHandle,
      MD5OfBody: md5('a'),
      Body: 'a',
      Attributes: { SentTimestamp: String(T0), ApproximateReceiveCount: '1' },
      MD5OfMessageAttributes: m.MD5OfMessageAttributes,
      MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } },
    });
    clock.advance(30_000);
    const all = (sqs.handle('ReceiveMessage', { QueueUrl: URL, AttributeNames: ['All'], MessageAttributeNames: ['All'] }).Messages as Record<string, unknown>[])[0];
    expect(all.Attributes).toStrictEqual({ SenderId: 'AIDAPLAYGROUNDCONSOLE', SentTimestamp: String(T0), ApproximateReceiveCount: '2', ApproximateFirstReceiveTimestamp: String(T0 + 10) });
    expect(Object.keys(all.MessageAttributes as object)).toEqual(['k', 'n']);
    expect(all.MD5OfMessageAttributes).not.toBe(m.MD5OfMessageAttributes);
  });

  it('checks ReceiveMessage parameters with SQS messages', () => {
    const { sqs } = setup();
    expect(error(() => sqs.handle('ReceiveMessage', { QueueUrl: URL, MaxNumberOfMessages: 11 }))).toEqual({
      name: 'InvalidParameterValue', message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.', statusCode: 400, fault: 'client',
    });
    expect(error(() => sqs.handle('ReceiveMessage', { QueueUrl: URL, WaitTimeSeconds: 21 })).message).toBe(
      'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
    );
    expect(sqs.handle('ReceiveMessage', { QueueUrl: URL, WaitTimeSeconds: 20 })).toStrictEqual({});
  });

  it('DeleteMessage and ChangeMessageVisibility take the receipt handle', () => {
    const { sqs } = setup();
    sqs.send('orders', 'a');
    const h = (sqs.handle('ReceiveMessage', { QueueUrl: URL }).Messages as { ReceiptHandle: string }[])[0].ReceiptHandle;
    expect(sqs.handle('ChangeMessageVisibility', { QueueUrl: URL, ReceiptHandle: h, VisibilityTimeout: 0 })).toStrictEqual({});
    expect(sqs.counts('orders').visible).toBe(1);
    expect(sqs.handle('DeleteMessage', { QueueUrl: URL, ReceiptHandle: h })).toStrictEqual({});
    expect(sqs.counts('orders')).toMatchObject({ visible: 0, deleted: 1 });
    expect(error(() => sqs.handle('DeleteMessage', { QueueUrl: URL, ReceiptHandle: 'abc' })).name).toBe('ReceiptHandleIsInvalid');
    expect(error(() => sqs.handle('ChangeMessageVisibility', { QueueUrl: URL, ReceiptHandle: h })).message).toBe('The request must contain the parameter VisibilityTimeout.');
  });

  it('SendMessageBatch checks the batch whole, then each entry alone', () => {
    const { sqs } = setup();
    const out = sqs.handle('SendMessageBatch', { QueueUrl: URL, Entries: [{ Id: 'a', MessageBody: 'one' }, { Id: 'b', MessageBody: '' }, { Id: 'c', MessageBody: 'three', DelaySeconds: 5 }] });
    expect(out.Successful).toStrictEqual([
      { Id: 'a', MessageId: (out.Successful as { MessageId: string }[])[0].MessageId, MD5OfMessageBody: md5('one') },
      { Id: 'c', MessageId: (out.Successful as { MessageId: string }[])[1].MessageId, MD5OfMessageBody: md5('three') },
    ]);
    expect(out.Failed).toStrictEqual([{ Id: 'b', SenderFault: true, Code: 'MissingParameter', Message: 'The request must contain the parameter MessageBody.' }]);
    expect(sqs.counts('orders')).toMatchObject({ visible: 1, delayed: 1 });
    expect(error(() => sqs.handle('SendMessageBatch', { QueueUrl: URL, Entries: [] }))).toMatchObject({
      name: 'EmptyBatchRequest', message: 'There should be at least one SendMessageBatchRequestEntry in the request.',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' }));
    expect(error(() => sqs.handle('SendMessageBatch', { QueueUrl: URL, Entries: eleven }))).toMatchObject({
      name: 'TooManyEntriesInBatchRequest', message: 'Maximum number of entries per request are 10. You have sent 11.',
    });
    expect(error(() => sqs.handle('SendMessageBatch', { QueueUrl: URL, Entries: [{ Id: 'x', MessageBody: 'a' }, { Id: 'x', MessageBody: 'b' }] }))).toMatchObject({
      name: 'BatchEntryIdsNotDistinct', message: 'Id x repeated.',
    });
    expect(error(() => sqs.handle('SendMessageBatch', { QueueUrl: URL, Entries: [{ Id: 'a b', MessageBody: 'a' }] })).name).toBe('InvalidBatchEntryId');
    const big = [{ Id: 'a', MessageBody: 'x'.repeat(200_000) }, { Id: 'b', MessageBody: 'x'.repeat(100_000) }];
    expect(error(() => sqs.handle('SendMessageBatch', { QueueUrl: URL, Entries: big })).name).toBe('BatchRequestTooLong');
    expect(sqs.counts('orders').sent).toBe(2);
  });

  it('DeleteMessageBatch reports a bad handle per entry', () => {
    const { sqs } = setup();
    sqs.send('orders', 'a');
    const [m] = sqs.receive('orders', 1);
    const out = sqs.handle('DeleteMessageBatch', { QueueUrl: URL, Entries: [{ Id: '1', ReceiptHandle: m.receiptHandle }, { Id: '2', ReceiptHandle: 'bad' }] });
    expect(out).toStrictEqual({
      Successful: [{ Id: '1' }],
      Failed: [{ Id: '2', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle "bad" is not a valid receipt handle.' }],
    });
  });

  it('GetQueueUrl, ListQueues and PurgeQueue', () => {
    const { sqs } = setup();
    expect(sqs.handle('GetQueueUrl', { QueueName: 'orders' })).toStrictEqual({ QueueUrl: URL });
    expect(error(() => sqs.handle('GetQueueUrl', { QueueName: 'orders', QueueOwnerAWSAccountId: '999999999999' })).name).toBe('QueueDoesNotExist');
    expect(sqs.handle('ListQueues', {})).toStrictEqual({ QueueUrls: [URL, DLQ_URL] });
    expect(sqs.handle('ListQueues', { QueueNamePrefix: 'orders-' })).toStrictEqual({ QueueUrls: [DLQ_URL] });
    expect(sqs.handle('ListQueues', { QueueNamePrefix: 'x' })).toStrictEqual({});
    expect(sqs.handle('ListQueues', { MaxResults: 1 })).toStrictEqual({ QueueUrls: [URL], NextToken: '1' });
    expect(sqs.handle('ListQueues', { MaxResults: 1, NextToken: '1' })).toStrictEqual({ QueueUrls: [DLQ_URL] });
    sqs.send('orders', 'a');
    expect(sqs.handle('PurgeQueue', { QueueUrl: URL })).toStrictEqual({});
    expect(sqs.counts('orders')).toMatchObject({ visible: 0, purged: 1 });
  });

  it('GetQueueAttributes gives the depth, settings and redrive policy as strings', () => {
    const { sqs } = setup();
    sqs.send('orders', 'a');
    sqs.send('orders', 'b', { delaySeconds: 3 });
    expect(sqs.handle('GetQueueAttributes', { QueueUrl: URL })).toStrictEqual({});
    expect(sqs.handle('GetQueueAttributes', { QueueUrl: URL, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'RedrivePolicy', 'QueueArn'] })).toStrictEqual({
      Attributes: {
        QueueArn: 'arn:aws:sqs:us-east-1:123456789012:orders',
        ApproximateNumberOfMessages: '1',
        ApproximateNumberOfMessagesDelayed: '1',
        RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:orders-dlq","maxReceiveCount":3}',
      },
    });
    const all = sqs.handle('GetQueueAttributes', { QueueUrl: DLQ_URL, AttributeNames: ['All'] }).Attributes as Record<string, string>;
    expect(all).toMatchObject({ VisibilityTimeout: '30', MessageRetentionPeriod: '345600', DelaySeconds: '0', MaximumMessageSize: '262144', CreatedTimestamp: String(T0 / 1000) });
    expect(all).not.toHaveProperty('RedrivePolicy');
    expect(error(() => sqs.handle('GetQueueAttributes', { QueueUrl: URL, AttributeNames: ['Depth'] }))).toMatchObject({ name: 'InvalidAttributeName', message: 'Unknown Attribute Depth.' });
  });

  it('an operation it does not simulate says so', () => {
    const { sqs } = setup();
    expect(error(() => sqs.handle('CreateQueue', { QueueName: 'x' }))).toEqual({
      name: 'NotImplemented', message: 'SQS CreateQueue is not simulated yet in the playground', statusCode: 501, fault: 'server',
    });
  });
});
