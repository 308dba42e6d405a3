/** An AWS::DynamoDB::Table of `resources.Resources`: its key schema and its stream, as DynamoDB validates them. */
import { isMap, isSeq, type Document, type Node } from 'yaml';
import type { KeyAttributeType, TableDef } from './types';
import { readChoice } from './manifest-cfn-values';
import type { DeclaredResource } from './manifest-resource-set';
import { describe, readString } from './manifest-values';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

const ATTRIBUTE_TYPES: readonly KeyAttributeType[] = ['S', 'N', 'B'];
const VIEW_TYPES = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] as const;

interface KeyElement {
  name: string;
  keyType: 'HASH' | 'RANGE';
  at: Node;
}

/** Returns undefined when the table has errors (reported). */
export function readTable(sink: DiagnosticSink, r: DeclaredResource, name: string, doc: Document): TableDef | undefined {
  const errorsBefore = sink.errorCount;
  const find = (key: string) => r.props.find((k) => k.key === key);
  const attributes = readAttributes(sink, find('AttributeDefinitions'), r.path, doc);
  const schemaEntry = find('KeySchema');
  const keys = schemaEntry ? readKeySchema(sink, schemaEntry, r.path, doc) : undefined;
  if (!schemaEntry) sink.error(r.keyNode, `${r.path} needs a KeySchema, like [{ AttributeName: id, KeyType: HASH }]`);
  const streamEntry = find('StreamSpecification');
  const streamViewType = streamEntry ? readStream(sink, streamEntry, r.path, doc) : null;
  if (!keys || !attributes || sink.errorCount > errorsBefore) return undefined;
  const typed = (k: KeyElement) => {
    const type = attributes.get(k.name);
    // DynamoDB: "Some index key attributes are not defined in AttributeDefinitions".
    if (!type) sink.error(k.at, `Key attribute '${k.name}' is not in AttributeDefinitions; add { AttributeName: ${k.name}, AttributeType: S }`);
    return { name: k.name, type: type ?? 'S' };
  };
  const hash = keys.find((k) => k.keyType === 'HASH')!;
  const range = keys.find((k) => k.keyType === 'RANGE');
  const def: TableDef = { logicalId: r.logicalId, name, line: r.line, hashKey: typed(hash), streamViewType: streamViewType ?? null };
  if (range) def.rangeKey = typed(range);
  return sink.errorCount > errorsBefore ? undefined : def;
}

function listOfMaps(sink: DiagnosticSink, e: Entry, label: string, example: string): Node[] | undefined {
  if (!isSeq(e.value) || e.value.items.length === 0) {
    sink.error(e.at, `${label} must be a list like ${example}, not ${describe(e.value)}`);
    return undefined;
  }
  const items = e.value.items as Array<Node | null>;
  const bad = items.find((item) => !isMap(item));
  if (bad !== undefined) {
    sink.error(bad ?? e.at, `Each item of ${label} is a mapping like ${example.slice(1, -1)}, not ${describe(bad)}`);
    return undefined;
  }
  return items as Node[];
}

function field(item: Node, doc: Document, key: string): Entry | undefined {
  return isMap(item) ? entries(item, doc).find((k) => k.key === key) : undefined;
}

function readAttributes(sink: DiagnosticSink, e: Entry | undefined, path: string, doc: Document): Map<string, KeyAttributeType> | undefined {
  const out = new Map<string, KeyAttributeType>();
  if (!e) return out;
  const label = `${path}.AttributeDefinitions`;
  const items = listOfMaps(sink, e, label, '[{ AttributeName: id, AttributeType: S }]');
  if (!items) return undefined;
  for (const item of items) {
    const nameEntry = field(item, doc, 'AttributeName');
    const typeEntry = field(item, doc, 'AttributeType');
    if (!nameEntry || !typeEntry) {
      sink.error(item, `Each of ${label} needs AttributeName and AttributeType (S, N or B)`);
      return undefined;
    }
    const name = readString(sink, nameEntry, `${label} AttributeName`);
    const type = readChoice(sink, typeEntry, `${label} AttributeType`, ATTRIBUTE_TYPES);
    if (name === undefined || type === undefined) return undefined;
    out.set(name, type);
  }
  return out;
}

/** DynamoDB: exactly one HASH key, then at most one RANGE key. */
function readKeySchema(sink: DiagnosticSink, e: Entry, path: string, doc: Document): KeyElement[] | undefined {
  const label = `${path}.KeySchema`;
  const items = listOfMaps(sink, e, label, '[{ AttributeName: id, KeyType: HASH }]');
  if (!items) return undefined;
  const keys: KeyElement[] = [];
  for (const item of items) {
    const nameEntry = field(item, doc, 'AttributeName');
    const typeEntry = field(item, doc, 'KeyType');
    if (!nameEntry || !typeEntry) {
      sink.error(item, `Each of ${label} needs AttributeName and KeyType (HASH or RANGE)`);
      return undefined;
    }
    const name = readString(sink, nameEntry, `${label} AttributeName`);
    const keyType = readChoice(sink, typeEntry, `${label} KeyType`, ['HASH', 'RANGE'] as const);
    if (name === undefined || keyType === undefined) return undefined;
    keys.push({ name, keyType, at: nameEntry.at });
  }
  const [first, second] = keys;
  if (keys.length > 2 || first.keyType !== 'HASH' || (second && second.keyType !== 'RANGE')) {
    sink.error(e.at, `${label} is one HASH key, optionally followed by one RANGE key`);
    return undefined;
  }
  return keys;
}

function readStream(sink: DiagnosticSink, e: Entry, path: string, doc: Document): TableDef['streamViewType'] | undefined {
  const label = `${path}.StreamSpecification`;
  const view = isMap(e.value) ? entries(e.value, doc).find((k) => k.key === 'StreamViewType') : undefined;
  if (!view) {
    sink.error(e.at, `${label} needs StreamViewType, one of ${VIEW_TYPES.join(', ')}`);
    return undefined;
  }
  return readChoice(sink, view, `${label}.StreamViewType`, VIEW_TYPES);
}
