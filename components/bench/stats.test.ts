import { describe, expect, it } from 'vitest';
import { median, percentile, round, timerResolutionMs } from './stats';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
  });
  it('handles few samples and none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('round', () => {
  it('rounds to the given digits', () => {
    expect(round(0.12345)).toBe(0.123);
    expect(round(12.5, 0)).toBe(13);
  });
});

describe('timerResolutionMs', () => {
  it('finds the step of a coarse clock', () => {
    let t = 0;
    let calls = 0;
    const coarse = () => (++calls % 3 === 0 ? (t += 0.1) : t);
    expect(round(timerResolutionMs(coarse, 10), 6)).toBe(0.1);
  });
});
