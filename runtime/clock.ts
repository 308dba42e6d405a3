/** Time for the simulated cloud: real in the page, virtual in tests and fast-forward. Only RealClock reads the system clock. */
import { TimerQueue } from './timer-queue';

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

/** A clock that only moves when told to: `advance(ms)` fires due timers in order. */
export class VirtualClock implements Clock {
  private t: number;
  private readonly timers = new TimerQueue<() => void>();

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
    const timer = this.timers.add(this.t + Math.max(0, ms), fn);
    return () => this.timers.cancel(timer);
  }
  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (let next = this.timers.popDue(end); next; next = this.timers.popDue(end)) {
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}
