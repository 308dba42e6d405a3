/** EventBridge (CloudWatch Events) schedule expressions: `rate(...)` and 6-field `cron(...)`, parsed and stepped in UTC. */

/** Day-of-month rule of a cron (used when day-of-week is `?`). */
export type DayOfMonthRule =
  | { kind: 'days'; days: number[] } // explicit days 1-31 (`*` gives all)
  | { kind: 'last' } // L: last day of the month
  | { kind: 'last-weekday' } // LW: last Monday-Friday of the month
  | { kind: 'nearest-weekday'; day: number }; // 15W: the Monday-Friday nearest the 15th, within the month

/** Day-of-week rule of a cron (used when day-of-month is `?`). AWS numbers days 1=SUN … 7=SAT. */
export type DayOfWeekRule =
  | { kind: 'days'; weekdays: number[] }
  | { kind: 'last'; weekday: number } // 6L: last Friday of the month (L alone: last Saturday)
  | { kind: 'nth'; weekday: number; n: number }; // 3#2: second Tuesday of the month

export type CronDayRule = { field: 'day-of-month'; rule: DayOfMonthRule } | { field: 'day-of-week'; rule: DayOfWeekRule };

export type Schedule =
  | { kind: 'rate'; everyMs: number; text: string }
  | { kind: 'cron'; text: string; minutes: number[]; hours: number[]; months: number[]; years: number[]; day: CronDayRule };

export type ParseResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

const MINUTE = 60_000;
const RATE_UNITS: Record<string, number> = { minute: MINUTE, hour: 60 * MINUTE, day: 24 * 60 * MINUTE };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FIELD_NAMES = 'minutes hours day-of-month month day-of-week year';

interface FieldSpec { name: string; min: number; max: number; names?: string[]; wrap: boolean }
const FIELDS: FieldSpec[] = [
  { name: 'minutes', min: 0, max: 59, wrap: true },
  { name: 'hours', min: 0, max: 23, wrap: true },
  { name: 'day-of-month', min: 1, max: 31, wrap: true },
  { name: 'month', min: 1, max: 12, names: MONTHS, wrap: true },
  { name: 'day-of-week', min: 1, max: 7, names: WEEKDAYS, wrap: true },
  { name: 'year', min: 1970, max: 2199, wrap: false },
];

class CronError extends Error {}

export function parseScheduleExpression(s: string): ParseResult {
  const text = s.trim();
  const m = /^(rate|cron)\((.*)\)$/s.exec(text);
  if (!m) {
    return { ok: false, error: `schedule must be rate(value unit) or cron(${FIELD_NAMES}), got '${text}'` };
  }
  try {
    const schedule = m[1] === 'rate' ? parseRate(m[2].trim(), text) : parseCron(m[2].trim(), text);
    return { ok: true, schedule };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: e.message };
    throw e;
  }
}

function parseRate(body: string, text: string): Schedule {
  const parts = body.split(/\s+/).filter(Boolean);
  if (parts.length !== 2) throw new CronError(`rate() needs a value and a unit, e.g. rate(5 minutes), got '${text}'`);
  const [value, unit] = parts;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new CronError(`rate() value must be a positive integer, got '${value}'`);
  }
  const n = Number(value);
  const singular = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  const ms = RATE_UNITS[singular];
  if (ms === undefined) throw new CronError(`rate() unit must be minute(s), hour(s) or day(s), got '${unit}'`);
  // AWS rejects rate(1 minutes) and rate(5 minute): singular for 1, plural otherwise.
  if (n === 1 && unit !== singular) {
    throw new CronError(`rate() with a value of 1 needs the singular unit: rate(1 ${singular}), not rate(1 ${unit})`);
  }
  if (n !== 1 && unit === singular) {
    throw new CronError(`rate() with a value other than 1 needs the plural unit: rate(${n} ${singular}s), not rate(${n} ${unit})`);
  }
  return { kind: 'rate', everyMs: n * ms, text };
}

