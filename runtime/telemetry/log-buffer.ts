/** The Logs panel's source: a bounded ring of CloudWatch-style lines, read by sequence number once per frame. */
import type { LogEntry } from '../platform-types';

export class LogBuffer {
  private entries: LogEntry[] = [];
  private nextSeq = 1;

  constructor(private readonly capacity = 5000) {}

  push(entry: Omit<LogEntry, 'seq'>): LogEntry {
    const full = entry as LogEntry;
    full.seq = this.nextSeq++;
    this.entries.push(full);
    // Trim in chunks so a push stays O(1) amortised at thousands of lines a second.
    if (this.entries.length >= this.capacity * 2) this.entries = this.entries.slice(-this.capacity);
    return full;
  }

  /** Entries with seq > `seq`, oldest first (at most `capacity`). */
  since(seq: number): LogEntry[] {
    const e = this.entries;
    if (e.length === 0 || e[e.length - 1].seq <= seq) return [];
    let lo = 0;
    let hi = e.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return e.slice(Math.max(lo, e.length - this.capacity));
  }

  all(): LogEntry[] {
    return this.entries.slice(-this.capacity);
  }

  /** The seq of the newest entry (0 when none was ever written). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  clear(): void {
    this.entries = [];
  }
}
