/** A function's `- sns:` event: a subscription to a topic, which the framework creates when the event names it. */
import { isMap, isScalar } from 'yaml';
import type { SnsEventDef } from './types';
import type { EventScope } from './manifest-events';
import { readChoice, readRef } from './manifest-cfn-values';
import { checkKeys, SNS_EVENT } from './manifest-keys';
import { describe, readString } from './manifest-values';
import { topicNameFromArn } from './resource-arns';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** SNS topic names: up to 256 letters, digits, hyphens and underscores. */
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

/** `sns: alerts`, `sns: <topic ARN>`, or `sns: { arn | topicName, filterPolicy, filterPolicyScope, displayName }`. */
export function readSnsEvent(sink: DiagnosticSink, e: Entry, scope: EventScope): SnsEventDef | null | undefined {
  const line = sink.lineOf(e.keyNode);
  if (!isMap(e.value)) {
    const text = isScalar(e.value) && typeof e.value.value === 'string' ? e.value.value : null;
    const topic = text !== null && !text.startsWith('arn:') ? byName(sink, e, scope) : byArn(sink, e, scope);
    return typeof topic === 'string' ? { kind: 'sns', topic, line } : topic;
  }
  const kept = checkKeys(sink, entries(e.value, scope.doc), SNS_EVENT, 'sns');
  const find = (key: string) => kept.find((k) => k.key === key);
  const arn = find('arn');
  const topicName = find('topicName');
  if (!arn && !topicName) {
    sink.error(e.keyNode, "sns needs a 'topicName' or an 'arn', like { topicName: alerts } or { arn: !Ref AlertsTopic }");
    return undefined;
  }
  const topic = arn ? byArn(sink, arn, scope) : byName(sink, topicName!, scope);
  if (typeof topic !== 'string') return topic;
  const def: SnsEventDef = { kind: 'sns', topic, line };
  const policy = find('filterPolicy');
  if (policy && !isMap(policy.value)) {
    sink.error(policy.at, `sns filterPolicy must be a mapping like { type: [order] }, not ${describe(policy.value)}`);
    return undefined;
  }
  if (policy) def.filterPolicy = policy.value!.toJSON() as Record<string, unknown>;
  const policyScope = find('filterPolicyScope');
  const scopeName = policyScope ? readChoice(sink, policyScope, 'sns filterPolicyScope', ['MessageAttributes', 'MessageBody'] as const) : undefined;
  if (scopeName === 'MessageBody') {
    sink.warn(policyScope!.at, "'filterPolicyScope: MessageBody' is not simulated yet; the filter policy is matched against message attributes");
  }
  const displayName = find('displayName');
  if (displayName) readString(sink, displayName, 'sns displayName');
  return def;
}

/** A topic named in the event: declared, or created as the framework does. */
function byName(sink: DiagnosticSink, e: Entry, scope: EventScope): string | undefined {
  const name = readString(sink, e, e.key === 'topicName' ? 'sns topicName' : 'sns');
  if (name === undefined) return undefined;
  if (!TOPIC_NAME.test(name)) {
    sink.error(e.at, `Topic name '${name}' is not valid: use up to 256 letters, digits, hyphens and underscores`);
    return undefined;
  }
  scope.resources.implyTopic(name, sink.lineOf(e.at));
  return name;
}

/** A topic given by ARN: declared, or (for an ARN written out) created by the playground with a warning. */
function byArn(sink: DiagnosticSink, e: Entry, scope: EventScope): string | null | undefined {
  const read = readRef(sink, e, 'sns arn', scope.resources.scope());
  if (!read) return undefined;
  if ('unsupported' in read) {
    sink.warn(e.at, `sns arn: ${read.unsupported}; this event is kept for export and not simulated`);
    return null;
  }
  const name = topicNameFromArn(read.value);
  if (!name) {
    sink.error(e.at, `sns arn must be a topic's ARN, like !Ref AlertsTopic, not '${read.value}'`);
    return undefined;
  }
  if (scope.resources.topic(name)) return name;
  if (!read.literal) {
    sink.error(e.at, `Topic '${name}' is not declared in resources.Resources; add an AWS::SNS::Topic`);
    return undefined;
  }
  sink.warn(e.at, `Topic '${name}' is not declared in resources.Resources; the playground creates it`);
  scope.resources.implyTopic(name, sink.lineOf(e.at));
  return name;
}
