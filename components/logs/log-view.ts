/** Renders log lines into a container imperatively, a frame's batch at a time, keeping at most `limit` lines. */
import type { LogEntry } from '@/runtime/platform-types';

export const LOG_LINE_LIMIT = 2000;

function time(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** Whether an invocation has a trace to open (its REPORT line then offers one). */
export type HasTrace = (requestId: string) => boolean;

function lineElement(entry: LogEntry, hasTrace?: HasTrace): HTMLElement {
  const row = document.createElement('div');
  row.className = `log-line log-${entry.level} log-kind-${entry.kind}`;
  const t = document.createElement('span');
  t.className = 'log-time';
  t.textContent = time(entry.time);
  const fn = document.createElement('span');
  fn.className = 'log-fn';
  fn.textContent = entry.functionName ?? 'platform';
  const text = document.createElement('span');
  text.className = 'log-text';
  text.textContent = entry.text;
  row.append(t, fn, text);
  if (entry.kind === 'report' && entry.requestId && hasTrace?.(entry.requestId)) {
    // A pointer shortcut to the request's trace (the keyboard's way there is the Traces tab's list).
    const link = document.createElement('button');
    link.type = 'button';
    link.className = 'log-trace-link';
    link.tabIndex = -1;
    link.dataset.requestId = entry.requestId;
    link.textContent = 'trace';
    link.title = 'Open this request’s trace';
    text.append(link);
  }
  return row;
}

/** Appends `entries` (oldest first), trims the oldest lines past the limit, and keeps the view pinned to the newest. */
export function appendLogLines(container: HTMLElement, entries: LogEntry[], limit = LOG_LINE_LIMIT, hasTrace?: HasTrace): void {
  if (entries.length === 0) return;
  const pinned = container.scrollHeight - container.scrollTop - container.clientHeight < 24;
  const fragment = document.createDocumentFragment();
  for (const entry of entries.length > limit ? entries.slice(-limit) : entries) fragment.append(lineElement(entry, hasTrace));
  container.append(fragment);
  let excess = container.childElementCount - limit;
  while (excess-- > 0) container.firstElementChild?.remove();
  if (pinned) container.scrollTop = container.scrollHeight;
}
