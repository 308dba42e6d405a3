/** What a source's Payload means and how it is checked: JSON for schedules, buses and tables; plain text for the rest. */
import type { SourceInfo, SourceKind } from '@/runtime/sources/types';

/** Kinds whose payload is free text (a queue's or topic's message, a bucket object's body), not validated as JSON. */
const TEXT_KINDS: ReadonlySet<SourceKind> = new Set(['queue', 'topic', 'bucket']);

export function payloadIsJson(kind: SourceKind): boolean {
  return !TEXT_KINDS.has(kind);
}

/** Why a payload cannot be sent, or null when it can (empty means the source's default event). */
export function payloadError(text: string, kind: SourceKind = 'schedule'): string | null {
  if (text.trim() === '' || !payloadIsJson(kind)) return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `The payload is not valid JSON: ${(error as Error).message}`;
  }
}

/** One line under the Payload box saying what Fire does with it. */
export function payloadHint(kind: SourceKind): string {
  switch (kind) {
    case 'schedule': return 'JSON: the scheduled event the function receives. Empty sends the default event.';
    case 'bucket': return 'Text: the object body Fire uploads at Key. Or choose or drop a file to upload it.';
    case 'queue': return 'Message text (SendMessage). It need not be JSON.';
    case 'topic': return 'Message text (Publish). It need not be JSON.';
    case 'bus': return 'JSON: a PutEvents entry (Source, DetailType, Detail) or a whole event.';
    case 'table': return 'JSON: the item to put, as plain JSON with its key attributes.';
  }
}

/** Field-by-field equality of two source lists (arrays by element), so an unchanged list keeps its identity. */
export function sameSources(a: SourceInfo[], b: SourceInfo[]): boolean {
  return a.length === b.length && a.every((s, i) => sameValue(s, b[i]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === Object.keys(b).length && ka.every((k) => k in rb && sameValue(ra[k], rb[k]));
}
