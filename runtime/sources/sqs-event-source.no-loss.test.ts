import { describe, expect, it } from 'vitest';
import type { InvokeOutcome } from '../engines/engine';
import { failed, flush, OK, queueDef, setup, sqs, type Handler } from './sqs-test-kit';

/** mulberry32: a small seeded PRNG, so the run is the same every time. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('nothing is lost', () => {
  it('10,000 messages with random failures and partial batch failures: every message is deleted or in the DLQ, and the counts add up', async () => {
    const N = 10_000;
    const random = prng(20260101);
    const deletedIds = new Set<string>();
    const handleIds = new Map<string, string>();
    let deliveredAfterDelete = 0;
    let running = 0;
    const handler: Handler = (event) => {
      for (const r of event.Records) {
        if (deletedIds.has(r.messageId)) deliveredAfterDelete++;
        handleIds.set(r.receiptHandle, r.messageId);
      }
      const roll = random();
      let outcome: InvokeOutcome;
      if (roll < 0.3) outcome = failed(random() < 0.1 ? 'TooManyRequestsException' : 'Error');
      else if (roll < 0.6) {
        const failures = event.Records.filter(() => random() < 0.3).map((r) => ({ itemIdentifier: r.messageId }));
        outcome = { ok: true, result: { batchItemFailures: failures }, durationMs: 1 };
      } else outcome = OK;
      running++;
      // Now and then an invocation outlives the 30 s visibility timeout: its messages are received again meanwhile.
      const ms = random() < 0.02 ? 40_000 : Math.floor(random() * 2_000);
      return new Promise<InvokeOutcome>((resolve) => env.clock.setTimer(() => ((running--), resolve(outcome)), ms));
    };
    const env = setup([sqs('work', { reportBatchItemFailures: true })], handler, [
      queueDef('work', { visibilityTimeout: 30, redrive: { deadLetterQueue: 'work-dlq', maxReceiveCount: 3 } }),
      queueDef('work-dlq'),
    ]);
    const { service, clock } = env;
    const realDelete = service.delete.bind(service);
    service.delete = (queue, handle) => {
      const deleted = realDelete(queue, handle);
      if (deleted) deletedIds.add(handleIds.get(handle) as string);
      return deleted;
    };

    for (let i = 0; i < N; i++) service.send('work', `message ${i}`);
    const busy = () => {
      const c = service.counts('work');
      return c.visible + c.inFlight + c.delayed > 0 || running > 0;
    };
    for (let steps = 0; busy() && steps < 100_000; steps++) {
      clock.advance(250);
      await flush();
    }

    const work = service.counts('work');
    const dlq = service.counts('work-dlq');
    expect(busy()).toBe(false);
    expect(work).toMatchObject({ visible: 0, inFlight: 0, delayed: 0, sent: N, purged: 0 });
    expect(work.deleted + work.redriven).toBe(N);
    expect(dlq).toEqual({ visible: work.redriven, inFlight: 0, delayed: 0, sent: 0, movedIn: work.redriven, deleted: 0, redriven: 0, purged: 0 });
    expect(work.deleted).toBeGreaterThan(N / 2);
    expect(work.redriven).toBeGreaterThan(0);

    const dead = [...service.queue('work-dlq').messages.values()];
    expect(deletedIds.size + dead.length).toBe(N);
    expect(dead.every((m) => m.receiveCount >= 3 && !deletedIds.has(m.id))).toBe(true);
    expect(deliveredAfterDelete).toBe(0);
  });
});