function parseCron(body: string, text: string): Schedule {
  const f = body.split(/\s+/).filter(Boolean);
  if (f.length !== 6) throw new CronError(`cron() needs 6 fields (${FIELD_NAMES}), got ${f.length}`);
  for (const i of [0, 1, 3, 5]) {
    if (f[i].includes('?')) throw new CronError(`cron() ${FIELDS[i].name}: '?' is allowed only in day-of-month or day-of-week`);
    for (const c of ['L', 'W', '#']) {
      if (f[i].toUpperCase().replace(/[A-Z]{3}/g, '').includes(c)) {
        throw new CronError(`cron() ${FIELDS[i].name}: '${c}' is allowed only in ${c === '#' ? 'day-of-week' : c === 'W' ? 'day-of-month' : 'day-of-month or day-of-week'}`);
      }
    }
  }
  const domQ = f[2] === '?';
  const dowQ = f[4] === '?';
  // AWS: you can't specify both day-of-month and day-of-week; exactly one of them must be '?'.
  if (domQ && dowQ) {
    throw new CronError(`cron() day-of-month and day-of-week cannot both be '?': give one of them a value or '*'`);
  }
  if (!domQ && !dowQ) {
    throw new CronError(`cron() cannot specify both day-of-month ('${f[2]}') and day-of-week ('${f[4]}'): one of them must be '?'`);
  }
  const day: CronDayRule = domQ ? { field: 'day-of-week', rule: parseDow(f[4]) } : { field: 'day-of-month', rule: parseDom(f[2]) };
  return {
    kind: 'cron',
    text,
    minutes: parseList(f[0], FIELDS[0]),
    hours: parseList(f[1], FIELDS[1]),
    months: parseList(f[3], FIELDS[3]),
    years: parseList(f[5], FIELDS[5]),
    day,
  };
}

function parseDom(s: string): DayOfMonthRule {
  const u = s.toUpperCase();
  if (u.includes('?')) throw new CronError(`cron() day-of-month: '?' must be the whole field, got '${s}'`);
  if (u === 'L') return { kind: 'last' };
  if (u === 'LW') return { kind: 'last-weekday' };
  const w = /^(\d+)W$/.exec(u);
  if (w) return { kind: 'nearest-weekday', day: value(w[1], FIELDS[2]) };
  if (u.includes('L') || u.includes('W')) {
    throw new CronError(`cron() day-of-month: '${s}' is not supported; use L, LW or nW (e.g. 15W) as the whole field`);
  }
  if (u.includes('#')) throw new CronError(`cron() day-of-month: '#' is allowed only in day-of-week`);
  return { kind: 'days', days: parseList(s, FIELDS[2]) };
}

function parseDow(s: string): DayOfWeekRule {
  const u = s.toUpperCase();
  if (u.includes('?')) throw new CronError(`cron() day-of-week: '?' must be the whole field, got '${s}'`);
  if (u === 'L') return { kind: 'last', weekday: 7 };
  const l = /^([A-Z]{3}|\d+)L$/.exec(u);
  if (l) return { kind: 'last', weekday: value(l[1], FIELDS[4]) };
  const h = /^([A-Z]{3}|\d+)#(\d+)$/.exec(u);
  if (h) {
    const n = Number(h[2]);
    if (n < 1 || n > 5) throw new CronError(`cron() day-of-week: the n in '${s}' must be 1-5`);
    return { kind: 'nth', weekday: value(h[1], FIELDS[4]), n };
  }
  if (u.replace(/[A-Z]{3}/g, (x) => (WEEKDAYS.includes(x) ? '' : x)).match(/[LW#]/)) {
    throw new CronError(`cron() day-of-week: '${s}' is not supported; use nL (e.g. 6L) or n#k (e.g. 3#2) as the whole field`);
  }
  return { kind: 'days', weekdays: parseList(s, FIELDS[4]) };
}

/** A `,` list of `*`, `a`, `a-b`, `*\/s`, `a/s`, `a-b/s` items, as a sorted set of values. */
function parseList(s: string, spec: FieldSpec): number[] {
  const out = new Set<number>();
  for (const item of s.split(',')) {
    if (item === '') throw new CronError(`cron() ${spec.name}: empty item in list '${s}'`);
    const [range, stepText, extra] = item.split('/');
    if (extra !== undefined) throw new CronError(`cron() ${spec.name}: '${item}' has more than one '/'`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) {
        throw new CronError(`cron() ${spec.name}: increment in '${item}' must be a positive integer`);
      }
      step = Number(stepText);
    }
    let lo: number;
    let hi: number;
    if (range === '*') {
      [lo, hi] = [spec.min, spec.max];
    } else {
      const bounds = range.split('-');
      if (bounds.length > 2) throw new CronError(`cron() ${spec.name}: '${item}' is not a valid range`);
      lo = value(bounds[0], spec);
      // 'a/s' runs from a to the end of the field, as in AWS's 0/15.
      hi = bounds.length === 2 ? value(bounds[1], spec) : stepText !== undefined ? spec.max : lo;
    }
    if (hi < lo && !spec.wrap) throw new CronError(`cron() ${spec.name}: range '${item}' runs backwards`);
    const size = spec.max - spec.min + 1;
    const span = hi >= lo ? hi - lo : hi + size - lo; // FRI-MON wraps past the end of the field
    for (let k = 0; k <= span; k += step) out.add(((lo - spec.min + k) % size) + spec.min);
  }
  return [...out].sort((a, b) => a - b);
}

function value(t: string, spec: FieldSpec): number {
  const u = t.toUpperCase();
  const named = spec.names?.indexOf(u) ?? -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(u)) {
    const hint = spec.names ? ` (use ${spec.min}-${spec.max} or ${spec.names[0]}-${spec.names[spec.names.length - 1]})` : '';
    throw new CronError(`cron() ${spec.name}: '${t}' is not a valid value${hint}`);
  }
  const n = Number(u);
  if (n < spec.min || n > spec.max) throw new CronError(`cron() ${spec.name}: ${n} is out of range ${spec.min}-${spec.max}`);
  return n;
}

