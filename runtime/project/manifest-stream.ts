/** A function's `- stream:` event of a DynamoDB table: an event source mapping reading the table's stream, with the framework's defaults. */
import { isMap } from 'yaml';
import type { StreamEventDef } from './types';
import type { EventScope } from './manifest-events';
import { readChoice, readRef } from './manifest-cfn-values';
import { checkKeys, STREAM_EVENT } from './manifest-keys';
import { readBoolean, readInteger } from './manifest-values';
import { parseArn, tableFromArn } from './resource-arns';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/**
 * `stream: <stream ARN>` or `stream: { type: dynamodb, arn, batchSize, startingPosition, maximumRetryAttempts,
 * functionResponseType, enabled }`. The framework's defaults: batchSize 10, startingPosition TRIM_HORIZON.
 */
export function readStreamEvent(sink: DiagnosticSink, e: Entry, scope: EventScope): StreamEventDef | null | undefined {
  const def: StreamEventDef = {
    kind: 'stream', type: 'dynamodb', table: '', batchSize: 10, startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: -1,
    reportBatchItemFailures: false, enabled: true, line: sink.lineOf(e.keyNode),
  };
  let arn: Entry | undefined = e;
  let type: 'dynamodb' | 'kinesis' | undefined;
  if (isMap(e.value)) {
    const kept = checkKeys(sink, entries(e.value, scope.doc), STREAM_EVENT, 'stream');
    arn = kept.find((k) => k.key === 'arn');
    for (const k of kept) {
      const label = `stream ${k.key}`;
      if (k.key === 'type') type = readChoice(sink, k, label, ['dynamodb', 'kinesis'] as const);
      else if (k.key === 'batchSize') def.batchSize = readInteger(sink, k, label, 1, 10_000) ?? def.batchSize;
      else if (k.key === 'startingPosition') {
        def.startingPosition = readChoice(sink, k, label, ['LATEST', 'TRIM_HORIZON'] as const) ?? def.startingPosition;
      } else if (k.key === 'maximumRetryAttempts') {
        def.maximumRetryAttempts = readInteger(sink, k, label, -1, 10_000, 'a whole number from -1 (until the record expires) to 10000') ?? -1;
      } else if (k.key === 'functionResponseType') {
        def.reportBatchItemFailures = readChoice(sink, k, label, ['ReportBatchItemFailures'] as const) !== undefined;
      } else if (k.key === 'enabled') def.enabled = readBoolean(sink, k, label) ?? true;
    }
    if (!arn) {
      sink.error(e.keyNode, "stream needs an 'arn', like { type: dynamodb, arn: !GetAtt OrdersTable.StreamArn }");
      return undefined;
    }
  }
  const read = readRef(sink, arn, 'stream arn', scope.resources.scope());
  if (!read) return undefined;
  if ('unsupported' in read) {
    sink.warn(arn.at, `stream arn: ${read.unsupported}; this event is kept for export and not simulated`);
    return null;
  }
  if ((type ?? parseArn(read.value)?.service) === 'kinesis') {
    sink.warn(e.keyNode, 'Kinesis streams are not simulated yet; this event is kept for export');
    return null;
  }
  const table = tableFromArn(read.value);
  if (!table?.stream) {
    const hint = table ? "; that is the table's ARN, use its stream's: !GetAtt OrdersTable.StreamArn" : '';
    sink.error(arn.at, `stream arn must be a DynamoDB stream ARN, like !GetAtt OrdersTable.StreamArn, not '${read.value}'${hint}`);
    return undefined;
  }
  const declared = scope.resources.table(table.table);
  if (!declared) {
    sink.error(arn.at, `Table '${table.table}' is not declared in resources.Resources; add an AWS::DynamoDB::Table`);
    return undefined;
  }
  if (!declared.streamViewType) {
    sink.error(arn.at, `Table '${table.table}' has no stream; add StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }`);
    return undefined;
  }
  def.table = table.table;
  return def;
}
