import { describe, expect, it } from 'vitest';
import { TimerQueue } from './timer-queue';

describe('TimerQueue', () => {
  it('pops timers by time, then in the order they were armed, skipping cancelled ones', () => {
    const q = new TimerQueue<string>();
    q.add(30, 'c');
    const b = q.add(20, 'b');
    q.add(10, 'a1');
    q.add(10, 'a2');
    q.add(40, 'd');
    q.cancel(b);
    expect(q.size).toBe(4);
    const out: string[] = [];
    for (let t = q.popDue(35); t; t = q.popDue(35)) out.push(t.fn);
    expect(out).toEqual(['a1', 'a2', 'c']);
    expect(q.peek()?.fn).toBe('d');
    expect(q.size).toBe(1);
  });

  it('stays ordered under many random adds and cancels', () => {
    const q = new TimerQueue<number>();
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const kept: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const at = Math.floor(rnd() * 1000);
      const t = q.add(at, at);
      if (rnd() < 0.3) q.cancel(t);
      else kept.push(at);
    }
    const out: number[] = [];
    for (let t = q.popDue(Infinity); t; t = q.popDue(Infinity)) out.push(t.fn);
    expect(out).toEqual([...kept].sort((x, y) => x - y));
    expect(q.size).toBe(0);
  });
});
