/** S3 ListObjectsV2 over a bucket's keys: UTF-8 key order, prefix, delimiter roll-up into CommonPrefixes, and pages. */
import { AwsError } from './aws-error';
import type { StoredObject } from './types';

export interface ListInput {
  Prefix?: unknown;
  Delimiter?: unknown;
  MaxKeys?: unknown;
  ContinuationToken?: unknown;
  StartAfter?: unknown;
}

/** S3 returns at most 1,000 keys a page. */
const MAX_KEYS = 1000;

/** S3 lists keys in the binary order of their UTF-8 bytes, which is code point order (not JavaScript's UTF-16 order). */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800–DFFF) stands for a code point above U+FFFF: it sorts after every BMP character.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The continuation token: opaque to callers; here the base64 of the last key or common prefix a page returned. */
function encodeToken(marker: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(marker)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function decodeToken(token: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)));
  } catch {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect');
  }
}

/** One page of a listing; `keys` are the bucket's keys in UTF-8 order. */
export function listObjectsV2(bucket: string, keys: readonly string[], objects: ReadonlyMap<string, StoredObject>, input: ListInput): Record<string, unknown> {
  const prefix = str(input.Prefix) ?? '';
  const delimiter = str(input.Delimiter) || undefined;
  const maxKeys = typeof input.MaxKeys === 'number' && input.MaxKeys >= 0 ? Math.min(Math.floor(input.MaxKeys), MAX_KEYS) : MAX_KEYS;
  const token = str(input.ContinuationToken);
  const startAfter = str(input.StartAfter);
  const tokenMarker = token !== undefined ? decodeToken(token) : undefined;
  const marker = tokenMarker ?? startAfter;
  const rollUp = (key: string): string | null => {
    if (!delimiter) return null;
    const at = key.indexOf(delimiter, prefix.length);
    return at < 0 ? null : key.slice(0, at + delimiter.length);
  };

  const contents: Record<string, unknown>[] = [];
  const commonPrefixes: string[] = [];
  let last: string | null = null;
  let truncated = false;
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    if (marker !== undefined && compareUtf8(key, marker) <= 0) continue;
    const common = rollUp(key);
    // Keys under a common prefix an earlier page returned were rolled up into it.
    if (common !== null && (common === tokenMarker || common === last)) continue;
    if (contents.length + commonPrefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (common !== null) {
      commonPrefixes.push(common);
      last = common;
    } else {
      const o = objects.get(key)!;
      contents.push({ Key: key, LastModified: o.lastModified, ETag: `"${o.eTag}"`, Size: o.body.length, StorageClass: 'STANDARD' });
      last = key;
    }
  }

  return {
    IsTruncated: truncated,
    ...(contents.length ? { Contents: contents } : {}),
    Name: bucket,
    Prefix: prefix,
    ...(delimiter ? { Delimiter: delimiter } : {}),
    MaxKeys: maxKeys,
    ...(commonPrefixes.length ? { CommonPrefixes: commonPrefixes.map((p) => ({ Prefix: p })) } : {}),
    KeyCount: contents.length + commonPrefixes.length,
    ...(token !== undefined ? { ContinuationToken: token } : {}),
    ...(truncated && last !== null ? { NextContinuationToken: encodeToken(last) } : {}),
    ...(startAfter !== undefined ? { StartAfter: startAfter } : {}),
  };
}
