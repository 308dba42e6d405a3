/** `resources:` — the CloudFormation resources the playground simulates (buckets, queues, topics, tables, buses); other types are kept for export. */
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { ResourceRefs } from './intrinsics';
import { readRef } from './manifest-cfn-values';
import { checkKeys, type KeySpec } from './manifest-keys';
import { checkDeadLetterQueues, readQueue, type ReadQueue } from './manifest-resource-queue';
import {
  BUCKET_PROPERTIES, BUS_PROPERTIES, QUEUE_PROPERTIES, RESOURCE, RESOURCES_BLOCK, TABLE_PROPERTIES, TOPIC_PROPERTIES,
} from './manifest-resource-keys';
import { RESOURCE_KINDS, type DeclaredResource, type ResourceKind, type ResourceSet } from './manifest-resource-set';
import { readTable } from './manifest-resource-table';
import { describe } from './manifest-values';
import { bucketProblem, generatedName } from './manifest-resource-names';
import { bucketArn, eventBusArn, queueArn, queueUrl, tableArn, tableStreamArn, topicArn } from './resource-arns';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

const PROPERTIES: Record<ResourceKind, KeySpec> = {
  bucket: BUCKET_PROPERTIES, queue: QUEUE_PROPERTIES, topic: TOPIC_PROPERTIES, table: TABLE_PROPERTIES, bus: BUS_PROPERTIES,
};
const NAME_PROPERTY: Record<ResourceKind, string> = {
  bucket: 'BucketName', queue: 'QueueName', topic: 'TopicName', table: 'TableName', bus: 'Name',
};
const LOGICAL_ID = /^[A-Za-z0-9]+$/;

export interface ResourcesContext {
  doc: Document;
  service: string;
  stage: string;
  set: ResourceSet;
}

/** Reads `resources:` (a mapping, or the framework's list of mappings) into the set; errors and warnings go to the sink. */
export function readResources(sink: DiagnosticSink, e: Entry | undefined, ctx: ResourcesContext): void {
  if (!e || e.value === null) return;
  const blocks = isSeq(e.value) ? (e.value.items as Array<Node | null>) : [e.value];
  const declared: DeclaredResource[] = [];
  for (const block of blocks) {
    if (isMap(block)) {
      const found = checkKeys(sink, entries(block, ctx.doc), RESOURCES_BLOCK, 'resources').find((k) => k.key === 'Resources');
      if (found) declared.push(...collect(sink, found, ctx, declared));
    } else if (isScalar(block) && typeof block.value === 'string' && isSeq(e.value)) {
      sink.warn(block, `resources item '${block.value}' is not read (file variables are not resolved); it is kept for export`);
    } else {
      sink.error(block ?? e.at, `resources must be a mapping with 'Resources:', not ${describe(block)}`);
    }
  }
  const names = nameResolver(sink, ctx);
  for (const r of declared) ctx.set.declare(r.logicalId, () => refsFor(r, names(r), ctx.set));
  const queues: ReadQueue[] = [];
  for (const r of declared) {
    const name = names(r);
    if (r.kind === 'bus' && name === 'default' && nameNode(r)) {
      sink.error(nameNode(r), "An event bus cannot be named 'default': every account already has the default bus");
      continue;
    }
    if (!checkUnique(sink, r, name, ctx.set)) continue;
    const base = { logicalId: r.logicalId, name, line: r.line };
    if (r.kind === 'queue') {
      const read = readQueue(sink, r, name, ctx.doc, ctx.set);
      ctx.set.push('queues', read.def);
      queues.push(read);
    } else if (r.kind === 'table') {
      const table = readTable(sink, r, name, ctx.doc);
      if (table) ctx.set.push('tables', table);
    } else if (r.kind === 'bucket') {
      const problem = bucketProblem(name);
      if (problem) sink.error(nameNode(r) ?? r.keyNode, problem);
      ctx.set.push('buckets', base);
    } else if (r.kind === 'topic') ctx.set.push('topics', base);
    else if (!nameNode(r)) sink.error(r.keyNode, `${r.path.replace(/\.Properties$/, '')} needs Properties.Name, the event bus's name`);
    else ctx.set.push('buses', base);
  }
  checkDeadLetterQueues(sink, queues, ctx.set);
}

