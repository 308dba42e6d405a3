import { describe, expect, it } from 'vitest';
import { nextFireTime, parseScheduleExpression, type Schedule } from './schedule-expression';

function parse(s: string): Schedule {
  const r = parseScheduleExpression(s);
  if (!r.ok) throw new Error(`expected ${s} to parse: ${r.error}`);
  return r.schedule;
}
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));
const at = (s: string) => Date.parse(s);
/** The next `n` fire times after `from`, as ISO strings. */
function fires(expr: string, from: string, n = 5): (string | null)[] {
  const s = parse(expr);
  const out: (string | null)[] = [];
  let t = at(from);
  for (let i = 0; i < n; i++) {
    const next = nextFireTime(s, t);
    out.push(iso(next));
    if (next === null) break;
    t = next;
  }
  return out;
}
const next = (expr: string, from: string) => iso(nextFireTime(parse(expr), at(from)));

describe('nextFireTime for cron()', () => {
  it('daily at noon, strictly after the given instant, at minute resolution', () => {
    expect(next('cron(0 12 * * ? *)', '2026-01-01T11:59:59.999Z')).toBe('2026-01-01T12:00:00Z');
    expect(next('cron(0 12 * * ? *)', '2026-01-01T12:00:00Z')).toBe('2026-01-02T12:00:00Z');
    expect(next('cron(0 12 * * ? *)', '2026-01-01T12:00:30Z')).toBe('2026-01-02T12:00:00Z');
    expect(next('cron(* * * * ? *)', '2026-01-01T12:00:30Z')).toBe('2026-01-01T12:01:00Z');
  });

  it('every 15 minutes in working hours, Monday to Friday', () => {
    // 2026-01-02 is a Friday
    expect(fires('cron(0/15 9-17 ? * MON-FRI *)', '2026-01-02T17:20:00Z')).toEqual([
      '2026-01-02T17:30:00Z',
      '2026-01-02T17:45:00Z',
      '2026-01-05T09:00:00Z',
      '2026-01-05T09:15:00Z',
      '2026-01-05T09:30:00Z',
    ]);
  });

  it('month-end and year-end rollovers', () => {
    expect(fires('cron(30 23 L * ? *)', '2025-12-31T23:30:00Z')).toEqual([
      '2026-01-31T23:30:00Z',
      '2026-02-28T23:30:00Z',
      '2026-03-31T23:30:00Z',
      '2026-04-30T23:30:00Z',
      '2026-05-31T23:30:00Z',
    ]);
    expect(fires('cron(0 0 31 * ? *)', '2026-01-31T00:00:00Z', 4)).toEqual([
      '2026-03-31T00:00:00Z',
      '2026-05-31T00:00:00Z',
      '2026-07-31T00:00:00Z',
      '2026-08-31T00:00:00Z',
    ]);
    expect(fires('cron(59 23 * * ? *)', '2026-12-31T00:00:00Z', 2)).toEqual(['2026-12-31T23:59:00Z', '2027-01-01T23:59:00Z']);
    expect(fires('cron(0,30 0 1 JAN,JUL ? *)', '2026-06-15T00:00:00Z')).toEqual([
      '2026-07-01T00:00:00Z',
      '2026-07-01T00:30:00Z',
      '2027-01-01T00:00:00Z',
      '2027-01-01T00:30:00Z',
      '2027-07-01T00:00:00Z',
    ]);
  });

  it('29 February: leap years only, and fast across non-leap years', () => {
    expect(fires('cron(0 0 29 2 ? *)', '2025-03-01T00:00:00Z', 4)).toEqual([
      '2028-02-29T00:00:00Z',
      '2032-02-29T00:00:00Z',
      '2036-02-29T00:00:00Z',
      '2040-02-29T00:00:00Z',
    ]);
    // 2100 is not a leap year (divisible by 100, not by 400)
    expect(next('cron(0 0 29 2 ? *)', '2096-03-01T00:00:00Z')).toBe('2104-02-29T00:00:00Z');
    expect(next('cron(0 0 L FEB ? *)', '2100-01-01T00:00:00Z')).toBe('2100-02-28T00:00:00Z');
    expect(next('cron(0 0 L FEB ? *)', '2024-01-01T00:00:00Z')).toBe('2024-02-29T00:00:00Z');
  });

  it('never fires again: null', () => {
    expect(next('cron(0 0 30 FEB ? *)', '2026-01-01T00:00:00Z')).toBeNull();
    expect(next('cron(0 0 1 1 ? 2026)', '2026-01-01T00:00:00Z')).toBeNull();
    expect(next('cron(59 23 31 12 ? 2199)', '2199-12-31T23:59:00Z')).toBeNull();
    expect(next('cron(0 0 ? * 1#5 2027)', '2026-01-01T00:00:00Z')).toBe('2027-01-31T00:00:00Z');
  });

  it('year fields and bounds', () => {
    expect(fires('cron(0 12 1 1 ? 2027,2030-2031)', '2026-06-01T00:00:00Z')).toEqual([
      '2027-01-01T12:00:00Z',
      '2030-01-01T12:00:00Z',
      '2031-01-01T12:00:00Z',
      null,
    ]);
    expect(next('cron(59 23 31 12 ? 2199)', '1960-01-01T00:00:00Z')).toBe('2199-12-31T23:59:00Z');
    expect(next('cron(0 0 1 1 ? *)', '1960-06-01T00:00:00Z')).toBe('1970-01-01T00:00:00Z');
  });

  it('day-of-week lists and names (1=SUN … 7=SAT)', () => {
    // 2026-01-01 is a Thursday
    expect(fires('cron(0 8 ? * 1,7 *)', '2026-01-01T00:00:00Z', 4)).toEqual([
      '2026-01-03T08:00:00Z',
      '2026-01-04T08:00:00Z',
      '2026-01-10T08:00:00Z',
      '2026-01-11T08:00:00Z',
    ]);
    expect(fires('cron(0 8 ? * FRI-MON *)', '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-02T08:00:00Z',
      '2026-01-03T08:00:00Z',
      '2026-01-04T08:00:00Z',
      '2026-01-05T08:00:00Z',
      '2026-01-09T08:00:00Z',
    ]);
  });

  it('last weekday in the month (6L), nth weekday (#) and L alone (Saturday)', () => {
    expect(fires('cron(0 18 ? * 6L *)', '2026-01-01T00:00:00Z')).toEqual([
      '2026-01-30T18:00:00Z',
      '2026-02-27T18:00:00Z',
      '2026-03-27T18:00:00Z',
      '2026-04-24T18:00:00Z',
      '2026-05-29T18:00:00Z',
    ]);
    expect(fires('cron(0 10 ? * 3#2 *)', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-13T10:00:00Z',
      '2026-02-10T10:00:00Z',
      '2026-03-10T10:00:00Z',
    ]);
    // fifth Friday: only in months that have one
    expect(fires('cron(0 0 ? * FRI#5 *)', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-30T00:00:00Z',
      '2026-05-29T00:00:00Z',
      '2026-07-31T00:00:00Z',
    ]);
    expect(next('cron(0 0 ? * L *)', '2026-01-01T00:00:00Z')).toBe('2026-01-31T00:00:00Z');
  });

  it('W: nearest weekday, never crossing the month; LW: last weekday', () => {
    // 2026-02-15 is a Sunday → Monday 16th; 2026-03-15 is a Sunday too; 2026-08-15 is a Saturday → Friday 14th
    expect(next('cron(0 9 15W * ? *)', '2026-02-01T00:00:00Z')).toBe('2026-02-16T09:00:00Z');
    expect(next('cron(0 9 15W * ? *)', '2026-08-01T00:00:00Z')).toBe('2026-08-14T09:00:00Z');
    expect(next('cron(0 9 15W * ? *)', '2026-04-01T00:00:00Z')).toBe('2026-04-15T09:00:00Z');
    // 2026-08-01 is a Saturday → Monday 3rd, not Friday 31 July
    expect(next('cron(0 9 1W * ? *)', '2026-07-02T00:00:00Z')).toBe('2026-08-03T09:00:00Z');
    // 2026-05-31 is a Sunday → Friday 29th, not Monday 1 June
    expect(next('cron(0 9 31W * ? *)', '2026-05-01T00:00:00Z')).toBe('2026-05-29T09:00:00Z');
    // 31W skips months without a 31st
    expect(next('cron(0 9 31W * ? *)', '2026-06-01T00:00:00Z')).toBe('2026-07-31T09:00:00Z');
    // LW: 2026-01-31 Saturday → 30th; 2026-05-31 Sunday → 29th; 2026-03-31 Tuesday
    expect(fires('cron(0 17 LW * ? *)', '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-30T17:00:00Z',
      '2026-02-27T17:00:00Z',
      '2026-03-31T17:00:00Z',
      '2026-04-30T17:00:00Z',
      '2026-05-29T17:00:00Z',
    ]);
  });

  it('hour and minute lists roll into the next day', () => {
    expect(fires('cron(10,50 6,23 * * ? *)', '2026-01-31T23:10:00Z', 4)).toEqual([
      '2026-01-31T23:50:00Z',
      '2026-02-01T06:10:00Z',
      '2026-02-01T06:50:00Z',
      '2026-02-01T23:10:00Z',
    ]);
  });

  it('jumps by fields: every 29 February from 1970 to 2199', () => {
    // Each call skips ~4 years; stepping minute by minute would take ~2 million iterations per call.
    const s = parse('cron(0 0 29 2 ? *)');
    let t = at('1970-01-01T00:00:00Z');
    let n = 0;
    for (;;) {
      const nx = nextFireTime(s, t);
      if (nx === null) break;
      t = nx;
      n++;
    }
    expect(n).toBe(56); // leap years 1972…2196 (2100 is not one)
    expect(iso(t)).toBe('2196-02-29T00:00:00Z');
  });
});
