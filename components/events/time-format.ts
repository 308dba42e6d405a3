/** How the Events panel and the clock control write virtual times: relative ("in 4 min") and in UTC. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** `12:05:00` (UTC). */
export function utcTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `Jan 2` (UTC). */
export function utcDay(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** `12:05:00 UTC` on the same UTC day as `now`, else `Jan 2, 12:05:00 UTC` (and the year when it differs). */
export function utcStamp(ms: number, now: number): string {
  const d = new Date(ms);
  const n = new Date(now);
  if (d.getUTCFullYear() !== n.getUTCFullYear()) return `${utcDay(ms)} ${d.getUTCFullYear()}, ${utcTime(ms)} UTC`;
  if (d.getUTCMonth() !== n.getUTCMonth() || d.getUTCDate() !== n.getUTCDate()) return `${utcDay(ms)}, ${utcTime(ms)} UTC`;
  return `${utcTime(ms)} UTC`;
}

/** How far ahead `at` is from `now`: `in 45 s`, `in 4 min`, `in 2 h 5 min`, `in 3 days`; `due now` once reached. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.ceil((at - now) / 1000);
  if (seconds <= 0) return 'due now';
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `in ${hours} h ${minutes % 60} min` : `in ${hours} h`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

/** A fast-forward span: `1 h`, `1 day`, `3 days`, `30 min`. */
export function spanLabel(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  return `${Math.round(minutes / 6) / 10} h`;
}

/** `12 events`, `1 event`, `no events`. */
export function eventCount(n: number): string {
  return n === 0 ? 'no events' : n === 1 ? '1 event' : `${n} events`;
}
