/** One SQS event source mapping: polls a queue, invokes its function synchronously with batches, deletes what succeeded. */
import type { InvokeOutcome } from '../engines/engine';
import type { SqsEventDef } from '../project/types';
import type { QueueService, ReceivedMessage } from '../services/queue-service';
import { batchVerdict } from './sqs-batch-response';
import { queueArn, sqsEvent } from './sqs-event';
import { causesOf } from './batch-causes';
import type { SourceHost } from './types';

/** Lambda starts five pollers per SQS mapping, each invoking one batch at a time. */
export const START_CONCURRENCY = 5;
/** With maximumConcurrency above five it adds pollers while messages wait: up to 300 a minute, one per 200 ms. */
const SCALE_STEP_MS = 200;
/** A throttled invoke pauses the mapping's polling: 1 s, doubling per throttle in a row, up to a minute. */
const THROTTLE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 60_000;

export class QueuePoller {
  /** Batches being invoked. */
  private busy = 0;
  private readonly cap: number;
  private limit: number;
  private nextScaleAt = 0;
  private stopped = false;
  private wakeQueued = false;
  /** The batching window: when it closes (0 while none is open) and its timer. */
  private windowEndsAt = 0;
  private windowTimer: (() => void) | null = null;
  private pausedUntil = 0;
  private backoffMs = 0;
  private resumeTimer: (() => void) | null = null;
  private warnedBadResponse = false;
  private readonly arn: string;
  private readonly region: string;
  /** The source id its invocations carry. */
  private readonly trigger: string;
  private readonly pumpTask = () => {
    this.wakeQueued = false;
    this.pump();
  };

  constructor(
    private readonly host: SourceHost,
    private readonly queues: QueueService,
    readonly functionName: string,
    readonly def: SqsEventDef,
  ) {
    this.cap = def.maximumConcurrency ?? START_CONCURRENCY;
    this.limit = Math.min(START_CONCURRENCY, this.cap);
    this.region = host.region();
    this.arn = queueArn(this.region, host.account, def.queue);
    this.trigger = `queue:${def.queue}`;
  }

  /** Messages may be receivable: poll soon (once per burst of sends: in a microtask, not on the clock). */
  wake(): void {
    if (this.wakeQueued || this.stopped) return;
    this.wakeQueued = true;
    queueMicrotask(this.pumpTask);
  }

  stop(): void {
    this.stopped = true;
    this.windowTimer?.();
    this.resumeTimer?.();
    this.windowTimer = this.resumeTimer = null;
  }

  /** Starts batches while there is room and something to receive; an empty queue leaves the mapping asleep until wake(). */
  private pump(): void {
    if (this.stopped || !this.def.enabled || !this.queues.has(this.def.queue)) return;
    const now = this.host.clock.now();
    if (now < this.pausedUntil) {
      if (!this.resumeTimer) this.resumeTimer = this.host.clock.setTimer(() => ((this.resumeTimer = null), this.pump()), this.pausedUntil - now);
      return;
    }
    const queue = this.queues.queue(this.def.queue);
    const batchSize = this.def.batchSize;
    for (;;) {
      const visible = queue.counts.visible;
      if (visible === 0) {
        if (this.busy === 0) {
          this.limit = Math.min(START_CONCURRENCY, this.cap);
          this.nextScaleAt = 0;
        }
        return;
      }
      if (this.busy >= this.limit) {
        this.scaleUp(now);
        if (this.busy >= this.limit) return;
      }
      // MaximumBatchingWindowInSeconds: wait for a full batch, at most the window, before invoking with fewer.
      if (visible < batchSize && this.def.maximumBatchingWindow > 0) {
        if (this.windowEndsAt === 0) this.openWindow(now);
        if (now < this.windowEndsAt) return;
      }
      this.closeWindow();
      const batch = this.queues.receive(this.def.queue, batchSize);
      if (batch.length > 0) this.invoke(batch);
      else if (queue.counts.visible >= visible) return; // never spin (cannot happen: a receive takes or redrives)
    }
  }

  /** One more concurrent batch per 200 ms of backlog, up to maximumConcurrency (5 without it). */
  private scaleUp(now: number): void {
    if (this.limit >= this.cap) return;
    if (this.nextScaleAt === 0) this.nextScaleAt = now + SCALE_STEP_MS;
    if (now < this.nextScaleAt) return;
    this.limit++;
    this.nextScaleAt = now + SCALE_STEP_MS;
  }

  private openWindow(now: number): void {
    const ms = this.def.maximumBatchingWindow * 1000;
    this.windowEndsAt = now + ms;
    this.windowTimer = this.host.clock.setTimer(() => ((this.windowTimer = null), this.pump()), ms);
  }

  private closeWindow(): void {
    this.windowTimer?.();
    this.windowTimer = null;
    this.windowEndsAt = 0;
  }

  private invoke(batch: ReceivedMessage[]): void {
    this.busy++;
    this.host.invoke(this.functionName, sqsEvent(batch, this.arn, this.region), this.trigger, causesOf(batch)).then(
      (outcome) => this.settle(batch, outcome),
      (err: unknown) => this.settle(batch, { ok: false, error: { errorType: 'Error', errorMessage: String(err), trace: [] }, durationMs: 0, timedOut: false }),
    );
  }

  /**
   * A success deletes the batch, or with ReportBatchItemFailures all but the messages it names. A function error,
   * timeout or throttle deletes nothing: the messages come back after their visibility timeout with a higher receive
   * count, and the queue's redrive policy moves them to its dead-letter queue after maxReceiveCount.
   */
  private settle(batch: ReceivedMessage[], outcome: InvokeOutcome): void {
    this.busy--;
    if (outcome.ok) {
      this.backoffMs = 0;
      const verdict = this.def.reportBatchItemFailures ? batchVerdict(outcome.result, batch) : null;
      if (verdict?.kind === 'failure') this.warnBadResponse(verdict.reason);
      else this.deleteAll(batch, verdict?.kind === 'partial' ? verdict.failed : null);
    } else if (outcome.error.errorType === 'TooManyRequestsException') {
      this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs === 0 ? THROTTLE_BACKOFF_MS : this.backoffMs * 2);
      this.pausedUntil = this.host.clock.now() + this.backoffMs;
      // Poll less while throttled; scaleUp adds the pollers back one per 200 ms once invokes go through.
      this.limit = Math.max(1, Math.min(this.limit, this.busy));
    }
    this.pump();
  }

  private deleteAll(batch: ReceivedMessage[], failed: Set<string> | null): void {
    // A mapping outlives its queue's redeploy only as long as its last invocations: a deleted queue has nothing to delete.
    if (!this.queues.has(this.def.queue)) return;
    for (let i = 0; i < batch.length; i++) {
      const m = batch[i];
      if (failed && failed.has(m.messageId)) continue;
      try {
        this.queues.delete(this.def.queue, m.receiptHandle);
      } catch {
        return; // the queue was deleted and created again: these handles are not its own
      }
    }
  }

  /** Said once per deployed mapping, not per batch. */
  private warnBadResponse(reason: string): void {
    if (this.warnedBadResponse) return;
    this.warnedBadResponse = true;
    this.host.log(this.functionName, 'warn', `SQS batch from ${this.def.queue} counted as failed (ReportBatchItemFailures): ${reason}`);
  }
}

