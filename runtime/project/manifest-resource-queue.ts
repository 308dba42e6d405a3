/** An AWS::SQS::Queue of `resources.Resources`, with SQS's defaults and its RedrivePolicy (dead-letter queue). */
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { QueueDef } from './types';
import { readCfnBoolean, readCfnInteger, readRef } from './manifest-cfn-values';
import { checkKeys } from './manifest-keys';
import { REDRIVE_POLICY } from './manifest-resource-keys';
import { QUEUE_DEFAULTS, type DeclaredResource, type ResourceSet } from './manifest-resource-set';
import { describe } from './manifest-values';
import { queueNameFromArn } from './resource-arns';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** A queue, and where its dead-letter queue was named (checked once every queue is known). */
export interface ReadQueue {
  def: QueueDef;
  dlq?: { at: Node; literal: boolean };
}

export function readQueue(sink: DiagnosticSink, r: DeclaredResource, name: string, doc: Document, set: ResourceSet): ReadQueue {
  const def: QueueDef = { logicalId: r.logicalId, name, line: r.line, ...QUEUE_DEFAULTS };
  const out: ReadQueue = { def };
  let nameAt: Node = r.keyNode;
  for (const k of r.props) {
    const label = `${r.path}.${k.key}`;
    switch (k.key) {
      case 'QueueName':
        nameAt = k.at;
        break;
      // SQS's limits: visibility 0–12 hours, retention 1 minute–14 days, delay 0–15 minutes.
      case 'VisibilityTimeout':
        def.visibilityTimeout = readCfnInteger(sink, k, label, 0, 43_200) ?? def.visibilityTimeout;
        break;
      case 'MessageRetentionPeriod':
        def.messageRetentionPeriod = readCfnInteger(sink, k, label, 60, 1_209_600) ?? def.messageRetentionPeriod;
        break;
      case 'DelaySeconds':
        def.delaySeconds = readCfnInteger(sink, k, label, 0, 900) ?? def.delaySeconds;
        break;
      case 'FifoQueue':
        def.fifo = readCfnBoolean(sink, k, label) ?? def.fifo;
        break;
      case 'RedrivePolicy':
        readRedrive(sink, k, label, doc, set, out);
        break;
    }
  }
  // SQS: a FIFO queue's name ends in '.fifo', and only a FIFO queue's may.
  if (def.fifo !== name.endsWith('.fifo')) {
    sink.error(nameAt, def.fifo ? `A FIFO queue's name must end in '.fifo', not '${name}'` : `Only a FIFO queue's name may end in '.fifo' (add FifoQueue: true)`);
  }
  return out;
}

/** `RedrivePolicy: { deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 3 }`, or the same as a JSON text. */
function readRedrive(sink: DiagnosticSink, e: Entry, label: string, doc: Document, set: ResourceSet, out: ReadQueue): void {
  if (isScalar(e.value) && typeof e.value.value === 'string') {
    readRedriveJson(sink, e, label, out);
    return;
  }
  if (!isMap(e.value)) {
    sink.error(e.at, `${label} must be a mapping with deadLetterTargetArn and maxReceiveCount, not ${describe(e.value)}`);
    return;
  }
  const kept = checkKeys(sink, entries(e.value, doc), REDRIVE_POLICY, label);
  const arn = kept.find((k) => k.key === 'deadLetterTargetArn');
  const count = kept.find((k) => k.key === 'maxReceiveCount');
  if (!arn || !count) {
    sink.error(e.keyNode, `${label} needs deadLetterTargetArn and maxReceiveCount, like { deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn, maxReceiveCount: 3 }`);
    return;
  }
  const target = readRef(sink, arn, `${label}.deadLetterTargetArn`, set.scope());
  const maxReceiveCount = readCfnInteger(sink, count, `${label}.maxReceiveCount`, 1, 1000);
  if (!target || maxReceiveCount === undefined) return;
  if ('unsupported' in target) {
    sink.error(arn.at, `${label}.deadLetterTargetArn: ${target.unsupported}`);
    return;
  }
  setRedrive(sink, arn.at, target.value, target.literal, maxReceiveCount, out);
}

function readRedriveJson(sink: DiagnosticSink, e: Entry, label: string, out: ReadQueue): void {
  let policy: unknown;
  try {
    policy = JSON.parse(String((e.value as { value: string }).value));
  } catch {
    policy = null;
  }
  const p = policy as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown } | null;
  const count = typeof p?.maxReceiveCount === 'string' ? Number(p.maxReceiveCount) : p?.maxReceiveCount;
  if (typeof p?.deadLetterTargetArn !== 'string' || typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000) {
    sink.error(e.at, `${label} as text must be JSON like {"deadLetterTargetArn": "arn:aws:sqs:…", "maxReceiveCount": 3}`);
    return;
  }
  setRedrive(sink, e.at, p.deadLetterTargetArn, true, count, out);
}

function setRedrive(sink: DiagnosticSink, at: Node, arn: string, literal: boolean, maxReceiveCount: number, out: ReadQueue): void {
  const deadLetterQueue = queueNameFromArn(arn);
  if (!deadLetterQueue) {
    sink.error(at, `deadLetterTargetArn must be a queue's ARN, like !GetAtt DeadLetterQueue.Arn, not '${arn}'`);
    return;
  }
  out.def.redrive = { deadLetterQueue, maxReceiveCount };
  out.dlq = { at, literal };
}

/** Once every queue is read: each dead-letter queue exists (a queue known only by an ARN is created) and matches its source's kind. */
export function checkDeadLetterQueues(sink: DiagnosticSink, reads: ReadQueue[], set: ResourceSet): void {
  for (const { def, dlq } of reads) {
    if (!def.redrive || !dlq) continue;
    const name = def.redrive.deadLetterQueue;
    let target = set.queue(name);
    if (!target && dlq.literal) {
      sink.warn(dlq.at, `Queue '${name}' is not declared in resources.Resources; the playground creates it with SQS's defaults`);
      target = set.implyQueue(name, sink.lineOf(dlq.at));
    }
    if (!target) sink.error(dlq.at, `Queue '${name}' is not declared in resources.Resources; add an AWS::SQS::Queue`);
    // SQS: the dead-letter queue of a FIFO queue must be FIFO, and a standard queue's must be standard.
    else if (target.fifo !== def.fifo) {
      sink.error(dlq.at, `The dead-letter queue of a ${def.fifo ? 'FIFO' : 'standard'} queue must also be ${def.fifo ? 'a FIFO' : 'a standard'} queue ('${name}' is not)`);
    }
  }
}
