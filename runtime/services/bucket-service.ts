/** Simulated S3: the deployed buckets and their objects, the SDK calls functions make, and the notices S3 sends on changes. */
import { AwsError } from './aws-error';
import { md5Hex } from './md5';
import { s3Operation } from './s3-api';
import { compareUtf8 } from './s3-list-objects';
import type { BucketView, ObjectNotice, ServiceEnv, StoredObject } from './types';
import { VIEW_LIMIT } from './types';

export interface Bucket {
  name: string;
  /** Epoch ms when this deploy created it. */
  created: number;
  objects: Map<string, StoredObject>;
  /** The keys in UTF-8 order, rebuilt on the first listing after a change. */
  sorted: string[] | null;
}

export interface PutOptions {
  contentType?: string;
  metadata?: Record<string, string>;
  principalId?: string;
}

/** What S3 stores as the Content-Type of an object uploaded without one. */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/** Who an upload from the page is, when the caller does not say. */
const CONSOLE_PRINCIPAL = 'AWS:AIDAPLAYGROUNDCONSOLE';

export const noSuchBucket = () => new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);

export class BucketService {
  private readonly buckets = new Map<string, Bucket>();
  /** Restored objects of buckets not deployed yet: applied when a deploy declares them. */
  private pending: Record<string, StoredObject[]> = {};
  private lastSequence = 0;

  constructor(
    readonly env: ServiceEnv,
    private readonly onObject: (notice: ObjectNotice) => void,
  ) {}

  /**
   * The deployed buckets: new names are created empty, existing keep their objects. A bucket no longer declared is
   * undeployed, but its objects are kept (CloudFormation cannot delete a bucket that is not empty either) and come
   * back if a later deploy declares it again: a renamed or mistyped bucket loses nothing. Clear data drops them.
   */
  deploy(names: string[]): void {
    const keep = new Set(names);
    for (const [name, b] of this.buckets) {
      if (keep.has(name)) continue;
      if (b.objects.size > 0) this.pending[name] = this.sortedKeys(b).map((k) => b.objects.get(k)!);
      this.buckets.delete(name);
    }
    for (const name of names) {
      if (this.buckets.has(name)) continue;
      this.buckets.set(name, { name, created: this.env.clock.now(), objects: new Map(), sorted: null });
      if (this.pending[name]) {
        this.fill(this.buckets.get(name)!, this.pending[name]);
        delete this.pending[name];
      }
    }
  }

  has(name: string): boolean {
    return this.buckets.has(name);
  }

  /** An SDK call: operation is the command name without 'Command'. Throws AwsError. */
  handle(operation: string, input: Record<string, unknown>, principalId: string): Record<string, unknown> {
    return s3Operation(this, operation, input, principalId);
  }

  /** Upload from the page or PutObject: stores, then notifies (ObjectCreated:Put). Throws AwsError NoSuchBucket. */
  put(bucket: string, key: string, body: Uint8Array, opts: PutOptions = {}): StoredObject {
    return this.store(bucket, key, body, opts, 'ObjectCreated:Put');
  }

  /** Stores an object and notifies `eventName` (PutObject's and CopyObject's common path). */
  store(bucket: string, key: string, body: Uint8Array, opts: PutOptions, eventName: string): StoredObject {
    const b = this.bucket(bucket);
    checkKey(key);
    const object: StoredObject = {
      key,
      body,
      contentType: opts.contentType || DEFAULT_CONTENT_TYPE,
      lastModified: this.env.clock.now(),
      eTag: md5Hex(body),
      metadata: lowerCaseKeys(opts.metadata ?? {}),
    };
    if (!b.objects.has(key)) b.sorted = null;
    b.objects.set(key, object);
    this.notify(bucket, key, eventName, object.body.length, object.eTag, opts.principalId);
    return object;
  }

