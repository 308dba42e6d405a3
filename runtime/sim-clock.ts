/**
 * The simulated cloud's time: follows a base clock (real in the page, virtual in tests) and can be paused or
 * fast-forwarded, firing what falls due in order, so an hour of schedules runs in a moment. Durations (perfNow) stay
 * the base clock's: a function's run time is real even when the calendar jumps.
 */
import type { Clock } from './clock';
import type { ClockState } from './sources/types';
import { TimerQueue } from './timer-queue';

type TimerFn = () => void | Promise<void>;

export class SimulationClock implements Clock {
  /** Virtual minus base time while running. */
  private offset = 0;
  private pausedAt: number | null = null;
  private readonly timers = new TimerQueue<TimerFn>();
  private armed: { at: number; cancel: () => void } | null = null;
  private forwarding = false;

  constructor(private readonly base: Clock, private readonly onChange: (state: ClockState) => void = () => {}) {}

  now(): number {
    return this.pausedAt ?? this.base.now() + this.offset;
  }

  perfNow(): number {
    return this.base.perfNow();
  }

  /** How far this clock is from its base (ahead after a fast-forward, behind after a pause). */
  offsetFromBase(): number {
    return this.now() - this.base.now();
  }

  setTimer(fn: TimerFn, ms: number): () => void {
    const timer = this.timers.add(this.now() + Math.max(0, ms), fn);
    this.arm();
    return () => {
      this.timers.cancel(timer);
      this.arm();
    };
  }

  state(): ClockState {
    return { mode: this.pausedAt === null ? 'real' : 'paused', now: this.now() };
  }

  pause(): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = this.now();
    this.arm();
    this.onChange(this.state());
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.offset = this.pausedAt - this.base.now();
    this.pausedAt = null;
    this.arm();
    this.onChange(this.state());
  }

  /**
   * Moves time forward by `ms`, running each timer that falls due in order (and waiting for what it started, such as
   * an invocation), then lands at the end. Returns how many timers ran.
   */
  async fastForward(ms: number): Promise<number> {
    if (this.forwarding) return 0;
    this.forwarding = true;
    const wasPaused = this.pausedAt !== null;
    const end = this.now() + ms;
    this.pausedAt = this.now();
    let fired = 0;
    try {
      for (;;) {
        const next = this.timers.popDue(end);
        if (!next) break;
        this.pausedAt = Math.max(this.pausedAt, next.at);
        fired++;
        await next.fn();
        if (fired % 50 === 0) this.onChange(this.state());
      }
    } finally {
      this.pausedAt = end;
      if (!wasPaused) this.resume();
      this.forwarding = false;
      this.arm();
      this.onChange(this.state());
    }
    return fired;
  }

  /** Keeps one base timer for the earliest virtual timer, only while running (and not fast-forwarding). */
  private arm(): void {
    const next = this.pausedAt === null && !this.forwarding ? this.timers.peek() : undefined;
    if (this.armed && (!next || this.armed.at !== next.at)) {
      this.armed.cancel();
      this.armed = null;
    }
    if (!next || this.armed) return;
    const at = next.at;
    this.armed = { at, cancel: this.base.setTimer(() => this.fireDue(at), Math.max(0, at - this.now())) };
  }

  private fireDue(at: number): void {
    if (this.armed?.at === at) this.armed = null;
    const now = this.now();
    const due: TimerFn[] = [];
    for (let t = this.timers.popDue(now); t; t = this.timers.popDue(now)) due.push(t.fn);
    for (const fn of due) void fn();
    this.arm();
  }
}
