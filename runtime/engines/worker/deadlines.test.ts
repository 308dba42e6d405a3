import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import { Deadlines } from './deadlines';

describe('Deadlines', () => {
  it('expires each deadline at its time, not before, and forgets deleted ones', () => {
    const clock = new VirtualClock(0);
    const ds = new Deadlines(clock);
    const expired: string[] = [];
    const mk = (name: string, at: number) => ({ at, expire: () => expired.push(`${name}@${clock.perfNow()}`) });
    const a = mk('a', 1000);
    const b = mk('b', 1500);
    const c = mk('c', 500);
    ds.add(a);
    ds.add(b);
    ds.add(c);
    ds.delete(b);
    clock.advance(499);
    expect(expired).toEqual([]);
    clock.advance(1);
    expect(expired).toEqual(['c@500']);
    clock.advance(2000);
    expect(expired).toEqual(['c@500', 'a@1000']);
    expect(ds.size).toBe(0);
  });

  it('re-arms for deadlines added after the timer was armed', () => {
    const clock = new VirtualClock(0);
    const ds = new Deadlines(clock);
    const expired: number[] = [];
    ds.add({ at: 100, expire: () => expired.push(clock.perfNow()) });
    clock.advance(50);
    ds.add({ at: 150, expire: () => expired.push(clock.perfNow()) });
    ds.add({ at: 120, expire: () => expired.push(clock.perfNow()) });
    clock.advance(200);
    expect(expired).toEqual([100, 120, 150]);
  });
});