  get(bucket: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

  /** Removes an object; an ObjectRemoved:Delete notice when it existed. Throws AwsError NoSuchBucket. */
  delete(bucket: string, key: string, principalId?: string): void {
    const b = this.bucket(bucket);
    if (!b.objects.delete(key)) return;
    b.sorted = null;
    this.notify(bucket, key, 'ObjectRemoved:Delete', 0, undefined, principalId);
  }

  /** A deployed bucket, or NoSuchBucket. */
  bucket(name: string): Bucket {
    const b = this.buckets.get(name);
    if (!b) throw noSuchBucket();
    return b;
  }

  /** The bucket's keys in UTF-8 order. */
  sortedKeys(b: Bucket): string[] {
    if (!b.sorted) b.sorted = [...b.objects.keys()].sort(compareUtf8);
    return b.sorted;
  }

  list(): Bucket[] {
    return [...this.buckets.values()];
  }

  views(): BucketView[] {
    return this.list().map((b) => {
      let totalBytes = 0;
      for (const o of b.objects.values()) totalBytes += o.body.length;
      return {
        name: b.name,
        arn: `arn:aws:s3:::${b.name}`,
        objects: this.sortedKeys(b).slice(0, VIEW_LIMIT).map((key) => {
          const o = b.objects.get(key)!;
          return { key, size: o.body.length, lastModified: o.lastModified, contentType: o.contentType, eTag: o.eTag };
        }),
        objectCount: b.objects.size,
        totalBytes,
      };
    });
  }

  /** The deployed buckets' objects, and restored data still waiting for its bucket. */
  snapshot(): Record<string, StoredObject[]> {
    const out: Record<string, StoredObject[]> = { ...this.pending };
    for (const b of this.buckets.values()) out[b.name] = this.sortedKeys(b).map((k) => b.objects.get(k)!);
    return out;
  }

  /** Restores objects without notifying; data for a bucket not deployed yet is kept and applied when it is. */
  restore(data: Record<string, StoredObject[]>): void {
    for (const [name, objects] of Object.entries(data)) {
      if (!Array.isArray(objects)) continue;
      const b = this.buckets.get(name);
      if (b) this.fill(b, objects);
      else this.pending[name] = objects;
    }
  }

  /** Empties every bucket (no notifications, as a bucket emptied by lifecycle rules sends none here). */
  clear(): void {
    for (const b of this.buckets.values()) {
      b.objects.clear();
      b.sorted = null;
    }
    this.pending = {};
  }

  private fill(b: Bucket, objects: StoredObject[]): void {
    for (const o of objects) {
      if (!o || typeof o.key !== 'string' || !(o.body instanceof Uint8Array)) continue;
      b.objects.set(o.key, { ...o, metadata: o.metadata ?? {} });
    }
    b.sorted = null;
  }

  private notify(bucket: string, key: string, eventName: string, size: number, eTag: string | undefined, principalId = CONSOLE_PRINCIPAL): void {
    const time = this.env.clock.now();
    this.onObject({ bucket, eventName, key, size, ...(eTag !== undefined ? { eTag } : {}), sequencer: this.nextSequencer(time), time, principalId });
  }

  /**
   * S3's sequencer: hex that grows with each change of a key (compared after right-padding with zeros). Here the clock's
   * ms times 256, kept strictly increasing, as 18 upper-case hex digits.
   */
  private nextSequencer(time: number): string {
    this.lastSequence = Math.max(this.lastSequence + 1, time * 256);
    return this.lastSequence.toString(16).toUpperCase().padStart(18, '0');
  }
}

/** S3 keys are 1 to 1,024 bytes of UTF-8. */
function checkKey(key: string): void {
  if (key.length === 0) throw new AwsError('InvalidArgument', 'Object key must not be empty');
  if (new TextEncoder().encode(key).length > 1024) throw new AwsError('KeyTooLongError', 'Your key is too long');
}

/** User metadata travels as x-amz-meta-* headers, so S3 returns its names lower-cased. */
function lowerCaseKeys(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m)) out[k.toLowerCase()] = String(v);
  return out;
}
