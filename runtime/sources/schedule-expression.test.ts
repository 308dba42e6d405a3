import { describe, expect, it } from 'vitest';
import { nextFireTime, parseScheduleExpression, type Schedule } from './schedule-expression';

function parse(s: string): Schedule {
  const r = parseScheduleExpression(s);
  if (!r.ok) throw new Error(`expected ${s} to parse: ${r.error}`);
  return r.schedule;
}
function error(s: string): string {
  const r = parseScheduleExpression(s);
  if (r.ok) throw new Error(`expected ${s} to be rejected`);
  return r.error;
}
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));
const at = (s: string) => Date.parse(s);

describe('rate()', () => {
  it('parses minutes, hours and days', () => {
    expect(parse('rate(1 minute)')).toEqual({ kind: 'rate', everyMs: 60_000, text: 'rate(1 minute)' });
    expect(parse('rate(5 minutes)')).toEqual({ kind: 'rate', everyMs: 300_000, text: 'rate(5 minutes)' });
    expect(parse('rate(1 hour)')).toMatchObject({ everyMs: 3_600_000 });
    expect(parse('rate(12 hours)')).toMatchObject({ everyMs: 43_200_000 });
    expect(parse('rate(1 day)')).toMatchObject({ everyMs: 86_400_000 });
    expect(parse('  rate(7 days) ')).toEqual({ kind: 'rate', everyMs: 7 * 86_400_000, text: 'rate(7 days)' });
  });

  it('needs the singular for 1 and the plural otherwise, as AWS does', () => {
    expect(error('rate(1 minutes)')).toBe('rate() with a value of 1 needs the singular unit: rate(1 minute), not rate(1 minutes)');
    expect(error('rate(1 hours)')).toBe('rate() with a value of 1 needs the singular unit: rate(1 hour), not rate(1 hours)');
    expect(error('rate(5 minute)')).toBe('rate() with a value other than 1 needs the plural unit: rate(5 minutes), not rate(5 minute)');
    expect(error('rate(2 day)')).toBe('rate() with a value other than 1 needs the plural unit: rate(2 days), not rate(2 day)');
  });

  it('rejects bad values and units', () => {
    expect(error('rate(0 minutes)')).toBe("rate() value must be a positive integer, got '0'");
    expect(error('rate(-5 minutes)')).toBe("rate() value must be a positive integer, got '-5'");
    expect(error('rate(1.5 hours)')).toBe("rate() value must be a positive integer, got '1.5'");
    expect(error('rate(5 weeks)')).toBe("rate() unit must be minute(s), hour(s) or day(s), got 'weeks'");
    expect(error('rate(5)')).toBe("rate() needs a value and a unit, e.g. rate(5 minutes), got 'rate(5)'");
    expect(error('rate(5 minutes now)')).toBe("rate() needs a value and a unit, e.g. rate(5 minutes), got 'rate(5 minutes now)'");
  });

  it('fires at anchor + k·every, strictly after the given time', () => {
    const s = parse('rate(5 minutes)');
    const anchor = at('2026-01-01T10:02:30Z');
    expect(iso(nextFireTime(s, anchor, anchor))).toBe('2026-01-01T10:07:30Z');
    expect(iso(nextFireTime(s, at('2026-01-01T10:07:29Z'), anchor))).toBe('2026-01-01T10:07:30Z');
    expect(iso(nextFireTime(s, at('2026-01-01T10:07:30Z'), anchor))).toBe('2026-01-01T10:12:30Z');
    expect(iso(nextFireTime(s, at('2026-01-02T00:00:00Z'), anchor))).toBe('2026-01-02T00:02:30Z');
    // before the rule exists: the first fire is one period after creation
    expect(iso(nextFireTime(s, at('2025-12-31T00:00:00Z'), anchor))).toBe('2026-01-01T10:07:30Z');
    // default anchor 0: aligned to the epoch
    expect(iso(nextFireTime(parse('rate(1 hour)'), at('2026-03-04T05:06:07Z')))).toBe('2026-03-04T06:00:00Z');
  });
});

describe('expression shape', () => {
  it('rejects anything that is not rate() or cron()', () => {
    const msg = (s: string) => `schedule must be rate(value unit) or cron(minutes hours day-of-month month day-of-week year), got '${s}'`;
    expect(error('every 5 minutes')).toBe(msg('every 5 minutes'));
    expect(error('0 12 * * ? *')).toBe(msg('0 12 * * ? *'));
    expect(error('cron(0 12 * * ? *')).toBe(msg('cron(0 12 * * ? *'));
    expect(error('at(2026-01-01T00:00:00)')).toBe(msg('at(2026-01-01T00:00:00)'));
  });

  it('cron() needs exactly 6 fields', () => {
    expect(error('cron(0 12 * * ?)')).toBe('cron() needs 6 fields (minutes hours day-of-month month day-of-week year), got 5');
    expect(error('cron(0 0 12 * * ? *)')).toBe('cron() needs 6 fields (minutes hours day-of-month month day-of-week year), got 7');
    expect(error('cron()')).toBe('cron() needs 6 fields (minutes hours day-of-month month day-of-week year), got 0');
  });
});

