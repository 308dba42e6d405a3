/** DynamoDB AttributeValues: validation into a canonical form, equality, ordering, and DynamoDB's item-size rules. */
import { AwsError } from './aws-error';
import { canonicalNumber, compareNumbers, numberDigits } from './dynamodb-numbers';
import { fromBase64 as decodeBase64, toBase64 } from '../bytes-json';

/** One AttributeValue in the wire format; exactly one member is set. B is held as bytes. */
export interface AttributeValue {
  S?: string;
  N?: string;
  B?: Uint8Array;
  SS?: string[];
  NS?: string[];
  BS?: Uint8Array[];
  M?: Record<string, AttributeValue>;
  L?: AttributeValue[];
  NULL?: boolean;
  BOOL?: boolean;
}

export type Item = Record<string, AttributeValue>;

export type AttributeType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'];

const invalid = (msg: string) => new AwsError('ValidationException', msg);

export function typeOf(v: AttributeValue): AttributeType {
  for (const t of ATTRIBUTE_TYPES) if ((v as Record<string, unknown>)[t] !== undefined) return t;
  throw invalid('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
}

/** Bytes from what an SDK or a JSON client sends as B: Uint8Array (or a Buffer), ArrayBuffer, or base64 text. */
export function toBytes(b: unknown): Uint8Array {
  if (b instanceof Uint8Array) return new Uint8Array(b);
  if (b instanceof ArrayBuffer) return new Uint8Array(b.slice(0));
  if (typeof b === 'string') return fromBase64(b);
  throw invalid('One or more parameter values were invalid: Binary value is not a byte array');
}


function fromBase64(s: string): Uint8Array {
  try {
    return decodeBase64(s);
  } catch {
    throw invalid('One or more parameter values were invalid: Binary value is not valid base64');
  }
}

const SET_NAMES: Record<string, string> = { SS: 'string', NS: 'number', BS: 'binary' };

/** Checks an AttributeValue from a request and returns it canonical (numbers normalised, B as bytes). Throws ValidationException. */
export function validValue(raw: unknown): AttributeValue {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  const set = Object.entries(raw as Record<string, unknown>).filter(([k, v]) => v !== undefined && (ATTRIBUTE_TYPES as string[]).includes(k));
  if (set.length === 0) throw invalid('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  if (set.length > 1) throw invalid('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  const [type, v] = set[0];
  switch (type) {
    case 'S':
      if (typeof v !== 'string') throw invalid('One or more parameter values were invalid: S must be a string');
      return { S: v };
    case 'N':
      return { N: canonicalNumber(String(v)) };
    case 'B':
      return { B: toBytes(v) };
    case 'BOOL':
      return { BOOL: Boolean(v) };
    case 'NULL':
      if (v !== true) throw invalid('One or more parameter values were invalid: Null attribute value types must have the value of true');
      return { NULL: true };
    case 'L':
      if (!Array.isArray(v)) throw invalid('One or more parameter values were invalid: L must be a list');
      return { L: v.map(validValue) };
    case 'M':
      return { M: validItem(v) };
    default:
      return validSet(type as 'SS' | 'NS' | 'BS', v);
  }
}

function validSet(type: 'SS' | 'NS' | 'BS', v: unknown): AttributeValue {
  if (!Array.isArray(v) && !(v instanceof Set)) throw invalid(`One or more parameter values were invalid: ${type} must be a list`);
  const list = [...v];
  if (list.length === 0) throw invalid(`One or more parameter values were invalid: An ${SET_NAMES[type]} set  may not be empty`);
  const elements = list.map((e) => (type === 'SS' ? String(e) : type === 'NS' ? canonicalNumber(String(e)) : toBytes(e)));
  const seen = new Set(elements.map((e) => (e instanceof Uint8Array ? toBase64(e) : e)));
  if (seen.size !== elements.length) {
    const shown = list.map((e) => (e instanceof Uint8Array ? toBase64(e) : String(e))).join(', ');
    throw invalid(`One or more parameter values were invalid: Input collection [${shown}] contains duplicates.`);
  }
  return { [type]: elements } as AttributeValue;
}

/** Checks a map of AttributeValues (an item, a key, ExpressionAttributeValues). */
export function validItem(raw: unknown): Item {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('One or more parameter values were invalid: expected a map of AttributeValues');
  const out: Item = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (v !== undefined) out[k] = validValue(v);
  return out;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

const encoder = new TextEncoder();
export const utf8 = (s: string) => encoder.encode(s);

/** Strings compare by their UTF-8 bytes (not UTF-16 code units), as DynamoDB orders sort keys. */
export function compareStrings(a: string, b: string): number {
  return a === b ? 0 : compareBytes(utf8(a), utf8(b));
}

/** Orders two scalars of the same type (S, N or B); null when they are not comparable. */
export function compareScalars(a: AttributeValue, b: AttributeValue): number | null {
  if (a.S !== undefined && b.S !== undefined) return compareStrings(a.S, b.S);
  if (a.N !== undefined && b.N !== undefined) return compareNumbers(a.N, b.N);
  if (a.B !== undefined && b.B !== undefined) return compareBytes(a.B, b.B);
  return null;
}

/** Deep equality; sets compare as sets, numbers numerically. */
export function equalValues(a: AttributeValue, b: AttributeValue): boolean {
  const t = typeOf(a);
  if (t !== typeOf(b)) return false;
  switch (t) {
    case 'S': case 'N': case 'B':
      return compareScalars(a, b) === 0;
    case 'BOOL':
      return a.BOOL === b.BOOL;
    case 'NULL':
      return true;
    case 'L':
      return a.L!.length === b.L!.length && a.L!.every((x, i) => equalValues(x, b.L![i]));
    case 'M':
      return equalItems(a.M!, b.M!);
    default: {
      const key = (e: string | Uint8Array) => (typeof e === 'string' ? e : toBase64(e));
      const xs = (a[t] as Array<string | Uint8Array>).map(key);
      const ys = new Set((b[t] as Array<string | Uint8Array>).map(key));
      return xs.length === ys.size && xs.every((x) => ys.has(x));
    }
  }
}

export function equalItems(a: Item, b: Item): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] !== undefined && equalValues(a[k], b[k]));
}

