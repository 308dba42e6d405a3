/** A function's `events:` list: httpApi routes, schedules, s3, sqs, sns, eventBridge and DynamoDB streams are read; other kinds are kept with a warning. */
import { isMap, isSeq, type Document, type Node } from 'yaml';
import type { FunctionEventDef } from './types';
import { readEventBridgeEvent } from './manifest-event-bridge';
import { readHttpApiEvent } from './manifest-http-api';
import type { ResourceSet } from './manifest-resource-set';
import { readS3Event } from './manifest-s3';
import { readScheduleEvent } from './manifest-schedule';
import { readSnsEvent } from './manifest-sns';
import { readSqsEvent } from './manifest-sqs';
import { readStreamEvent } from './manifest-stream';
import { EVENT_KINDS, unknownKeyMessage } from './manifest-keys';
import { describe } from './manifest-values';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** An event with the node its value was written at (for duplicate-route errors). */
export interface ReadEvent {
  event: FunctionEventDef;
  at: Node;
}

/** What event readers resolve names against: the stack's resources (events add the ones they imply). */
export interface EventScope {
  doc: Document;
  resources: ResourceSet;
}

/** Readers of the event kinds that name a resource: undefined on errors, null when skipped with a warning. */
const RESOURCE_EVENTS: Record<string, (sink: DiagnosticSink, e: Entry, scope: EventScope) => FunctionEventDef | null | undefined> = {
  s3: readS3Event,
  sqs: readSqsEvent,
  sns: readSnsEvent,
  eventBridge: readEventBridgeEvent,
  stream: readStreamEvent,
};

/** Reads `events:`; returns undefined when it has errors. */
export function readEvents(sink: DiagnosticSink, e: Entry, label: string, scope: EventScope): ReadEvent[] | undefined {
  const { doc } = scope;
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
    } else if (RESOURCE_EVENTS[kind.key]) {
      const errorsBefore = sink.errorCount;
      const event = RESOURCE_EVENTS[kind.key](sink, kind, scope);
      if (event) out.push({ event, at: kind.at });
      if (event === undefined || sink.errorCount > errorsBefore) ok = false;
    } else if (EVENT_KINDS.notSimulated.includes(kind.key)) {
      sink.warn(kind.keyNode, `'${kind.key}' events are not simulated yet; they are kept for export`);
    } else {
      sink.warn(kind.keyNode, unknownKeyMessage(kind.key, '', EVENT_KINDS).replace('Unknown key', 'Unknown event kind'));
    }
  }
  return ok ? out : undefined;
}
