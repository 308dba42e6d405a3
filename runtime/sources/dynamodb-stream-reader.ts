/** One event source mapping on a table's stream: batches in order, one in flight, retried with backoff until it succeeds, runs out of retries, or expires. */
import type { DynamoDBRecord } from 'aws-lambda';
import type { InvokeOutcome } from '../engines/engine';
import type { StreamEventDef } from '../project/types';
import { streamEvent } from './dynamodb-stream-event';
import { causesOf } from './batch-causes';
import { RETENTION_MS, type StreamEntry, type StreamLog } from './dynamodb-stream-log';
import type { SourceHost } from './types';

/** Lambda's retry backoff for stream sources: 1 s, doubling, at most 60 s (the playground's reading of "exponential backoff"). */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 60_000);
}

/**
 * Where to resume after ReportBatchItemFailures: the index of the earliest failed record, 0 when the response is
 * malformed (Lambda then retries the whole batch), or null when every record succeeded.
 */
export function firstFailure(batch: DynamoDBRecord[], result: unknown): number | null {
  if (!result || typeof result !== 'object') return null;
  const failures = (result as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return null;
  if (!Array.isArray(failures)) return 0;
  if (failures.length === 0) return null;
  let first = batch.length;
  for (const f of failures) {
    const id = (f as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const i = typeof id === 'string' && id ? batch.findIndex((r) => r.dynamodb?.SequenceNumber === id) : -1;
    if (i < 0) return 0;
    first = Math.min(first, i);
  }
  return first;
}

export class StreamReader {
  private batch: StreamEntry[] | null = null;
  private failures = 0;
  private inFlight = false;
  private cancelTimer: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly host: SourceHost,
    private readonly log: StreamLog,
    readonly functionName: string,
    public def: StreamEventDef,
    /** The next position to read. */
    public cursor: number,
  ) {}

  /** Starts a poll soon (on the clock) if there is something to read and nothing in flight. */
  kick(): void {
    if (this.stopped || this.inFlight || this.cancelTimer) return;
    if (!this.batch && this.cursor >= this.log.end) return;
    this.cancelTimer = this.host.clock.setTimer(() => {
      this.cancelTimer = null;
      this.poll();
    }, 0);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private poll(): void {
    const now = this.host.clock.now();
    this.log.trim(now);
    if (this.cursor < this.log.base) {
      this.skipped(this.log.base - this.cursor, 'older than 24 hours (the stream retention)');
      this.cursor = this.log.base;
      this.batch = null;
    }
    if (this.batch) {
      // A batch retried until its records leave the stream: the expired ones are gone.
      const live = this.batch.filter((e) => now - e.time < RETENTION_MS);
      if (live.length < this.batch.length) this.skipped(this.batch.length - live.length, 'older than 24 hours (the stream retention)');
      this.cursor += this.batch.length - live.length;
      this.batch = live.length ? live : null;
    }
    this.batch ??= this.log.read(this.cursor, this.def.batchSize);
    if (this.batch.length === 0) {
      this.batch = null;
      return;
    }
    const records = this.batch.map((e) => e.record);
    this.inFlight = true;
    void this.host.invoke(this.functionName, streamEvent(records), `table:${this.def.table}`, causesOf(this.batch)).then((outcome) => this.done(records, outcome));
  }

  private done(records: DynamoDBRecord[], outcome: InvokeOutcome): void {
    this.inFlight = false;
    if (this.stopped) return;
    const from = !outcome.ok ? 0 : this.def.reportBatchItemFailures ? firstFailure(records, outcome.result) : null;
    if (from === null) return this.advance(records.length);
    this.failures++;
    const max = this.def.maximumRetryAttempts;
    if (max >= 0 && this.failures > max) {
      this.skipped(records.length - from, `the batch failed ${this.failures} time(s) (maximumRetryAttempts: ${max})`);
      return this.advance(records.length);
    }
    // Partial failure: checkpoint before the first failed record and retry from it.
    this.cursor += from;
    this.batch = this.batch!.slice(from);
    this.cancelTimer = this.host.clock.setTimer(() => {
      this.cancelTimer = null;
      this.poll();
    }, retryDelayMs(this.failures));
  }

  private advance(n: number): void {
    this.cursor += n;
    this.batch = null;
    this.failures = 0;
    this.kick();
  }

  private skipped(n: number, why: string): void {
    this.host.log(this.functionName, 'warn', `Skipped ${n} stream record(s) of table ${this.def.table}: ${why}`);
  }
}
