/** The clocks' pending timers: a binary min-heap by (time, order of arming), with cancellation in O(1) and lazy removal. */

export interface QueuedTimer<F> {
  at: number;
  seq: number;
  fn: F;
  cancelled: boolean;
}

export class TimerQueue<F> {
  private heap: QueuedTimer<F>[] = [];
  private seq = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  add(at: number, fn: F): QueuedTimer<F> {
    const t: QueuedTimer<F> = { at, seq: this.seq++, fn, cancelled: false };
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(t, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = t;
    this.live++;
    return t;
  }

  cancel(t: QueuedTimer<F>): void {
    if (t.cancelled) return;
    t.cancelled = true;
    this.live--;
  }

  /** The earliest live timer, without removing it. */
  peek(): QueuedTimer<F> | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  /** Removes and returns the earliest live timer due at or before `limit`. */
  popDue(limit: number): QueuedTimer<F> | undefined {
    const top = this.peek();
    if (!top || top.at > limit) return undefined;
    this.removeTop();
    top.cancelled = true; // a cancel() after it ran is a no-op
    this.live--;
    return top;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.removeTop();
  }

  private removeTop(): void {
    const h = this.heap;
    const last = h.pop() as QueuedTimer<F>;
    if (h.length === 0) return;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r], h[l]) ? r : l;
      if (!before(h[c], last)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
  }
}

function before<F>(a: QueuedTimer<F>, b: QueuedTimer<F>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
