import { describe, expect, it } from 'vitest';
import { ACCOUNT, failed, flush, OK, pending, project, queueDef, setup, sqs } from './sqs-test-kit';

describe('QueueEventSources (SQS event source mapping)', () => {
  it('invokes the function with a batch of SQS records and deletes the batch when it succeeds', async () => {
    const { service, calls } = setup([sqs('orders')], () => OK);
    service.send('orders', 'a');
    service.send('orders', 'b');
    await flush();
    expect(calls).toHaveLength(1);
    const [r] = calls[0].event.Records;
    expect(calls[0].fn).toBe('worker');
    expect(calls[0].event.Records.map((x) => x.body)).toEqual(['a', 'b']);
    expect(r).toMatchObject({ eventSource: 'aws:sqs', eventSourceARN: `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`, awsRegion: 'us-east-1', attributes: { ApproximateReceiveCount: '1' } });
    expect(service.counts('orders')).toMatchObject({ visible: 0, inFlight: 0, deleted: 2 });
  });

  it('splits the queue into batches of batchSize', async () => {
    const { service, calls } = setup([sqs('orders', { batchSize: 4 })], () => OK);
    for (let i = 0; i < 10; i++) service.send('orders', `m${i}`);
    await flush();
    expect(calls.map((c) => c.event.Records.length)).toEqual([4, 4, 2]);
    expect(service.counts('orders').deleted).toBe(10);
  });

  it('on a function error deletes nothing; the batch returns after the visibility timeout and then goes to the DLQ', async () => {
    const { service, calls, clock } = setup([sqs('orders')], () => failed(), [
      queueDef('orders', { visibilityTimeout: 30, redrive: { deadLetterQueue: 'orders-dlq', maxReceiveCount: 3 } }),
      queueDef('orders-dlq'),
    ]);
    const { messageId } = service.send('orders', 'poison');
    await flush();
    for (let i = 0; i < 4; i++) {
      clock.advance(30_000);
      await flush();
    }
    expect(calls.map((c) => [c.at - calls[0].at, c.event.Records[0].attributes.ApproximateReceiveCount])).toEqual([[0, '1'], [30_000, '2'], [60_000, '3']]);
    expect(service.counts('orders')).toMatchObject({ visible: 0, inFlight: 0, deleted: 0, redriven: 1 });
    const [dead] = service.receive('orders-dlq', 10);
    expect(dead).toMatchObject({ messageId, body: 'poison' });
  });

  it('with ReportBatchItemFailures deletes all but the reported messages', async () => {
    let first = true;
    const { service, calls, clock } = setup([sqs('orders', { reportBatchItemFailures: true })], (event) => {
      const ids = event.Records.map((r) => r.messageId);
      const result = first ? { batchItemFailures: [{ itemIdentifier: ids[1] }, { itemIdentifier: ids[3] }] } : { batchItemFailures: [] };
      first = false;
      return { ok: true, result, durationMs: 1 };
    });
    for (let i = 0; i < 5; i++) service.send('orders', `m${i}`);
    await flush();
    expect(service.counts('orders')).toMatchObject({ deleted: 3, inFlight: 2 });
    clock.advance(30_000);
    await flush();
    expect(calls[1].event.Records.map((r) => [r.body, r.attributes.ApproximateReceiveCount])).toEqual([['m1', '2'], ['m3', '2']]);
    expect(service.counts('orders')).toMatchObject({ deleted: 5, inFlight: 0, visible: 0 });
  });

  it('without ReportBatchItemFailures a returned failure list is just a result: the batch is deleted', async () => {
    const { service } = setup([sqs('orders')], (event) => ({ ok: true, result: { batchItemFailures: [{ itemIdentifier: event.Records[0].messageId }] }, durationMs: 1 }));
    service.send('orders', 'a');
    await flush();
    expect(service.counts('orders')).toMatchObject({ deleted: 1, inFlight: 0 });
  });

  it('an unreadable partial response fails the whole batch, and says so once', async () => {
    const { service, lines, clock } = setup([sqs('orders', { reportBatchItemFailures: true })], () => ({ ok: true, result: { batchItemFailures: [{ itemIdentifier: 'nope' }] }, durationMs: 1 }));
    service.send('orders', 'a');
    await flush();
    clock.advance(30_000);
    await flush();
    expect(service.counts('orders')).toMatchObject({ deleted: 0, inFlight: 1 });
    expect(lines).toEqual(["worker warn SQS batch from orders counted as failed (ReportBatchItemFailures): itemIdentifier 'nope' is not the messageId of a message in the batch"]);
  });

  it('waits up to maximumBatchingWindow for a full batch, and invokes at once when one is full', async () => {
    const { service, calls, clock } = setup([sqs('orders', { batchSize: 5, maximumBatchingWindow: 2 })], () => OK);
    service.send('orders', 'a');
    await flush();
    clock.advance(1_999);
    await flush();
    expect(calls).toHaveLength(0);
    clock.advance(1);
    await flush();
    expect(calls.map((c) => c.event.Records.length)).toEqual([1]);
    for (let i = 0; i < 3; i++) service.send('orders', `b${i}`);
    await flush();
    clock.advance(500);
    for (let i = 0; i < 2; i++) service.send('orders', `c${i}`);
    await flush();
    expect(calls.map((c) => [c.event.Records.length, c.at - calls[0].at])).toEqual([[1, 0], [5, 500]]);
  });

  it('runs at most five batches at once, or maximumConcurrency', async () => {
    for (const [max, expected] of [[undefined, 5], [2, 2]] as const) {
      const { handler, waiting } = pending();
      const { service, calls } = setup([sqs('orders', { batchSize: 1, ...(max ? { maximumConcurrency: max } : {}) })], handler);
      for (let i = 0; i < 20; i++) service.send('orders', `m${i}`);
      await flush();
      expect(calls).toHaveLength(expected);
      waiting.shift()?.();
      await flush();
      expect(calls).toHaveLength(expected + 1);
      expect(service.counts('orders')).toMatchObject({ deleted: 1, inFlight: expected });
    }
  });

  it('adds a concurrent batch per 200 ms of backlog up to maximumConcurrency', async () => {
    const { handler, waiting } = pending();
    const { service, calls, clock } = setup([sqs('orders', { batchSize: 1, maximumConcurrency: 7 })], handler);
    for (let i = 0; i < 50; i++) service.send('orders', `m${i}`);
    await flush();
    expect(calls).toHaveLength(5);
    for (let t = 0; t < 6; t++) {
      clock.advance(200);
      waiting.shift()?.();
      await flush();
    }
    // Each release starts one batch in the freed slot; from 200 ms on the backlog adds a slot per 200 ms, up to 7.
    expect(calls.length - waiting.length).toBe(6);
    expect(waiting).toHaveLength(7);
  });

  it('backs off after a throttle instead of polling again at once, and deletes nothing', async () => {
    const { service, calls, clock } = setup([sqs('orders', { batchSize: 1, maximumConcurrency: 2 })], () => failed('TooManyRequestsException'), [queueDef('orders', { visibilityTimeout: 1 })]);
    service.send('orders', 'a');
    await flush();
    expect(calls).toHaveLength(1);
    clock.advance(1_000); // visible again, but the mapping waits out its 1 s pause, then 2 s
    await flush();
    expect(calls.map((c) => c.at - calls[0].at)).toEqual([0, 1_000]);
    clock.advance(1_999);
    await flush();
    expect(calls).toHaveLength(2);
    clock.advance(1);
    await flush();
    expect(calls.map((c) => c.at - calls[0].at)).toEqual([0, 1_000, 3_000]);
    expect(service.counts('orders').deleted).toBe(0);
  });

  it('sleeps while the queue is empty: no timers left, no polls', async () => {
    const { service, calls, clock } = setup([sqs('orders')], () => OK);
    service.send('orders', 'a');
    await flush();
    clock.advance(60_000);
    await flush();
    expect(clock.pending).toBe(0);
    expect(calls).toHaveLength(1);
    service.send('orders', 'b');
    await flush();
    expect(calls).toHaveLength(2);
  });

  it('polls messages that waited before the mapping existed; a disabled mapping does not poll; redeploy replaces mappings', async () => {
    const { service, sources, calls } = setup([sqs('orders', { enabled: false })], () => OK);
    service.send('orders', 'early');
    await flush();
    expect(calls).toHaveLength(0);
    expect(sources.consumers('orders')).toEqual(['worker']);
    sources.deploy(project({ worker: [sqs('orders')], other: [sqs('orders')] }));
    await flush();
    expect(calls.map((c) => c.event.Records[0].body)).toEqual(['early']);
    expect(sources.consumers('orders')).toEqual(['worker', 'other']);
    sources.deploy(project({ worker: [] }));
    service.send('orders', 'late');
    await flush();
    expect(calls).toHaveLength(1);
    expect(sources.consumers('orders')).toEqual([]);
  });
});
