/** How the Resources panel writes sizes, times, counts and items. */
import { utcStamp } from '@/components/events/time-format';

/** `512 B`, `1.5 KB`, `2.0 MB` (1024-based, as the S3 console shows). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A time on the platform's clock, relative to its `now` (UTC). */
export function formatTime(ms: number, now: number | null): string {
  return utcStamp(ms, now ?? ms);
}

/** `Showing the first 200 of 1,234.` when the runtime capped a list (at the runtime's view limit), else null. */
export function cappedNote(shown: number, total: number): string | null {
  if (total <= shown) return null;
  return `Showing the first ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}.`;
}

/** A tooltip for text the view clamps: the text itself, cut at `max` characters with an ellipsis. */
export function clipTitle(text: string, max = 1000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `pk = "a", sk = 1`: an item's key, for names and headings. */
export function itemKeyLabel(item: Record<string, unknown>, hashKey: string, rangeKey?: string): string {
  const part = (k: string) => `${k} = ${JSON.stringify(item[k])}`;
  return rangeKey ? `${part(hashKey)}, ${part(rangeKey)}` : part(hashKey);
}

/** The item without its key attributes, as compact JSON (the table's last column). */
export function otherAttributes(item: Record<string, unknown>, hashKey: string, rangeKey?: string): string {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (k !== hashKey && k !== rangeKey) rest[k] = v;
  return Object.keys(rest).length ? JSON.stringify(rest) : '—';
}

/** `1 object`, `3 objects`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
