/** A table's stream (one shard): records in order, kept 24 hours as DynamoDB Streams keep them. */
import type { DynamoDBRecord } from 'aws-lambda';

/** DynamoDB Streams keep a record 24 hours. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A bound on memory: beyond this the oldest records go early (the playground's limit, not AWS's). */
export const MAX_RECORDS = 100_000;

export interface StreamEntry {
  record: DynamoDBRecord;
  /** Epoch ms the change was written. */
  time: number;  /** The SDK call that made the change (traces), null for one made from the page. */
  cause: string | null;
}

export class StreamLog {
  private entries: StreamEntry[] = [];
  private head = 0;
  /** Position of the oldest record kept; positions count every record ever appended. */
  base = 0;

  get end(): number {
    return this.base + this.entries.length - this.head;
  }

  append(entry: StreamEntry): void {
    this.entries.push(entry);
  }

  /** Drops records older than the retention (and any beyond MAX_RECORDS). */
  trim(now: number): void {
    while (this.head < this.entries.length && (now - this.entries[this.head].time >= RETENTION_MS || this.end - this.base > MAX_RECORDS)) {
      this.head++;
      this.base++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Up to `n` records from position `from` (which must be at least `base`). */
  read(from: number, n: number): StreamEntry[] {
    const i = this.head + (from - this.base);
    return this.entries.slice(i, i + n);
  }
}
