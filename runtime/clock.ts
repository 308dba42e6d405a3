/** Time for the simulated cloud: real in the page, virtual in tests and fast-forward. Only RealClock reads the system clock. */

export interface Clock {
  /** Epoch ms. */
  now(): number;
  /** High-resolution ms for durations. */
  perfNow(): number;
  setTimer(fn: () => void, ms: number): () => void;
}

export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }
  perfNow(): number {
    return performance.now();
  }
  setTimer(fn: () => void, ms: number): () => void {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  }
}

interface Timer { at: number; seq: number; fn: () => void }

/** A clock that only moves when told to: `advance(ms)` fires due timers in order. */
export class VirtualClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(startEpochMs = Date.UTC(2026, 0, 1)) {
    this.t = startEpochMs;
  }
  now(): number {
    return this.t;
  }
  perfNow(): number {
    return this.t;
  }
  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const x of this.timers) if (x.at <= end && (!next || x.at < next.at || (x.at === next.at && x.seq < next.seq))) next = x;
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}
