import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { SimulationClock } from './sim-clock';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('SimulationClock', () => {
  it('follows its base clock and fires timers when the base reaches them', () => {
    const base = new VirtualClock(T0);
    const sim = new SimulationClock(base);
    const fired: number[] = [];
    sim.setTimer(() => void fired.push(sim.now()), 60_000);
    base.advance(59_999);
    expect(fired).toEqual([]);
    base.advance(1);
    expect(fired).toEqual([T0 + 60_000]);
  });

  it('stands still while paused and picks up where it stopped', () => {
    const base = new VirtualClock(T0);
    const states: string[] = [];
    const sim = new SimulationClock(base, (s) => states.push(s.mode));
    const fired: number[] = [];
    sim.setTimer(() => void fired.push(sim.now()), 10_000);
    sim.pause();
    base.advance(60_000);
    expect(fired).toEqual([]);
    expect(sim.now()).toBe(T0);
    sim.resume();
    expect(sim.now()).toBe(T0);
    base.advance(10_000);
    expect(fired).toEqual([T0 + 10_000]);
    expect(states).toEqual(['paused', 'real']);
  });

  it('fast-forwards through due timers in order, each at its own time, and awaits what they start', async () => {
    const base = new VirtualClock(T0);
    const sim = new SimulationClock(base);
    const seen: string[] = [];
    const every = (name: string, ms: number) => {
      const tick = async () => {
        seen.push(`${name}@${(sim.now() - T0) / 60_000}`);
        await Promise.resolve();
        sim.setTimer(tick, ms);
      };
      sim.setTimer(tick, ms);
    };
    every('a', 20 * 60_000);
    every('b', 30 * 60_000);
    const fired = await sim.fastForward(60 * 60_000);
    expect(fired).toBe(5);
    expect(seen).toEqual(['a@20', 'b@30', 'a@40', 'b@60', 'a@60']); // same time: in the order they were set
    expect(sim.now()).toBe(T0 + 60 * 60_000);
    expect(sim.state().mode).toBe('real');
    base.advance(20 * 60_000); // real time goes on from the new point
    expect(seen.at(-1)).toBe('a@80');
  });

  it('stays paused after a fast-forward that started paused', async () => {
    const sim = new SimulationClock(new VirtualClock(T0));
    sim.pause();
    await sim.fastForward(1000);
    expect(sim.state()).toEqual({ mode: 'paused', now: T0 + 1000 });
  });
});
