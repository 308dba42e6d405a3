/** A function's `- sqs:` event: an event source mapping polling a queue, with Lambda's defaults and limits. */
import { isMap } from 'yaml';
import type { SqsEventDef } from './types';
import type { EventScope } from './manifest-events';
import { readChoice, readRef } from './manifest-cfn-values';
import { checkKeys, SQS_EVENT } from './manifest-keys';
import { readBoolean, readInteger } from './manifest-values';
import { queueNameFromArn } from './resource-arns';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** `sqs: <queue ARN>` or `sqs: { arn, batchSize, maximumBatchingWindow, functionResponseType, maximumConcurrency, enabled }`. */
export function readSqsEvent(sink: DiagnosticSink, e: Entry, scope: EventScope): SqsEventDef | null | undefined {
  const def: SqsEventDef = {
    kind: 'sqs', queue: '', batchSize: 10, maximumBatchingWindow: 0, reportBatchItemFailures: false, enabled: true,
    line: sink.lineOf(e.keyNode),
  };
  let arn: Entry | undefined = e;
  let batchAt = e.at;
  if (isMap(e.value)) {
    const kept = checkKeys(sink, entries(e.value, scope.doc), SQS_EVENT, 'sqs');
    arn = kept.find((k) => k.key === 'arn');
    for (const k of kept) {
      const label = `sqs ${k.key}`;
      if (k.key === 'batchSize') {
        def.batchSize = readInteger(sink, k, label, 1, 10_000) ?? def.batchSize;
        batchAt = k.at;
      } else if (k.key === 'maximumBatchingWindow') {
        def.maximumBatchingWindow = readInteger(sink, k, label, 0, 300, 'a whole number of seconds from 0 to 300') ?? 0;
      } else if (k.key === 'functionResponseType') {
        def.reportBatchItemFailures = readChoice(sink, k, label, ['ReportBatchItemFailures'] as const) !== undefined;
      } else if (k.key === 'maximumConcurrency') def.maximumConcurrency = readInteger(sink, k, label, 2, 1000);
      else if (k.key === 'enabled') def.enabled = readBoolean(sink, k, label) ?? true;
    }
    if (!arn) {
      sink.error(e.keyNode, "sqs needs an 'arn', like { arn: !GetAtt OrdersQueue.Arn }");
      return undefined;
    }
  }
  const queue = readQueueArn(sink, arn, scope);
  if (!queue) return queue;
  def.queue = queue.name;
  // Lambda: a standard queue batches more than 10 messages only with a batching window; a FIFO queue, never.
  if (def.batchSize > 10 && queue.fifo) sink.error(batchAt, `A FIFO queue's batchSize is at most 10, not ${def.batchSize}`);
  else if (def.batchSize > 10 && def.maximumBatchingWindow === 0) {
    sink.error(batchAt, `A batchSize above 10 needs a maximumBatchingWindow of at least 1 second`);
  }
  return def;
}

/** The queue an ARN names: declared, or (for an ARN written out) created by the playground with a warning. */
function readQueueArn(sink: DiagnosticSink, e: Entry, scope: EventScope): { name: string; fifo: boolean } | null | undefined {
  const read = readRef(sink, e, 'sqs arn', scope.resources.scope());
  if (!read) return undefined;
  if ('unsupported' in read) {
    sink.warn(e.at, `sqs arn: ${read.unsupported}; this event is kept for export and not simulated`);
    return null;
  }
  const name = queueNameFromArn(read.value);
  if (!name) {
    const hint = read.value.startsWith('https://') ? "; !Ref gives a queue's URL, !GetAtt OrdersQueue.Arn its ARN" : '';
    sink.error(e.at, `sqs arn must be a queue's ARN, like !GetAtt OrdersQueue.Arn, not '${read.value}'${hint}`);
    return undefined;
  }
  const declared = scope.resources.queue(name);
  if (declared) return { name, fifo: declared.fifo };
  if (!read.literal) {
    sink.error(e.at, `Queue '${name}' is not declared in resources.Resources; add an AWS::SQS::Queue`);
    return undefined;
  }
  sink.warn(e.at, `Queue '${name}' is not declared in resources.Resources; the playground creates it with SQS's defaults`);
  return { name, fifo: scope.resources.implyQueue(name, sink.lineOf(e.at)).fifo };
}
