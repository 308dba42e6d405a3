/** SQS message attributes: the SDK's MessageAttributes checked as SQS checks them, their MD5 digest, and the Lambda record form. */
import { AwsError } from './aws-error';
import { md5Hex } from './md5';

/** One attribute as SendMessage takes it and ReceiveMessage returns it (@aws-sdk/client-sqs MessageAttributeValue). */
export interface SdkMessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}

export type SdkMessageAttributes = Record<string, SdkMessageAttribute>;

/** An attribute as an SQS record carries it to Lambda (@types/aws-lambda SQSMessageAttribute). */
export interface RecordMessageAttribute {
  stringValue?: string;
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
  dataType: string;
}

/** SQS allows at most 10 attributes per message. */
const MAX_ATTRIBUTES = 10;
const TYPE = /^(String|Number|Binary)(\..+)?$/;
const NAME = /^(?!\.)(?!aws\.|amazon\.)(?!.*\.\.)[\w.-]{1,256}(?<!\.)$/i;

const invalid = (reason: string) => new AwsError('InvalidParameterValue', reason);

/** Validates the SDK's MessageAttributes; null for none. Binary values given as text are taken as their UTF-8 bytes. */
export function parseMessageAttributes(v: unknown): SdkMessageAttributes | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object') throw invalid('The request must contain a valid MessageAttributes map.');
  const names = Object.keys(v).sort();
  if (names.length === 0) return null;
  if (names.length > MAX_ATTRIBUTES) throw invalid(`Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  const out: SdkMessageAttributes = {};
  for (const name of names) {
    const a = (v as Record<string, { DataType?: unknown; StringValue?: unknown; BinaryValue?: unknown }>)[name];
    if (!NAME.test(name)) throw invalid(`Message (user) attribute name '${name}' is invalid.`);
    const type = typeof a?.DataType === 'string' ? a.DataType : '';
    if (!TYPE.test(type)) {
      throw invalid(`The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
    }
    const empty = `The message (user) attribute '${name}' must contain a non-empty message attribute value for message attribute type '${type}'.`;
    if (type.startsWith('Binary')) {
      const bytes = a.BinaryValue instanceof Uint8Array ? a.BinaryValue : typeof a.BinaryValue === 'string' ? new TextEncoder().encode(a.BinaryValue) : null;
      if (!bytes || bytes.length === 0) throw invalid(empty);
      out[name] = { DataType: type, BinaryValue: bytes };
    } else {
      if (typeof a.StringValue !== 'string' || a.StringValue === '') throw invalid(empty);
      if (type.startsWith('Number') && !Number.isFinite(Number(a.StringValue))) {
        throw invalid(`Can't cast the value of message (user) attribute '${name}' to a number.`);
      }
      out[name] = { DataType: type, StringValue: a.StringValue };
    }
  }
  return out;
}

/** Bytes the attributes count toward the 256 KB message size: names, types and values. */
export function attributesSize(attrs: SdkMessageAttributes | null): number {
  if (!attrs) return 0;
  let n = 0;
  for (const [name, a] of Object.entries(attrs)) n += utf8Length(name) + utf8Length(a.DataType) + (a.BinaryValue?.length ?? utf8Length(a.StringValue ?? ''));
  return n;
}

/**
 * MD5OfMessageAttributes as SQS computes it: for each attribute by name, the name, the data type (each as a 4-byte
 * big-endian length and UTF-8 bytes), a transport byte (1 string, 2 binary) and the value (length and bytes).
 */
export function md5OfAttributes(attrs: SdkMessageAttributes): string {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const field = (bytes: Uint8Array) => {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, bytes.length);
    parts.push(len, bytes);
  };
  for (const name of Object.keys(attrs).sort()) {
    const a = attrs[name];
    field(enc.encode(name));
    field(enc.encode(a.DataType));
    parts.push(Uint8Array.of(a.BinaryValue ? 2 : 1));
    field(a.BinaryValue ?? enc.encode(a.StringValue ?? ''));
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return md5Hex(all);
}

/** The attributes a ReceiveMessage asked for by MessageAttributeNames: 'All', '.*', exact names, or 'prefix.*'. */
export function selectAttributes(attrs: SdkMessageAttributes | null, wanted: string[]): SdkMessageAttributes | null {
  if (!attrs || wanted.length === 0) return null;
  if (wanted.includes('All') || wanted.includes('.*')) return attrs;
  const out: SdkMessageAttributes = {};
  let any = false;
  for (const name of Object.keys(attrs)) {
    if (wanted.some((w) => w === name || (w.endsWith('.*') && name.startsWith(w.slice(0, -1))))) {
      out[name] = attrs[name];
      any = true;
    }
  }
  return any ? out : null;
}

/** The record form Lambda's SQS event carries: lower-case keys, binary as base64, empty list values. */
export function recordAttributes(attrs: SdkMessageAttributes | null): Record<string, RecordMessageAttribute> {
  const out: Record<string, RecordMessageAttribute> = {};
  if (!attrs) return out;
  for (const name of Object.keys(attrs)) {
    const a = attrs[name];
    out[name] = a.BinaryValue
      ? { binaryValue: base64(a.BinaryValue), stringListValues: [], binaryListValues: [], dataType: a.DataType }
      : { stringValue: a.StringValue, stringListValues: [], binaryListValues: [], dataType: a.DataType };
  }
  return out;
}

export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // 2 bytes below U+0800, 3 up to U+FFFF, 4 for a surrogate pair (2 units).
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
