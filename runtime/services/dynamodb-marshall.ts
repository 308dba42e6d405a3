/** Plain JSON ⇄ DynamoDB AttributeValue maps, as the DocumentClient (@aws-sdk/lib-dynamodb) converts them. */
import { AwsError } from './aws-error';
import type { AttributeValue, Item } from './dynamodb-values';
import { toBase64 } from '../bytes-json';

const invalid = (msg: string) => new AwsError('ValidationException', msg);

/** One plain value as an AttributeValue; undefined for `undefined` (dropped, like `removeUndefinedValues: true`). */
export function marshallValue(v: unknown): AttributeValue | undefined {
  if (v === undefined) return undefined;
  if (v === null) return { NULL: true };
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'boolean') return { BOOL: v };
  if (typeof v === 'bigint') return { N: v.toString() };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw invalid(`Special numeric value ${v} is not allowed`);
    return { N: String(v) };
  }
  if (v instanceof Uint8Array) return { B: v };
  if (v instanceof ArrayBuffer) return { B: new Uint8Array(v) };
  if (v instanceof Set) return marshallSet(v);
  if (Array.isArray(v)) return { L: v.map((e) => marshallValue(e) ?? { NULL: true }) };
  if (typeof v === 'object') return { M: marshallItem(v as Record<string, unknown>) as Item };
  throw invalid(`Unsupported type passed: ${String(v)}`);
}

function marshallSet(set: Set<unknown>): AttributeValue {
  const items = [...set];
  if (items.length === 0) throw invalid('One or more parameter values were invalid: An string set  may not be empty');
  if (items.every((e) => typeof e === 'string')) return { SS: items as string[] };
  if (items.every((e) => typeof e === 'number' || typeof e === 'bigint')) return { NS: items.map(String) };
  if (items.every((e) => e instanceof Uint8Array)) return { BS: items as Uint8Array[] };
  throw invalid('Only Sets of strings, numbers or binary values are supported');
}

/** A plain object as an item; `undefined` members are dropped. */
export function marshallItem(plain: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(plain)) {
    const av = marshallValue(v);
    if (av) out[k] = av;
  }
  return out as Record<string, unknown>;
}

/** Numbers become JS numbers unless that loses digits (then the decimal string is kept). */
function unmarshallNumber(n: string): number | string {
  const x = Number(n);
  if (!Number.isFinite(x)) return n;
  if (/^-?\d+$/.test(n) && !Number.isSafeInteger(x)) return n;
  return x;
}

/** One AttributeValue as plain JSON: sets become arrays, binary becomes base64 text. */
export function unmarshallValue(v: AttributeValue): unknown {
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return unmarshallNumber(v.N);
  if (v.BOOL !== undefined) return v.BOOL;
  if (v.NULL !== undefined) return null;
  if (v.B !== undefined) return toBase64(v.B);
  if (v.SS !== undefined) return [...v.SS];
  if (v.NS !== undefined) return v.NS.map(unmarshallNumber);
  if (v.BS !== undefined) return v.BS.map(toBase64);
  if (v.L !== undefined) return v.L.map(unmarshallValue);
  if (v.M !== undefined) return unmarshallItem(v.M as Record<string, unknown>);
  return null;
}

export function unmarshallItem(wire: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire as Item)) out[k] = unmarshallValue(v);
  return out;
}
