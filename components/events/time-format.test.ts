import { describe, expect, it } from 'vitest';
import { eventCount, relativeTime, spanLabel, utcStamp, utcTime } from './time-format';

const T = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('relativeTime', () => {
  it('counts seconds, whole minutes, hours with minutes, then days', () => {
    expect(relativeTime(T + 45_000, T)).toBe('in 45 s');
    expect(relativeTime(T + 1, T)).toBe('in 1 s');
    expect(relativeTime(T + 5 * 60_000, T)).toBe('in 5 min');
    expect(relativeTime(T + 4 * 60_000 + 59_000, T)).toBe('in 4 min');
    expect(relativeTime(T + 60 * 60_000, T)).toBe('in 1 h');
    expect(relativeTime(T + 125 * 60_000, T)).toBe('in 2 h 5 min');
    expect(relativeTime(T + 24 * 3600_000, T)).toBe('in 1 day');
    expect(relativeTime(T + 80 * 3600_000, T)).toBe('in 3 days');
  });

  it('says due now once the time is reached or passed', () => {
    expect(relativeTime(T, T)).toBe('due now');
    expect(relativeTime(T - 5000, T)).toBe('due now');
  });
});

describe('utcStamp', () => {
  it('gives the time alone on the same UTC day, the day when it differs, the year when that differs', () => {
    expect(utcTime(T + 5 * 60_000 + 7_000)).toBe('12:05:07');
    expect(utcStamp(T + 5 * 60_000, T)).toBe('12:05:00 UTC');
    expect(utcStamp(Date.UTC(2026, 0, 2, 0, 0, 0), T)).toBe('Jan 2, 00:00:00 UTC');
    expect(utcStamp(Date.UTC(2027, 1, 3, 9, 30, 0), T)).toBe('Feb 3 2027, 09:30:00 UTC');
  });
});

describe('spanLabel and eventCount', () => {
  it('names the fast-forward spans and counts', () => {
    expect(spanLabel(3600_000)).toBe('1 h');
    expect(spanLabel(86_400_000)).toBe('1 day');
    expect(spanLabel(30 * 60_000)).toBe('30 min');
    expect(eventCount(12)).toBe('12 events');
    expect(eventCount(1)).toBe('1 event');
    expect(eventCount(0)).toBe('no events');
  });
});
