import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { QueueDef } from '../project/types';
import { AwsError } from './aws-error';
import { QueueService } from './queue-service';

const T0 = Date.UTC(2026, 0, 1);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function queueDef(name: string, over: Partial<QueueDef> = {}): QueueDef {
  return { logicalId: null, name, line: 1, visibilityTimeout: 30, messageRetentionPeriod: 345_600, delaySeconds: 0, fifo: false, ...over };
}

function setup(defs: QueueDef[] = [queueDef('orders')]) {
  const clock = new VirtualClock();
  const woken: string[] = [];
  const sqs = new QueueService({ clock, region: () => 'us-east-1', account: '123456789012' }, (q) => woken.push(q));
  sqs.deploy(defs);
  return { sqs, clock, woken };
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

/** sent + movedIn = visible + inFlight + delayed + deleted + redriven + purged */
function addsUp(c: ReturnType<QueueService['counts']>): boolean {
  return c.sent + c.movedIn === c.visible + c.inFlight + c.delayed + c.deleted + c.redriven + c.purged;
}

describe('QueueService', () => {
  it('sends a message with a real MD5 of its body and receives it with the attributes an SQS record needs', () => {
    const { sqs, clock, woken } = setup();
    const sent = sqs.send('orders', 'héllo');
    expect(sent.messageId).toMatch(UUID);
    expect(sent.md5OfBody).toBe(createHash('md5').update('héllo', 'utf8').digest('hex'));
    expect(woken).toEqual(['orders']);
    clock.advance(250);
    const [m, ...rest] = sqs.receive('orders', 10);
    expect(rest).toEqual([]);
    expect(m).toStrictEqual({
      messageId: sent.messageId,
      receiptHandle: m.receiptHandle,
      body: 'héllo',
      md5OfBody: sent.md5OfBody,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(T0), SenderId: 'AIDAPLAYGROUNDCONSOLE', ApproximateFirstReceiveTimestamp: String(T0 + 250) },
      messageAttributes: null,
      md5OfMessageAttributes: null,
      cause: null, // sent from the page, not by an SDK call
    });
    expect(m.receiptHandle).toMatch(/^AQEB/);
    expect(sqs.counts('orders')).toEqual({ visible: 0, inFlight: 1, delayed: 0, sent: 1, movedIn: 0, deleted: 0, redriven: 0, purged: 0 });
  });

  it('hides a received message for the visibility timeout, then shows it again with a new handle and a higher count', () => {
    const { sqs, clock, woken } = setup([queueDef('orders', { visibilityTimeout: 10 })]);
    sqs.send('orders', 'a');
    const first = sqs.receive('orders', 1)[0];
    expect(sqs.receive('orders', 1)).toEqual([]);
    clock.advance(9_999);
    expect(sqs.receive('orders', 1)).toEqual([]);
    woken.length = 0;
    clock.advance(1);
    expect(woken).toEqual(['orders']);
    expect(sqs.counts('orders')).toMatchObject({ visible: 1, inFlight: 0 });
    const again = sqs.receive('orders', 1)[0];
    expect(again.messageId).toBe(first.messageId);
    expect(again.receiptHandle).not.toBe(first.receiptHandle);
    expect(again.attributes.ApproximateReceiveCount).toBe('2');
    expect(again.attributes.ApproximateFirstReceiveTimestamp).toBe(String(T0));
  });

  it('takes the visibility timeout of the receive over the queue setting, and 0 leaves it visible', () => {
    const { sqs, clock } = setup();
    sqs.send('orders', 'a');
    sqs.receive('orders', 1, 5);
    clock.advance(5_000);
    expect(sqs.receive('orders', 10, 0).map((m) => m.attributes.ApproximateReceiveCount)).toEqual(['2']);
    expect(sqs.counts('orders')).toMatchObject({ visible: 1, inFlight: 0 });
  });

  it('returns at most max messages, oldest first', () => {
    const { sqs } = setup();
    for (let i = 0; i < 25; i++) sqs.send('orders', `m${i}`);
    expect(sqs.receive('orders', 10).map((m) => m.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(sqs.receive('orders', 100)).toHaveLength(15);
  });

  it('delays a message by its DelaySeconds, else by the queue default, and says when it is available', () => {
    const { sqs, clock, woken } = setup([queueDef('orders', { delaySeconds: 5 })]);
    sqs.send('orders', 'queue default');
    sqs.send('orders', 'own delay', { delaySeconds: 2 });
    sqs.send('orders', 'none', { delaySeconds: 0 });
    expect(woken).toEqual(['orders']);
    expect(sqs.counts('orders')).toMatchObject({ visible: 1, delayed: 2 });
    expect(sqs.receive('orders', 10).map((m) => m.body)).toEqual(['none']);
    clock.advance(2_000);
    expect(sqs.receive('orders', 10).map((m) => m.body)).toEqual(['own delay']);
    clock.advance(3_000);
    expect(sqs.receive('orders', 10).map((m) => m.body)).toEqual(['queue default']);
    expect(woken).toEqual(['orders', 'orders', 'orders']);
  });

  it('deletes with the latest or an earlier receipt handle, and a handle it never issued is ReceiptHandleIsInvalid', () => {
    const { sqs, clock } = setup();
    sqs.send('orders', 'a');
    const old = sqs.receive('orders', 1, 1)[0].receiptHandle;
    clock.advance(1_000);
    sqs.receive('orders', 1);
    expect(sqs.delete('orders', old)).toBe(true);
    expect(sqs.delete('orders', old)).toBe(false);
    expect(sqs.counts('orders')).toMatchObject({ visible: 0, inFlight: 0, deleted: 1 });
    expect(error(() => sqs.delete('orders', 'nonsense'))).toEqual({
      name: 'ReceiptHandleIsInvalid', message: 'The input receipt handle "nonsense" is not a valid receipt handle.', statusCode: 400, fault: 'client',
    });
  });

  it("does not accept another queue's receipt handle", () => {
    const { sqs } = setup([queueDef('a'), queueDef('b')]);
    sqs.send('a', 'x');
    const h = sqs.receive('a', 1)[0].receiptHandle;
    expect(error(() => sqs.delete('b', h)).name).toBe('ReceiptHandleIsInvalid');
  });

  it('removes a deleted message whose visibility timeout had ended, so it is never received again', () => {
    const { sqs, clock } = setup([queueDef('orders', { visibilityTimeout: 1 })]);
    sqs.send('orders', 'a');
    const [a] = sqs.receive('orders', 1);
    clock.advance(1_000);
    sqs.send('orders', 'b');
    expect(sqs.counts('orders').visible).toBe(2);
    sqs.delete('orders', a.receiptHandle);
    expect(sqs.counts('orders').visible).toBe(1);
    expect(sqs.receive('orders', 10).map((m) => m.body)).toEqual(['b']);
  });

  it('changes the visibility of an in-flight message from now; 0 makes it visible at once', () => {
    const { sqs, clock, woken } = setup();
    sqs.send('orders', 'a');
    const h = sqs.receive('orders', 1)[0].receiptHandle;
    clock.advance(20_000);
    sqs.changeVisibility('orders', h, 60);
    clock.advance(59_999);
    expect(sqs.counts('orders').inFlight).toBe(1);
    clock.advance(1);
    expect(sqs.counts('orders').visible).toBe(1);
    const h2 = sqs.receive('orders', 1)[0].receiptHandle;
    woken.length = 0;
    sqs.changeVisibility('orders', h2, 0);
    expect(woken).toEqual(['orders']);
    expect(sqs.counts('orders')).toMatchObject({ visible: 1, inFlight: 0 });
  });

  it('answers ChangeMessageVisibility for a deleted message and for a bad timeout as SQS does', () => {
    const { sqs } = setup();
    sqs.send('orders', 'a');
    const h = sqs.receive('orders', 1)[0].receiptHandle;
    sqs.delete('orders', h);
    expect(error(() => sqs.changeVisibility('orders', h, 10))).toEqual({
      name: 'InvalidParameterValue',
      message: `Value ${h} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
      statusCode: 400,
      fault: 'client',
    });
    expect(error(() => sqs.changeVisibility('orders', h, 43_201)).message).toBe(
      'Value 43201 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.',
    );
  });

  it('redrives a message to the dead-letter queue on the receive after maxReceiveCount receives, keeping id and count', () => {
    const { sqs, clock, woken } = setup([queueDef('orders', { visibilityTimeout: 1, redrive: { deadLetterQueue: 'orders-dlq', maxReceiveCount: 2 } }), queueDef('orders-dlq')]);
    const { messageId } = sqs.send('orders', 'poison');
    expect(sqs.receive('orders', 1)).toHaveLength(1);
    clock.advance(1_000);
    expect(sqs.receive('orders', 1)[0].attributes.ApproximateReceiveCount).toBe('2');
    clock.advance(1_000);
    woken.length = 0;
    expect(sqs.receive('orders', 1)).toEqual([]);
    expect(woken).toEqual(['orders-dlq']);
    expect(sqs.counts('orders')).toEqual({ visible: 0, inFlight: 0, delayed: 0, sent: 1, movedIn: 0, deleted: 0, redriven: 1, purged: 0 });
    expect(sqs.counts('orders-dlq')).toEqual({ visible: 1, inFlight: 0, delayed: 0, sent: 0, movedIn: 1, deleted: 0, redriven: 0, purged: 0 });
    const dead = sqs.receive('orders-dlq', 1)[0];
    expect(dead).toMatchObject({ messageId, body: 'poison', attributes: { ApproximateReceiveCount: '3', SentTimestamp: String(T0) } });
  });

  it('purges every message, counting them', () => {
    const { sqs } = setup([queueDef('orders', { delaySeconds: 10 })]);
    sqs.send('orders', 'a');
    sqs.send('orders', 'b', { delaySeconds: 0 });
    sqs.send('orders', 'c', { delaySeconds: 0 });
    sqs.receive('orders', 1);
    sqs.purge('orders');
    const c = sqs.counts('orders');
    expect(c).toEqual({ visible: 0, inFlight: 0, delayed: 0, sent: 3, movedIn: 0, deleted: 0, redriven: 0, purged: 3 });
    expect(sqs.receive('orders', 10)).toEqual([]);
  });

  it('validates what is sent as SQS does', () => {
    const { sqs } = setup();
    expect(error(() => sqs.send('nope', 'a'))).toEqual({ name: 'QueueDoesNotExist', message: 'The specified queue does not exist.', statusCode: 400, fault: 'client' });
    expect(error(() => sqs.send('orders', ''))).toMatchObject({ name: 'MissingParameter', message: 'The request must contain the parameter MessageBody.' });
    expect(error(() => sqs.send('orders', 'a\u0000b')).name).toBe('InvalidMessageContents');
    expect(error(() => sqs.send('orders', 'x'.repeat(262_145)))).toMatchObject({
      name: 'InvalidParameterValue', message: 'One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.',
    });
    expect(error(() => sqs.send('orders', 'a', { delaySeconds: 901 })).message).toBe(
      'Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900',
    );
    expect(sqs.send('orders', '😀\t\n').md5OfBody).toBe(createHash('md5').update('😀\t\n', 'utf8').digest('hex'));
  });

  it('keeps messages and takes new settings on redeploy; a queue no longer declared is gone', () => {
    const { sqs, clock } = setup([queueDef('orders'), queueDef('old')]);
    sqs.send('orders', 'a');
    sqs.send('old', 'b');
    sqs.deploy([queueDef('orders', { visibilityTimeout: 2 })]);
    expect(sqs.has('old')).toBe(false);
    expect(sqs.receive('orders', 1)).toHaveLength(1);
    clock.advance(2_000);
    expect(sqs.counts('orders').visible).toBe(1);
  });

  it('keeps the counts adding up through sends, receives, expiries, deletes, redrives and purges', () => {
    const { sqs, clock } = setup([queueDef('q', { visibilityTimeout: 1, redrive: { deadLetterQueue: 'dlq', maxReceiveCount: 2 } }), queueDef('dlq')]);
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 7; i++) sqs.send('q', `m${round}.${i}`, { delaySeconds: i % 3 });
      const got = sqs.receive('q', 5);
      got.filter((_, i) => i % 2 === 0).forEach((m) => sqs.delete('q', m.receiptHandle));
      if (round === 13) sqs.purge('q');
      clock.advance(700);
      expect(addsUp(sqs.counts('q'))).toBe(true);
      expect(addsUp(sqs.counts('dlq'))).toBe(true);
    }
    expect(sqs.counts('q').redriven).toBeGreaterThan(0);
    expect(sqs.counts('dlq').movedIn).toBe(sqs.counts('q').redriven);
  });

  it('shows queues with their counts, dead-letter settings, consumers and messages oldest first', () => {
    const { sqs } = setup([queueDef('orders', { redrive: { deadLetterQueue: 'dlq', maxReceiveCount: 3 } }), queueDef('dlq')]);
    sqs.send('orders', 'x'.repeat(600));
    sqs.send('orders', 'b', { delaySeconds: 5 });
    sqs.receive('orders', 1);
    const [orders, dlq] = sqs.views((q) => (q === 'orders' ? ['worker'] : []));
    expect(orders).toStrictEqual({
      name: 'orders',
      url: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders',
      arn: 'arn:aws:sqs:us-east-1:123456789012:orders',
      visible: 0, inFlight: 1, delayed: 1, sent: 2, deleted: 0, redriven: 0,
      deadLetterQueue: 'dlq', maxReceiveCount: 3, isDeadLetterQueue: false,
      messages: [
        { messageId: orders.messages[0].messageId, body: 'x'.repeat(500), receiveCount: 1, state: 'in flight', sentAt: T0 },
        { messageId: orders.messages[1].messageId, body: 'b', receiveCount: 0, state: 'delayed', sentAt: T0 },
      ],
      movedIn: 0, purged: 0, consumers: ['worker'],
    });
    expect(dlq).toMatchObject({ name: 'dlq', isDeadLetterQueue: true, deadLetterQueue: null, maxReceiveCount: null, consumers: [] });
  });
});