describe('cron() parsing', () => {
  it('keeps the text and expands every field', () => {
    const s = parse('cron(0/15 9-17 ? * MON-FRI *)');
    expect(s).toMatchObject({
      kind: 'cron',
      text: 'cron(0/15 9-17 ? * MON-FRI *)',
      minutes: [0, 15, 30, 45],
      hours: [9, 10, 11, 12, 13, 14, 15, 16, 17],
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      day: { field: 'day-of-week', rule: { kind: 'days', weekdays: [2, 3, 4, 5, 6] } },
    });
    if (s.kind !== 'cron') throw new Error('cron');
    expect(s.years).toHaveLength(230);
    expect([s.years[0], s.years[229]]).toEqual([1970, 2199]);
  });

  it('lists, ranges, steps, names (any case) and wrapping ranges', () => {
    expect(parse('cron(5,10,5,0 * * * ? *)')).toMatchObject({ minutes: [0, 5, 10] });
    expect(parse('cron(10-20/5 */6 * * ? *)')).toMatchObject({ minutes: [10, 15, 20], hours: [0, 6, 12, 18] });
    expect(parse('cron(0 0 1/10 * ? *)')).toMatchObject({ day: { rule: { kind: 'days', days: [1, 11, 21, 31] } } });
    expect(parse('cron(0 0 ? jan,Mar,DEC sun,sat *)')).toMatchObject({
      months: [1, 3, 12],
      day: { field: 'day-of-week', rule: { kind: 'days', weekdays: [1, 7] } },
    });
    expect(parse('cron(0 0 1 JUN-AUG ? 2030-2032)')).toMatchObject({ months: [6, 7, 8], years: [2030, 2031, 2032] });
    expect(parse('cron(0 22-2 ? * FRI-MON *)')).toMatchObject({
      hours: [0, 1, 2, 22, 23],
      day: { rule: { weekdays: [1, 2, 6, 7] } },
    });
    expect(parse('cron(0 0 1 NOV-FEB ? *)')).toMatchObject({ months: [1, 2, 11, 12] });
    expect(parse('cron(0 0 1 * ? 2030/50)')).toMatchObject({ years: [2030, 2080, 2130, 2180] });
  });

  it("enforces AWS's '?' rule: exactly one of day-of-month and day-of-week is '?'", () => {
    expect(error('cron(0 12 * * * *)')).toBe("cron() cannot specify both day-of-month ('*') and day-of-week ('*'): one of them must be '?'");
    expect(error('cron(0 12 1 * MON *)')).toBe("cron() cannot specify both day-of-month ('1') and day-of-week ('MON'): one of them must be '?'");
    expect(error('cron(0 12 ? * ? *)')).toBe("cron() day-of-month and day-of-week cannot both be '?': give one of them a value or '*'");
    expect(error('cron(? 12 * * ? *)')).toBe("cron() minutes: '?' is allowed only in day-of-month or day-of-week");
    expect(error('cron(0 ? * * ? *)')).toBe("cron() hours: '?' is allowed only in day-of-month or day-of-week");
    expect(error('cron(0 12 * ? ? *)')).toBe("cron() month: '?' is allowed only in day-of-month or day-of-week");
    expect(error('cron(0 12 * * ? ?)')).toBe("cron() year: '?' is allowed only in day-of-month or day-of-week");
    expect(error('cron(0 12 1,? * ? *)')).toBe("cron() day-of-month: '?' must be the whole field, got '1,?'");
    expect(error('cron(0 12 ? * MON,? *)')).toBe("cron() day-of-week: '?' must be the whole field, got 'MON,?'");
  });

  it('rejects out-of-range values with the field and its range', () => {
    expect(error('cron(60 * * * ? *)')).toBe('cron() minutes: 60 is out of range 0-59');
    expect(error('cron(0 24 * * ? *)')).toBe('cron() hours: 24 is out of range 0-23');
    expect(error('cron(0 0 0 * ? *)')).toBe('cron() day-of-month: 0 is out of range 1-31');
    expect(error('cron(0 0 32 * ? *)')).toBe('cron() day-of-month: 32 is out of range 1-31');
    expect(error('cron(0 0 1 13 ? *)')).toBe('cron() month: 13 is out of range 1-12');
    expect(error('cron(0 0 ? * 0 *)')).toBe('cron() day-of-week: 0 is out of range 1-7');
    expect(error('cron(0 0 ? * 8 *)')).toBe('cron() day-of-week: 8 is out of range 1-7');
    expect(error('cron(0 0 1 * ? 1969)')).toBe('cron() year: 1969 is out of range 1970-2199');
    expect(error('cron(0 0 1 * ? 2200)')).toBe('cron() year: 2200 is out of range 1970-2199');
  });

  it('rejects malformed items', () => {
    expect(error('cron(0 0 1 FOO ? *)')).toBe("cron() month: 'FOO' is not a valid value (use 1-12 or JAN-DEC)");
    expect(error('cron(0 0 ? * MONDAY *)')).toBe("cron() day-of-week: 'MONDAY' is not a valid value (use 1-7 or SUN-SAT)");
    expect(error('cron(x 0 1 * ? *)')).toBe("cron() minutes: 'x' is not a valid value");
    expect(error('cron(0 JAN 1 * ? *)')).toBe("cron() hours: 'JAN' is not a valid value");
    expect(error('cron(0,,5 0 1 * ? *)')).toBe("cron() minutes: empty item in list '0,,5'");
    expect(error('cron(0/0 0 1 * ? *)')).toBe("cron() minutes: increment in '0/0' must be a positive integer");
    expect(error('cron(*/ 0 1 * ? *)')).toBe("cron() minutes: increment in '*/' must be a positive integer");
    expect(error('cron(0/5/2 0 1 * ? *)')).toBe("cron() minutes: '0/5/2' has more than one '/'");
    expect(error('cron(1-2-3 0 1 * ? *)')).toBe("cron() minutes: '1-2-3' is not a valid range");
    expect(error('cron(0 0 1 * ? 2031-2030)')).toBe("cron() year: range '2031-2030' runs backwards");
  });

  it('L, W and # only where AWS allows them', () => {
    expect(error('cron(L 0 1 * ? *)')).toBe("cron() minutes: 'L' is allowed only in day-of-month or day-of-week");
    expect(error('cron(0 0 1 L ? *)')).toBe("cron() month: 'L' is allowed only in day-of-month or day-of-week");
    expect(error('cron(0 1W 1 * ? *)')).toBe("cron() hours: 'W' is allowed only in day-of-month");
    expect(error('cron(0 0 1 * ? 2#1)')).toBe("cron() year: '#' is allowed only in day-of-week");
    expect(error('cron(0 0 2#1 * ? *)')).toBe("cron() day-of-month: '#' is allowed only in day-of-week");
    expect(error('cron(0 0 L-3 * ? *)')).toBe("cron() day-of-month: 'L-3' is not supported; use L, LW or nW (e.g. 15W) as the whole field");
    expect(error('cron(0 0 1,L * ? *)')).toBe("cron() day-of-month: '1,L' is not supported; use L, LW or nW (e.g. 15W) as the whole field");
    expect(error('cron(0 0 ? * 6L,2 *)')).toBe("cron() day-of-week: '6L,2' is not supported; use nL (e.g. 6L) or n#k (e.g. 3#2) as the whole field");
    expect(error('cron(0 0 ? * 2W *)')).toBe("cron() day-of-week: '2W' is not supported; use nL (e.g. 6L) or n#k (e.g. 3#2) as the whole field");
    expect(error('cron(0 0 ? * 3#6 *)')).toBe("cron() day-of-week: the n in '3#6' must be 1-5");
    expect(error('cron(0 0 ? * 3#0 *)')).toBe("cron() day-of-week: the n in '3#0' must be 1-5");
    expect(error('cron(0 0 ? * 9#1 *)')).toBe('cron() day-of-week: 9 is out of range 1-7');
    expect(error('cron(0 0 32W * ? *)')).toBe('cron() day-of-month: 32 is out of range 1-31');
    expect(parse('cron(0 0 L * ? *)')).toMatchObject({ day: { field: 'day-of-month', rule: { kind: 'last' } } });
    expect(parse('cron(0 0 lw * ? *)')).toMatchObject({ day: { field: 'day-of-month', rule: { kind: 'last-weekday' } } });
    expect(parse('cron(0 0 15W * ? *)')).toMatchObject({ day: { rule: { kind: 'nearest-weekday', day: 15 } } });
    expect(parse('cron(0 0 ? * L *)')).toMatchObject({ day: { field: 'day-of-week', rule: { kind: 'last', weekday: 7 } } });
    expect(parse('cron(0 0 ? * FRIL *)')).toMatchObject({ day: { rule: { kind: 'last', weekday: 6 } } });
    expect(parse('cron(0 0 ? * TUE#2 *)')).toMatchObject({ day: { rule: { kind: 'nth', weekday: 3, n: 2 } } });
  });
});