/**
 * The first fire time strictly after `afterEpochMs`, or null if the schedule never fires again.
 * Rate schedules run relative to when the rule was created (`anchorEpochMs`): anchor + k·every, k ≥ 1.
 */
export function nextFireTime(schedule: Schedule, afterEpochMs: number, anchorEpochMs = 0): number | null {
  if (schedule.kind === 'rate') {
    const k = Math.max(1, Math.floor((afterEpochMs - anchorEpochMs) / schedule.everyMs) + 1);
    return anchorEpochMs + k * schedule.everyMs;
  }
  return nextCron(schedule, Math.max(afterEpochMs, Date.UTC(1970, 0, 1) - 1));
}

type Cron = Extract<Schedule, { kind: 'cron' }>;

/** Jumps field by field (year → month → day → hour → minute), resetting the smaller fields on each jump. */
function nextCron(c: Cron, after: number): number | null {
  const t = new Date((Math.floor(after / MINUTE) + 1) * MINUTE);
  let [y, mo, d, h, mi] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()];
  for (;;) {
    const ny = firstAtLeast(c.years, y);
    if (ny === undefined) return null;
    if (ny > y) [y, mo, d, h, mi] = [ny, 1, 1, 0, 0];
    const nmo = firstAtLeast(c.months, mo);
    if (nmo === undefined) {
      [y, mo, d, h, mi] = [y + 1, 1, 1, 0, 0];
      continue;
    }
    if (nmo > mo) [mo, d, h, mi] = [nmo, 1, 0, 0];
    const nd = firstAtLeast(daysIn(c.day, y, mo), d);
    if (nd === undefined) {
      [y, mo, d, h, mi] = mo === 12 ? [y + 1, 1, 1, 0, 0] : [y, mo + 1, 1, 0, 0];
      continue;
    }
    if (nd > d) [d, h, mi] = [nd, 0, 0];
    const nh = firstAtLeast(c.hours, h);
    if (nh === undefined) {
      [y, mo, d, h, mi] = [...ymd(Date.UTC(y, mo - 1, d + 1)), 0, 0];
      continue;
    }
    if (nh > h) [h, mi] = [nh, 0];
    const nmi = firstAtLeast(c.minutes, mi);
    if (nmi === undefined) {
      // hours are ≤ 23 here, so h + 1 may roll to tomorrow; the day check above re-validates it.
      if (h === 23) [y, mo, d, h, mi] = [...ymd(Date.UTC(y, mo - 1, d + 1)), 0, 0];
      else [h, mi] = [h + 1, 0];
      continue;
    }
    return Date.UTC(y, mo - 1, d, h, nmi);
  }
}

function ymd(ms: number): [number, number, number] {
  const t = new Date(ms);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

function firstAtLeast(sorted: number[], x: number): number | undefined {
  for (const v of sorted) if (v >= x) return v;
  return undefined;
}

/** The days of month `mo` (1-12) of year `y` that the day rule selects, ascending. */
function daysIn(day: CronDayRule, y: number, mo: number): number[] {
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const weekday = (d: number) => new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 1; // 1=SUN … 7=SAT
  if (day.field === 'day-of-month') {
    const r = day.rule;
    if (r.kind === 'days') return r.days.filter((d) => d <= dim);
    if (r.kind === 'last') return [dim];
    if (r.kind === 'last-weekday') {
      const w = weekday(dim);
      return [w === 7 ? dim - 1 : w === 1 ? dim - 2 : dim];
    }
    // nW: nearest Monday-Friday to day n, never crossing into another month.
    if (r.day > dim) return [];
    const w = weekday(r.day);
    if (w === 7) return [r.day === 1 ? 3 : r.day - 1];
    if (w === 1) return [r.day === dim ? r.day - 2 : r.day + 1];
    return [r.day];
  }
  const r = day.rule;
  const first = weekday(1);
  if (r.kind === 'days') {
    const out: number[] = [];
    for (let d = 1; d <= dim; d++) if (r.weekdays.includes(((first - 1 + d - 1) % 7) + 1)) out.push(d);
    return out;
  }
  const firstOf = 1 + ((r.weekday - first + 7) % 7);
  if (r.kind === 'nth') {
    const d = firstOf + 7 * (r.n - 1);
    return d <= dim ? [d] : [];
  }
  return [firstOf + 7 * Math.floor((dim - firstOf) / 7)];
}
