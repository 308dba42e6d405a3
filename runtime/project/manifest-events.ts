/** A function's `events:` list: httpApi routes and schedules are read, the framework's other event kinds are kept with a warning. */
import { isMap, isSeq, type Document, type Node } from 'yaml';
import type { FunctionEventDef } from './types';
import { readHttpApiEvent } from './manifest-http-api';
import { readScheduleEvent } from './manifest-schedule';
import { EVENT_KINDS, unknownKeyMessage } from './manifest-keys';
import { describe } from './manifest-values';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** An event with the node its value was written at (for duplicate-route errors). */
export interface ReadEvent {
  event: FunctionEventDef;
  at: Node;
}

/** Reads `events:`; returns undefined when it has errors. */
export function readEvents(sink: DiagnosticSink, e: Entry, label: string, doc: Document): ReadEvent[] | undefined {
  if (e.value === null) return [];
  if (!isSeq(e.value)) {
    sink.error(e.at, `${label} must be a list, like '- httpApi: GET /hello', not ${describe(e.value)}`);
    return undefined;
  }
  const out: ReadEvent[] = [];
  let ok = true;
  for (const item of e.value.items as Array<Node | null>) {
    if (!isMap(item) || item.items.length === 0) {
      sink.error(item ?? e.keyNode, `Each event is a mapping like '- httpApi: GET /hello', not ${describe(item)}`);
      ok = false;
      continue;
    }
    const list = entries(item, doc);
    if (list.length > 1) {
      // Usually a settings block that lost its indentation under the event kind.
      sink.error(list[1].keyNode, `An event has exactly one kind (here '${list[0].key}'); indent '${list[1].key}' under it`);
      ok = false;
      continue;
    }
    const kind = list[0];
    if (kind.key === 'httpApi') {
      const event = readHttpApiEvent(sink, kind, doc);
      if (event) out.push({ event, at: kind.at });
      else ok = false;
    } else if (kind.key === 'schedule') {
      const events = readScheduleEvent(sink, kind, doc);
      if (events) for (const event of events) out.push({ event, at: kind.at });
      else ok = false;
    } else if (EVENT_KINDS.notSimulated.includes(kind.key)) {
      sink.warn(kind.keyNode, `'${kind.key}' events are not simulated yet; they are kept for export`);
    } else {
      sink.warn(kind.keyNode, unknownKeyMessage(kind.key, '', EVENT_KINDS).replace('Unknown key', 'Unknown event kind'));
    }
  }
  return ok ? out : undefined;
}
