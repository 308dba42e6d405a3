/** A function's `- eventBridge:` event: a rule (an event pattern or a schedule) on an event bus, which the framework creates when named. */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { EventBridgeEventDef } from './types';
import type { EventScope } from './manifest-events';
import { readRef } from './manifest-cfn-values';
import { checkKeys, EVENT_BRIDGE_EVENT } from './manifest-keys';
import { describe, readBoolean, readString } from './manifest-values';
import { busNameFromArn } from './resource-arns';
import { parseScheduleExpression } from '../sources/schedule-expression';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** `eventBridge: { eventBus, pattern | schedule, input | inputPath, enabled }`. Undefined on errors, null when skipped. */
export function readEventBridgeEvent(sink: DiagnosticSink, e: Entry, scope: EventScope): EventBridgeEventDef | null | undefined {
  if (!isMap(e.value)) {
    sink.error(e.at, `eventBridge must be a mapping like { pattern: { source: [shop.orders] } }, not ${describe(e.value)}`);
    return undefined;
  }
  const def: EventBridgeEventDef = { kind: 'eventBridge', bus: 'default', enabled: true, line: sink.lineOf(e.keyNode) };
  const kept = checkKeys(sink, entries(e.value, scope.doc), EVENT_BRIDGE_EVENT, 'eventBridge');
  const errorsBefore = sink.errorCount;
  for (const k of kept) {
    const label = `eventBridge ${k.key}`;
    switch (k.key) {
      case 'eventBus': {
        const bus = readBus(sink, k, scope);
        if (bus === null) return null;
        if (bus !== undefined) def.bus = bus;
        break;
      }
      case 'pattern':
        if (checkPattern(sink, k, scope.doc)) def.pattern = k.value!.toJSON() as Record<string, unknown>;
        break;
      case 'schedule':
        def.schedule = readSchedule(sink, k);
        break;
      case 'input':
        def.input = k.value ? (k.value.toJSON() as unknown) : null;
        break;
      case 'inputPath':
        def.inputPath = readString(sink, k, label);
        if (def.inputPath !== undefined && !def.inputPath.startsWith('$')) sink.error(k.at, `${label} must be a JSON path like '$.detail'`);
        break;
      case 'enabled':
        def.enabled = readBoolean(sink, k, label) ?? true;
        break;
      case 'name':
      case 'description':
        readString(sink, k, label);
        break;
    }
  }
  if (!kept.some((k) => k.key === 'pattern' || k.key === 'schedule')) {
    sink.error(e.keyNode, "eventBridge needs a 'pattern' or a 'schedule', like { pattern: { source: [shop.orders] } }");
  }
  // EventBridge: a target takes only one of Input, InputPath and InputTransformer.
  const inputs = entries(e.value, scope.doc).filter((k) => ['input', 'inputPath', 'inputTransformer'].includes(k.key));
  if (inputs.length > 1) sink.error(inputs[1].keyNode, `eventBridge takes only one of input, inputPath and inputTransformer`);
  return sink.errorCount > errorsBefore ? undefined : def;
}

/** The bus's name: a name (created by the framework unless declared), an ARN, `!Ref Bus` or `!GetAtt Bus.Arn`. */
function readBus(sink: DiagnosticSink, e: Entry, scope: EventScope): string | null | undefined {
  const read = readRef(sink, e, 'eventBridge eventBus', scope.resources.scope());
  if (!read) return undefined;
  if ('unsupported' in read) {
    sink.warn(e.at, `eventBridge eventBus: ${read.unsupported}; this event is kept for export and not simulated`);
    return null;
  }
  const isArn = read.value.startsWith('arn:');
  const name = isArn ? busNameFromArn(read.value) : read.value;
  if (!name) {
    sink.error(e.at, `eventBridge eventBus must be a bus name or ARN, like !GetAtt OrdersBus.Arn, not '${read.value}'`);
    return undefined;
  }
  if (scope.resources.bus(name)) return name;
  if (!read.literal) {
    sink.error(e.at, `Event bus '${name}' is not declared in resources.Resources; add an AWS::Events::EventBus`);
    return undefined;
  }
  if (isArn) sink.warn(e.at, `Event bus '${name}' is not declared in resources.Resources; the playground creates it`);
  scope.resources.implyBus(name, sink.lineOf(e.at));
  return name;
}

function readSchedule(sink: DiagnosticSink, e: Entry): string | undefined {
  const text = readString(sink, e, 'eventBridge schedule')?.trim();
  if (text === undefined) return undefined;
  const parsed = parseScheduleExpression(text);
  if (!parsed.ok) {
    sink.error(e.at, parsed.error);
    return undefined;
  }
  return text;
}

/** EventBridge rejects a pattern whose leaves are not lists (InvalidEventPatternException). */
function checkPattern(sink: DiagnosticSink, e: Entry, doc: Document): boolean {
  if (!isMap(e.value) || e.value.items.length === 0) {
    sink.error(e.at, `eventBridge pattern must be a mapping like { source: [shop.orders] }, not ${describe(e.value)}`);
    return false;
  }
  return checkLevel(sink, e.value, doc);
}

function checkLevel(sink: DiagnosticSink, map: Node, doc: Document): boolean {
  if (!isMap(map)) return true;
  for (const k of entries(map, doc)) {
    if (isSeq(k.value)) continue;
    if (isMap(k.value)) {
      if (!checkLevel(sink, k.value, doc)) return false;
      continue;
    }
    const example = isScalar(k.value) && k.value.value !== null ? `[${String(k.value.value)}]` : '[value]';
    sink.error(k.at, `Event pattern values are lists: write ${k.key}: ${example}, not ${describe(k.value)}`);
    return false;
  }
  return true;
}