/** Pass one: every logical id with its type; simulated types with their supported properties. */
function collect(sink: DiagnosticSink, e: Entry, ctx: ResourcesContext, before: DeclaredResource[]): DeclaredResource[] {
  if (e.value === null) return [];
  if (!isMap(e.value)) {
    sink.error(e.at, `resources.Resources must be a mapping of logical ids to resources, not ${describe(e.value)}`);
    return [];
  }
  const out: DeclaredResource[] = [];
  for (const r of entries(e.value, ctx.doc)) {
    const path = `resources.Resources.${r.key}`;
    if (!LOGICAL_ID.test(r.key)) sink.error(r.keyNode, `Logical id '${r.key}' may only use letters and digits (CloudFormation's rule)`);
    else if (ctx.set.hasLogicalId(r.key) || before.some((d) => d.logicalId === r.key)) {
      sink.error(r.keyNode, `Logical id '${r.key}' is used twice`);
      continue;
    }
    const map = isMap(r.value) ? r.value : null;
    if (!map) {
      sink.error(r.at, `${path} must be a mapping with 'Type' and 'Properties', not ${describe(r.value)}`);
      continue;
    }
    const kept = checkKeys(sink, entries(map, ctx.doc), RESOURCE, path);
    const typeEntry = kept.find((k) => k.key === 'Type');
    const type = isScalar(typeEntry?.value) && typeof typeEntry.value.value === 'string' ? typeEntry.value.value : undefined;
    if (!typeEntry || type === undefined) {
      sink.error(typeEntry?.at ?? r.keyNode, `${path} needs a Type, like 'Type: AWS::SQS::Queue'`);
      continue;
    }
    const kind = (RESOURCE_KINDS as Record<string, ResourceKind | undefined>)[type];
    if (!kind) {
      sink.warn(r.keyNode, `'${type}' resources are not simulated yet; '${r.key}' is kept for export`);
      ctx.set.declare(r.key, () => ({ type, attributes: {} }));
      continue;
    }
    const props = properties(sink, kept.find((k) => k.key === 'Properties'), `${path}.Properties`, PROPERTIES[kind], ctx.doc);
    if (props) out.push({ logicalId: r.key, kind, type, props, path: `${path}.Properties`, line: sink.lineOf(r.keyNode), keyNode: r.keyNode });
  }
  return out;
}

function properties(sink: DiagnosticSink, e: Entry | undefined, path: string, spec: KeySpec, doc: Document): Entry[] | undefined {
  if (!e || e.value === null) return [];
  if (!isMap(e.value)) {
    sink.error(e.at, `${path} must be a mapping, not ${describe(e.value)}`);
    return undefined;
  }
  return checkKeys(sink, entries(e.value as YAMLMap, doc), spec, path);
}

function nameNode(r: DeclaredResource): Node | undefined {
  return r.props.find((k) => k.key === NAME_PROPERTY[r.kind])?.at;
}

/** Physical names, computed once each: as written (CloudFormation functions resolved), or generated as CloudFormation does. */
function nameResolver(sink: DiagnosticSink, ctx: ResourcesContext): (r: DeclaredResource) => string {
  const names = new Map<DeclaredResource, string>();
  const resolving = new Set<DeclaredResource>();
  return (r) => {
    const known = names.get(r);
    if (known !== undefined) return known;
    const fifo = r.kind === 'queue' && String(findJson(r, 'FifoQueue')) === 'true';
    let name = generatedName(ctx.service, ctx.stage, r.logicalId, r.kind, fifo);
    const entry = r.props.find((k) => k.key === NAME_PROPERTY[r.kind]);
    if (!entry) return remember(names, r, name);
    if (resolving.has(r)) {
      sink.error(entry.at, `The name of '${r.logicalId}' refers to itself`);
      return name;
    }
    resolving.add(r);
    const read = readRef(sink, entry, `${r.path}.${entry.key}`, ctx.set.scope());
    resolving.delete(r);
    if (read && 'value' in read) name = read.value;
    else if (read) sink.warn(entry.at, `${read.unsupported}; the playground names it '${name}'`);
    return remember(names, r, name);
  };
}

function remember(names: Map<DeclaredResource, string>, r: DeclaredResource, name: string): string {
  names.set(r, name);
  return name;
}

function findJson(r: DeclaredResource, key: string): unknown {
  const v = r.props.find((k) => k.key === key)?.value;
  return isScalar(v) ? v.value : undefined;
}

/** What Ref and Fn::GetAtt give for each simulated type (CloudFormation's return values). */
function refsFor(r: DeclaredResource, name: string, set: ResourceSet): ResourceRefs {
  const { region, accountId: account } = set;
  switch (r.kind) {
    case 'bucket':
      return {
        type: r.type,
        ref: name,
        attributes: {
          Arn: bucketArn(name),
          DomainName: `${name}.s3.amazonaws.com`,
          RegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
          WebsiteURL: `http://${name}.s3-website-${region}.amazonaws.com`,
        },
      };
    case 'queue': {
      const url = queueUrl(region, account, name);
      return { type: r.type, ref: url, attributes: { Arn: queueArn(region, account, name), QueueName: name, QueueUrl: url } };
    }
    case 'topic': {
      const arn = topicArn(region, account, name);
      return { type: r.type, ref: arn, attributes: { TopicArn: arn, TopicName: name } };
    }
    case 'table': {
      const view = r.props.find((k) => k.key === 'StreamSpecification')?.value;
      const hasStream = isMap(view) && view.has('StreamViewType');
      const attributes: Record<string, string> = { Arn: tableArn(region, account, name) };
      if (hasStream) attributes.StreamArn = tableStreamArn(region, account, name);
      const unavailable = {
        StreamArn: `Table '${r.logicalId}' has no stream; add StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }`,
      };
      return { type: r.type, ref: name, attributes, unavailable };
    }
    case 'bus':
      return { type: r.type, ref: name, attributes: { Arn: eventBusArn(region, account, name), Name: name } };
  }
}

/** Two resources of one kind cannot share a physical name (CloudFormation: "already exists"). */
function checkUnique(sink: DiagnosticSink, r: DeclaredResource, name: string, set: ResourceSet): boolean {
  const other = { bucket: set.bucket(name), queue: set.queue(name), topic: set.topic(name), table: set.table(name), bus: set.bus(name) }[r.kind];
  if (!other) return true;
  sink.error(nameNode(r) ?? r.keyNode, `'${name}' is already the name of '${other.logicalId}' (line ${other.line})`);
  return false;
}
