/** A function's `- schedule:` event, read as the Serverless Framework turns it into EventBridge schedule rules. */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { ScheduleEventDef } from './types';
import { checkKeys, SCHEDULE_EVENT } from './manifest-keys';
import { describe, readBoolean } from './manifest-values';
import { parseScheduleExpression } from '../sources/schedule-expression';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/**
 * `schedule: rate(5 minutes)`, `schedule: cron(0 12 * * ? *)`, or `schedule: { rate: <one or a list>, enabled, input }`.
 * Each expression becomes its own rule. Returns undefined when it has errors.
 */
export function readScheduleEvent(sink: DiagnosticSink, e: Entry, doc: Document): ScheduleEventDef[] | undefined {
  if (isScalar(e.value)) return expression(sink, e.value, true, undefined);
  if (!isMap(e.value)) {
    sink.error(e.at, `schedule must be an expression like 'rate(5 minutes)' or { rate, enabled, input }, not ${describe(e.value)}`);
    return undefined;
  }
  const kept = checkKeys(sink, entries(e.value, doc), SCHEDULE_EVENT, 'schedule');
  const rate = kept.find((k) => k.key === 'rate');
  if (!rate) {
    sink.error(e.keyNode, "schedule needs 'rate:', an expression like 'rate(5 minutes)' or 'cron(0 12 * * ? *)'");
    return undefined;
  }
  const enabledEntry = kept.find((k) => k.key === 'enabled');
  const enabled = enabledEntry ? readBoolean(sink, enabledEntry, 'schedule enabled') : true;
  const inputEntry = kept.find((k) => k.key === 'input');
  const input = inputEntry?.value ? (inputEntry.value.toJSON() as unknown) : undefined;
  if (enabled === undefined) return undefined;
  if (isSeq(rate.value)) {
    const out: ScheduleEventDef[] = [];
    for (const item of rate.value.items as Array<Node | null>) {
      const one = isScalar(item) ? expression(sink, item, enabled, input) : notText(sink, item ?? rate.keyNode, item);
      if (!one) return undefined;
      out.push(...one);
    }
    return out;
  }
  return isScalar(rate.value) ? expression(sink, rate.value, enabled, input) : notText(sink, rate.at, rate.value);
}

function expression(sink: DiagnosticSink, node: Node, enabled: boolean, input: unknown): ScheduleEventDef[] | undefined {
  const text = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : null;
  if (text === null) return notText(sink, node, node);
  const parsed = parseScheduleExpression(text);
  if (!parsed.ok) {
    sink.error(node, parsed.error);
    return undefined;
  }
  const def: ScheduleEventDef = { kind: 'schedule', expression: text, enabled, line: sink.lineOf(node) };
  if (input !== undefined) def.input = input;
  return [def];
}

function notText(sink: DiagnosticSink, where: Node, value: Node | null): undefined {
  sink.error(where, `A schedule expression is text like 'rate(5 minutes)' or 'cron(0 12 * * ? *)', not ${describe(value)}`);
  return undefined;
}
