/** The S3 SDK operations functions call (@aws-sdk/client-s3 v3 shapes), answered from the simulated buckets. */
import { AwsError } from './aws-error';
import type { BucketService, Bucket } from './bucket-service';
import { hashHex } from './stable-hash';
import { listObjectsV2 } from './s3-list-objects';
import type { StoredObject } from './types';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

/** S3 has encrypted every new object with SSE-S3 since January 2023, and says so in each response. */
const SSE = { ServerSideEncryption: 'AES256' };

export function s3Operation(s3: BucketService, operation: string, input: Input, principalId: string): Output {
  switch (operation) {
    case 'PutObject':
      return putObject(s3, input, principalId);
    case 'GetObject':
      return getObject(s3, input);
    case 'HeadObject':
      return headObject(s3, input);
    case 'ListObjectsV2': {
      const b = s3.bucket(required(input, 'Bucket'));
      return listObjectsV2(b.name, s3.sortedKeys(b), b.objects, input);
    }
    case 'DeleteObject':
      // Idempotent: deleting a key that is not there is a 204 all the same.
      s3.delete(required(input, 'Bucket'), required(input, 'Key'), principalId);
      return {};
    case 'DeleteObjects':
      return deleteObjects(s3, input, principalId);
    case 'CopyObject':
      return copyObject(s3, input, principalId);
    case 'ListBuckets':
      return listBuckets(s3);
    case 'HeadBucket':
      if (!s3.has(required(input, 'Bucket'))) throw new AwsError('NotFound', 'UnknownError', 404);
      return { BucketRegion: s3.env.region() };
    default:
      throw new AwsError('NotImplemented', `S3 ${operation} is not simulated yet in the playground`, 501);
  }
}

/** What the SDK checks before it sends: a missing Bucket or Key never reaches S3. */
function required(input: Input, name: string): string {
  const v = input[name];
  if (typeof v !== 'string' || v === '') throw new AwsError('InvalidRequest', `No value provided for input HTTP label: ${name}.`);
  return v;
}

function bytesOf(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (body instanceof Uint8Array) return body.slice();
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  throw new AwsError('InvalidRequest', 'Body must be a string or bytes in the playground');
}

function metadataOf(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, String(x)]));
}

function putObject(s3: BucketService, input: Input, principalId: string): Output {
  const bucket = required(input, 'Bucket');
  const key = required(input, 'Key');
  const contentType = typeof input.ContentType === 'string' ? input.ContentType : undefined;
  const o = s3.put(bucket, key, bytesOf(input.Body), { contentType, metadata: metadataOf(input.Metadata), principalId });
  return { ETag: `"${o.eTag}"`, ...SSE };
}

function objectOf(b: Bucket, key: string): StoredObject {
  const o = b.objects.get(key);
  if (!o) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
  return o;
}

function headers(o: StoredObject, length: number): Output {
  return { AcceptRanges: 'bytes', LastModified: o.lastModified, ContentLength: length, ETag: `"${o.eTag}"`, ContentType: o.contentType, ...SSE, Metadata: { ...o.metadata } };
}

function getObject(s3: BucketService, input: Input): Output {
  const o = objectOf(s3.bucket(required(input, 'Bucket')), required(input, 'Key'));
  const range = typeof input.Range === 'string' ? byteRange(input.Range, o.body.length) : null;
  if (!range) return { ...headers(o, o.body.length), Body: o.body.slice() };
  const [start, end] = range;
  return { ...headers(o, end - start + 1), ContentRange: `bytes ${start}-${end}/${o.body.length}`, Body: o.body.slice(start, end + 1) };
}

/**
 * An HTTP Range of one span ('bytes=0-9', 'bytes=10-', 'bytes=-5') as inclusive offsets; S3 ignores one it cannot read
 * (the whole object comes back) and refuses one that starts past the end (416 InvalidRange).
 */
export function byteRange(header: string, size: number): [number, number] | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
    if (Number(m[2]) === 0) start = size;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size) throw new AwsError('InvalidRange', 'The requested range is not satisfiable', 416);
  return [start, end];
}

/** HEAD answers carry no body, so the SDK can only name the error by its status: NotFound, message UnknownError. */
function headObject(s3: BucketService, input: Input): Output {
  const b = s3.list().find((x) => x.name === required(input, 'Bucket'));
  const o = b?.objects.get(required(input, 'Key'));
  if (!o) throw new AwsError('NotFound', 'UnknownError', 404);
  return headers(o, o.body.length);
}

function deleteObjects(s3: BucketService, input: Input, principalId: string): Output {
  const bucket = required(input, 'Bucket');
  s3.bucket(bucket);
  const del = (input.Delete ?? {}) as { Objects?: Array<{ Key?: unknown }>; Quiet?: unknown };
  const objects = Array.isArray(del.Objects) ? del.Objects : [];
  if (objects.length === 0 || objects.length > 1000) throw new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  const deleted: Output[] = [];
  for (const o of objects) {
    const key = typeof o?.Key === 'string' ? o.Key : '';
    s3.delete(bucket, key, principalId);
    deleted.push({ Key: key });
  }
  // Quiet mode reports only the errors; here there are none.
  return del.Quiet === true ? {} : { Deleted: deleted };
}

/** CopySource is 'bucket/key' (optionally with a leading '/' and '?versionId='), URL-encoded. */
function parseCopySource(source: string): { bucket: string; key: string } {
  const path = source.replace(/^\//, '').replace(/\?versionId=.*$/, '');
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw new AwsError('InvalidArgument', 'Invalid copy source object key');
  try {
    return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
  } catch {
    throw new AwsError('InvalidArgument', 'Invalid copy source encoding');
  }
}

function copyObject(s3: BucketService, input: Input, principalId: string): Output {
  const bucket = required(input, 'Bucket');
  const key = required(input, 'Key');
  const src = parseCopySource(required(input, 'CopySource'));
  const from = objectOf(s3.bucket(src.bucket), src.key);
  s3.bucket(bucket);
  const replace = input.MetadataDirective === 'REPLACE';
  if (src.bucket === bucket && src.key === key && !replace) {
    throw new AwsError(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const opts = replace
    ? { contentType: typeof input.ContentType === 'string' ? input.ContentType : undefined, metadata: metadataOf(input.Metadata), principalId }
    : { contentType: from.contentType, metadata: from.metadata, principalId };
  const o = s3.store(bucket, key, from.body.slice(), opts, 'ObjectCreated:Copy');
  return { ...SSE, CopyObjectResult: { ETag: `"${o.eTag}"`, LastModified: o.lastModified } };
}

function listBuckets(s3: BucketService): Output {
  const buckets = s3.list().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((b) => ({ Name: b.name, CreationDate: b.created }));
  return { Buckets: buckets, Owner: { DisplayName: 'playground', ID: hashHex(`canonical:${s3.env.account}`, 64) } };
}
