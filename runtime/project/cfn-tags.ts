/** CloudFormation's YAML short forms (`!Ref`, `!GetAtt`, …) parsed to their long JSON shapes, as CloudFormation reads them. */
import { isMap, isScalar, type CollectionTag, type Node, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

/** Short-form tag name → long-form key. */
const INTRINSICS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  FindInMap: 'Fn::FindInMap',
  GetAtt: 'Fn::GetAtt',
  GetAZs: 'Fn::GetAZs',
  ImportValue: 'Fn::ImportValue',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Sub: 'Fn::Sub',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
};

/** `!GetAtt Queue.Arn` is the short form of `Fn::GetAtt: [Queue, Arn]` (split at the first dot). */
function scalarArgument(longName: string, text: string): unknown {
  if (longName !== 'Fn::GetAtt') return text;
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function tagsFor(shortName: string, longName: string): Array<ScalarTag | CollectionTag> {
  const tag = `!${shortName}`;
  return [
    { tag, resolve: (text: string) => ({ [longName]: scalarArgument(longName, text) }) },
    { tag, collection: 'seq', resolve: (seq: YAMLMap | YAMLSeq) => ({ [longName]: seq.toJSON() }) },
    { tag, collection: 'map', resolve: (map: YAMLMap | YAMLSeq) => ({ [longName]: map.toJSON() }) },
  ];
}

/** Pass as `customTags` to yaml's parser. */
export const cloudFormationTags: Array<ScalarTag | CollectionTag> = Object.entries(INTRINSICS).flatMap(
  ([shortName, longName]) => tagsFor(shortName, longName),
);

const LONG_NAMES = new Set(Object.values(INTRINSICS));

/** The intrinsic function a node holds (`'Fn::GetAtt'`, `'Ref'`), short or long form, else null. */
export function intrinsicName(node: Node | null): string | null {
  if (isScalar(node)) {
    const value = node.value;
    if (value && typeof value === 'object' && !Array.isArray(value)) return intrinsicKey(Object.keys(value));
    return null;
  }
  if (isMap(node)) {
    return intrinsicKey(node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
  }
  return null;
}

function intrinsicKey(keys: string[]): string | null {
  return keys.length === 1 && LONG_NAMES.has(keys[0]) ? keys[0] : null;
}
