/**
 * Function timeouts for many instances on one timer. Arming a timer per invocation costs a setTimeout and a
 * clearTimeout on the page's main thread every time; here a timer is armed only when a deadline earlier than the armed
 * one appears (rare: a function's invocations share one timeout), and a fired timer expires what is due and re-arms.
 */
import type { Clock } from '../../clock';

export interface Deadline {
  at: number;
  expire(): void;
}

export class Deadlines {
  private readonly live = new Set<Deadline>();
  private armedAt = Infinity;
  private cancel: (() => void) | null = null;

  constructor(private readonly clock: Clock) {}

  add(d: Deadline): void {
    this.live.add(d);
    if (d.at < this.armedAt) this.arm(d.at);
  }

  delete(d: Deadline): void {
    this.live.delete(d);
  }

  get size(): number {
    return this.live.size;
  }

  private arm(at: number): void {
    this.cancel?.();
    this.armedAt = at;
    this.cancel = this.clock.setTimer(() => this.fire(), Math.max(0, at - this.clock.perfNow()));
  }

  private fire(): void {
    this.cancel = null;
    this.armedAt = Infinity;
    const now = this.clock.perfNow();
    let next = Infinity;
    const due: Deadline[] = [];
    for (const d of this.live) {
      if (d.at <= now) due.push(d);
      else if (d.at < next) next = d.at;
    }
    for (const d of due) {
      this.live.delete(d);
      d.expire();
    }
    if (next < Infinity) this.arm(next);
  }
}