/** DynamoDB's size rules: UTF-8 bytes for names and strings, about 1 byte per 2 digits for numbers, 3 bytes per list or map plus 1 per element. */
export function valueSize(v: AttributeValue): number {
  switch (typeOf(v)) {
    case 'S': return utf8(v.S!).length;
    case 'N': return Math.ceil(numberDigits(v.N!) / 2) + 1;
    case 'B': return v.B!.length;
    case 'BOOL': case 'NULL': return 1;
    case 'SS': return v.SS!.reduce((n, s) => n + utf8(s).length, 0);
    case 'NS': return v.NS!.reduce((n, s) => n + Math.ceil(numberDigits(s) / 2) + 1, 0);
    case 'BS': return v.BS!.reduce((n, b) => n + b.length, 0);
    case 'L': return 3 + v.L!.reduce((n, e) => n + 1 + valueSize(e), 0);
    case 'M': return 3 + Object.entries(v.M!).reduce((n, [k, e]) => n + 1 + utf8(k).length + valueSize(e), 0);
  }
}

export function itemSize(item: Item): number {
  let n = 0;
  for (const [k, v] of Object.entries(item)) n += utf8(k).length + valueSize(v);
  return n;
}

/** A scalar key value as text, for maps keyed by item key. */
export function scalarKey(v: AttributeValue): string {
  if (v.S !== undefined) return `S${v.S}`;
  if (v.N !== undefined) return `N${v.N}`;
  if (v.B !== undefined) return `B${toBase64(v.B)}`;
  return JSON.stringify(v);
}

export function cloneItem(item: Item): Item {
  return structuredClone(item);
}
