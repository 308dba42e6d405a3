/** A function's `- s3:` event: a bucket notification, with the bucket the framework creates for it unless one is declared. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { S3EventDef } from './types';
import type { EventScope } from './manifest-events';
import { readRef } from './manifest-cfn-values';
import { checkKeys, S3_EVENT } from './manifest-keys';
import { bucketProblem } from './manifest-resource-names';
import { describe, readBoolean, readString } from './manifest-values';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** S3's notification event types (the ones a bucket notification may name). */
const EVENT_TYPES = [
  's3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectCreated:Post', 's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload', 's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated', 's3:ObjectRestore:*', 's3:ObjectRestore:Post', 's3:ObjectRestore:Completed',
  's3:ObjectRestore:Delete', 's3:ReducedRedundancyLostObject', 's3:Replication:*', 's3:Replication:OperationFailedReplication',
  's3:Replication:OperationMissedThreshold', 's3:Replication:OperationReplicatedAfterThreshold',
  's3:Replication:OperationNotTracked', 's3:LifecycleExpiration:*', 's3:LifecycleExpiration:Delete',
  's3:LifecycleExpiration:DeleteMarkerCreated', 's3:LifecycleTransition', 's3:IntelligentTiering', 's3:ObjectTagging:*',
  's3:ObjectTagging:Put', 's3:ObjectTagging:Delete', 's3:ObjectAcl:Put', 's3:TestEvent',
];

/** The framework's default event type. */
const DEFAULT_EVENT = 's3:ObjectCreated:*';

/** `s3: uploads` or `s3: { bucket, event, rules: [{ prefix }, { suffix }], existing }`. Undefined on errors, null when skipped. */
export function readS3Event(sink: DiagnosticSink, e: Entry, scope: EventScope): S3EventDef | null | undefined {
  const line = sink.lineOf(e.keyNode);
  if (!isMap(e.value)) return finish(sink, e, e, { event: DEFAULT_EVENT, existing: false }, scope, line);
  const kept = checkKeys(sink, entries(e.value, scope.doc), S3_EVENT, 's3');
  const bucket = kept.find((k) => k.key === 'bucket');
  if (!bucket) {
    sink.error(e.keyNode, "s3 needs a 'bucket', like { bucket: uploads, event: 's3:ObjectCreated:*' }");
    return undefined;
  }
  const settings: Settings = { event: DEFAULT_EVENT, existing: false };
  let ok = true;
  for (const k of kept) {
    if (k.key === 'event') {
      const event = readEventType(sink, k);
      if (event) settings.event = event;
      else ok = false;
    } else if (k.key === 'rules') ok = readRules(sink, k, scope, settings) && ok;
    else if (k.key === 'existing') settings.existing = readBoolean(sink, k, 's3 existing') ?? settings.existing;
    else if (k.key === 'forceDeploy') readBoolean(sink, k, 's3 forceDeploy');
  }
  return ok ? finish(sink, e, bucket, settings, scope, line) : undefined;
}

type Settings = Pick<S3EventDef, 'event' | 'existing' | 'prefix' | 'suffix'>;

function finish(sink: DiagnosticSink, e: Entry, bucket: Entry, settings: Settings, scope: EventScope, line: number): S3EventDef | null | undefined {
  if (bucket === e && !isScalar(e.value)) {
    sink.error(bucket.at, `s3 must be a bucket name or { bucket, event, rules }, not ${describe(bucket.value)}`);
    return undefined;
  }
  const read = readRef(sink, bucket, 's3 bucket', scope.resources.scope());
  if (!read) return undefined;
  if ('unsupported' in read) {
    sink.warn(bucket.at, `s3 bucket: ${read.unsupported}; this event is kept for export and not simulated`);
    return null;
  }
  const name = read.value;
  const declared = scope.resources.bucket(name);
  const problem = declared ? null : bucketProblem(name);
  if (problem) {
    sink.error(bucket.at, problem);
    return undefined;
  }
  if (!declared) scope.resources.implyBucket(name, sink.lineOf(bucket.at));
  return { kind: 's3', bucket: name, ...settings, line };
}

function readEventType(sink: DiagnosticSink, e: Entry): string | undefined {
  const event = readString(sink, e, 's3 event');
  if (event === undefined) return undefined;
  if (!EVENT_TYPES.includes(event)) {
    sink.error(e.at, `'${event}' is not an S3 event type; use one like s3:ObjectCreated:*, s3:ObjectCreated:Put or s3:ObjectRemoved:*`);
    return undefined;
  }
  if (!/^s3:Object(Created|Removed):/.test(event)) {
    sink.warn(e.at, `The playground sends only s3:ObjectCreated:* and s3:ObjectRemoved:* events; '${event}' never fires here`);
  }
  return event;
}

/** S3 allows one prefix and one suffix filter per notification. */
function readRules(sink: DiagnosticSink, e: Entry, scope: EventScope, settings: Settings): boolean {
  if (!isSeq(e.value)) {
    sink.error(e.at, `s3 rules must be a list like [{ prefix: uploads/ }, { suffix: .jpg }], not ${describe(e.value)}`);
    return false;
  }
  for (const item of e.value.items as Array<Node | null>) {
    const rule = isMap(item) ? entries(item, scope.doc) : [];
    const [only] = rule;
    if (rule.length !== 1 || (only.key !== 'prefix' && only.key !== 'suffix')) {
      sink.error(item ?? e.at, `Each s3 rule is { prefix: … } or { suffix: … }, not ${describe(item)}`);
      return false;
    }
    const value = isScalar(only.value) && typeof only.value.value !== 'object' ? String(only.value.value) : readString(sink, only, `s3 ${only.key}`);
    if (value === undefined) return false;
    if (settings[only.key] !== undefined) {
      sink.error(only.keyNode, `S3 allows one ${only.key} per notification; this is the second`);
      return false;
    }
    settings[only.key] = value;
  }
  return true;
}
