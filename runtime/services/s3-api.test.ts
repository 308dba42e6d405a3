import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { AwsError } from './aws-error';
import { BucketService } from './bucket-service';
import { byteRange } from './s3-api';
import type { ObjectNotice } from './types';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: unknown) => new TextDecoder().decode(b as Uint8Array);
const FN = 'AWS:AROAPLAYGROUNDROLE:worker';
const T0 = Date.UTC(2026, 0, 1);

function setup() {
  const clock = new VirtualClock();
  const notices: ObjectNotice[] = [];
  const s3 = new BucketService({ clock, region: () => 'eu-west-1', account: '123456789012' }, (n) => notices.push(n));
  s3.deploy(['uploads', 'archive']);
  const call = (op: string, input: Record<string, unknown>) => s3.handle(op, input, FN);
  return { s3, call, notices, clock };
}

function error(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err.info;
    throw err;
  }
  throw new Error('did not throw');
}

const NO_SUCH_BUCKET = { name: 'NoSuchBucket', message: 'The specified bucket does not exist', statusCode: 404, fault: 'client' };

describe('PutObject', () => {
  it('stores and answers the quoted MD5 ETag, notifying as the calling function', () => {
    const { call, s3, notices } = setup();
    const out = call('PutObject', { Bucket: 'uploads', Key: 'a.json', Body: bytes('{"n":1}'), ContentType: 'application/json', Metadata: { Source: 'test' } });
    expect(out).toStrictEqual({ ETag: '"082c26c8a6bc75226a31da5495cc9292"', ServerSideEncryption: 'AES256' });
    expect(s3.get('uploads', 'a.json')).toMatchObject({ contentType: 'application/json', metadata: { source: 'test' }, eTag: '082c26c8a6bc75226a31da5495cc9292' });
    expect(notices.map((n) => [n.eventName, n.key, n.size, n.principalId])).toEqual([['ObjectCreated:Put', 'a.json', 7, FN]]);
  });

  it('takes a string or missing Body, and keeps its own copy of the bytes', () => {
    const { call, s3 } = setup();
    call('PutObject', { Bucket: 'uploads', Key: 's', Body: 'hello world' });
    call('PutObject', { Bucket: 'uploads', Key: 'e' });
    expect(s3.get('uploads', 's')?.eTag).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
    expect(s3.get('uploads', 'e')?.eTag).toBe('d41d8cd98f00b204e9800998ecf8427e');
    const body = bytes('abc');
    call('PutObject', { Bucket: 'uploads', Key: 'm', Body: body });
    body[0] = 0x7a;
    expect(text(s3.get('uploads', 'm')?.body)).toBe('abc');
  });

  it('fails on a missing bucket, or a missing Bucket or Key', () => {
    const { call } = setup();
    expect(error(() => call('PutObject', { Bucket: 'nope', Key: 'k', Body: bytes('x') }))).toStrictEqual(NO_SUCH_BUCKET);
    expect(error(() => call('PutObject', { Bucket: 'uploads', Body: bytes('x') })).message).toBe('No value provided for input HTTP label: Key.');
    expect(error(() => call('PutObject', { Key: 'k' })).message).toBe('No value provided for input HTTP label: Bucket.');
  });
});

describe('GetObject and HeadObject', () => {
  it('returns the object with its headers (LastModified in epoch ms)', () => {
    const { call, clock } = setup();
    clock.advance(2500);
    call('PutObject', { Bucket: 'uploads', Key: 'hello.txt', Body: bytes('hello world'), ContentType: 'text/plain', Metadata: { a: '1' } });
    const out = call('GetObject', { Bucket: 'uploads', Key: 'hello.txt' });
    expect(out).toStrictEqual({
      AcceptRanges: 'bytes', LastModified: T0 + 2500, ContentLength: 11, ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"', ContentType: 'text/plain',
      ServerSideEncryption: 'AES256', Metadata: { a: '1' }, Body: bytes('hello world'),
    });
    const { Body: _, ...head } = out;
    expect(call('HeadObject', { Bucket: 'uploads', Key: 'hello.txt' })).toStrictEqual(head);
  });

  it('hands out a copy of the body', () => {
    const { call, s3 } = setup();
    call('PutObject', { Bucket: 'uploads', Key: 'k', Body: bytes('abc') });
    (call('GetObject', { Bucket: 'uploads', Key: 'k' }).Body as Uint8Array)[0] = 0x7a;
    expect(text(s3.get('uploads', 'k')?.body)).toBe('abc');
  });

  it('answers a byte range with ContentRange', () => {
    const { call } = setup();
    call('PutObject', { Bucket: 'uploads', Key: 'd', Body: bytes('0123456789') });
    const out = call('GetObject', { Bucket: 'uploads', Key: 'd', Range: 'bytes=2-5' });
    expect([text(out.Body), out.ContentLength, out.ContentRange, out.ETag]).toEqual(['2345', 4, 'bytes 2-5/10', '"781e5e245d69b566979b86e28d23f2c7"']);
    expect(text(call('GetObject', { Bucket: 'uploads', Key: 'd', Range: 'bytes=-3' }).Body)).toBe('789');
    expect(text(call('GetObject', { Bucket: 'uploads', Key: 'd', Range: 'bytes=7-' }).Body)).toBe('789');
    expect(text(call('GetObject', { Bucket: 'uploads', Key: 'd', Range: 'bytes=8-100' }).Body)).toBe('89');
    expect(error(() => call('GetObject', { Bucket: 'uploads', Key: 'd', Range: 'bytes=10-' }))).toStrictEqual({
      name: 'InvalidRange', message: 'The requested range is not satisfiable', statusCode: 416, fault: 'client',
    });
  });

  it('reads ranges as S3 does', () => {
    expect(byteRange('bytes=0-0', 5)).toEqual([0, 0]);
    expect(byteRange('bytes=-10', 5)).toEqual([0, 4]);
    expect(byteRange('bytes=3-1', 5)).toBeNull();
    expect(byteRange('items=0-1', 5)).toBeNull();
    expect(byteRange('bytes=0-1,3-4', 5)).toBeNull();
  });

  it('fails as S3 does: NoSuchKey for GET, NotFound for HEAD (no body to name it)', () => {
    const { call } = setup();
    expect(error(() => call('GetObject', { Bucket: 'uploads', Key: 'missing' }))).toStrictEqual({
      name: 'NoSuchKey', message: 'The specified key does not exist.', statusCode: 404, fault: 'client',
    });
    expect(error(() => call('GetObject', { Bucket: 'nope', Key: 'k' }))).toStrictEqual(NO_SUCH_BUCKET);
    expect(error(() => call('HeadObject', { Bucket: 'uploads', Key: 'missing' }))).toStrictEqual({ name: 'NotFound', message: 'UnknownError', statusCode: 404, fault: 'client' });
    expect(error(() => call('HeadObject', { Bucket: 'nope', Key: 'k' })).name).toBe('NotFound');
  });
});

describe('DeleteObject and DeleteObjects', () => {
  it('deletes idempotently, notifying only what existed', () => {
    const { call, s3, notices } = setup();
    call('PutObject', { Bucket: 'uploads', Key: 'k', Body: bytes('x') });
    expect(call('DeleteObject', { Bucket: 'uploads', Key: 'k' })).toStrictEqual({});
    expect(call('DeleteObject', { Bucket: 'uploads', Key: 'k' })).toStrictEqual({});
    expect(s3.get('uploads', 'k')).toBeUndefined();
    expect(notices.map((n) => [n.eventName, n.principalId])).toEqual([['ObjectCreated:Put', FN], ['ObjectRemoved:Delete', FN]]);
    expect(error(() => call('DeleteObject', { Bucket: 'nope', Key: 'k' }))).toStrictEqual(NO_SUCH_BUCKET);
  });

  it('deletes a batch, reporting every key (or nothing when Quiet)', () => {
    const { call, s3, notices } = setup();
    for (const k of ['a', 'b', 'c']) call('PutObject', { Bucket: 'uploads', Key: k, Body: bytes(k) });
    notices.length = 0;
    expect(call('DeleteObjects', { Bucket: 'uploads', Delete: { Objects: [{ Key: 'a' }, { Key: 'zzz' }] } })).toStrictEqual({ Deleted: [{ Key: 'a' }, { Key: 'zzz' }] });
    expect(call('DeleteObjects', { Bucket: 'uploads', Delete: { Objects: [{ Key: 'b' }], Quiet: true } })).toStrictEqual({});
    expect(notices.map((n) => n.key)).toEqual(['a', 'b']);
    expect(s3.views()[0].objects.map((o) => o.key)).toEqual(['c']);
    expect(error(() => call('DeleteObjects', { Bucket: 'uploads', Delete: { Objects: [] } })).name).toBe('MalformedXML');
  });
});

describe('CopyObject', () => {
  it('copies across buckets with metadata, from a URL-encoded source, as ObjectCreated:Copy', () => {
    const { call, s3, notices, clock } = setup();
    call('PutObject', { Bucket: 'uploads', Key: 'my photo.jpg', Body: bytes('img'), ContentType: 'image/jpeg', Metadata: { by: 'ann' } });
    clock.advance(1000);
    const out = call('CopyObject', { Bucket: 'archive', Key: '2026/photo.jpg', CopySource: 'uploads/my%20photo.jpg' });
    expect(out).toStrictEqual({ ServerSideEncryption: 'AES256', CopyObjectResult: { ETag: `"${s3.get('uploads', 'my photo.jpg')?.eTag}"`, LastModified: T0 + 1000 } });
    expect(s3.get('archive', '2026/photo.jpg')).toMatchObject({ contentType: 'image/jpeg', metadata: { by: 'ann' }, body: bytes('img') });
    expect(notices.at(-1)).toMatchObject({ bucket: 'archive', eventName: 'ObjectCreated:Copy', key: '2026/photo.jpg', size: 3, principalId: FN });
    call('CopyObject', { Bucket: 'archive', Key: 'b', CopySource: '/uploads/my%20photo.jpg?versionId=null' });
    expect(s3.get('archive', 'b')?.body).toEqual(bytes('img'));
  });

  it('replaces metadata with MetadataDirective REPLACE, which also allows copying onto itself', () => {
    const { call, s3 } = setup();
    call('PutObject', { Bucket: 'uploads', Key: 'k', Body: bytes('x'), ContentType: 'text/plain', Metadata: { a: '1' } });
    expect(error(() => call('CopyObject', { Bucket: 'uploads', Key: 'k', CopySource: 'uploads/k' }))).toMatchObject({ name: 'InvalidRequest', statusCode: 400 });
    call('CopyObject', { Bucket: 'uploads', Key: 'k', CopySource: 'uploads/k', MetadataDirective: 'REPLACE', ContentType: 'text/csv', Metadata: { b: '2' } });
    expect(s3.get('uploads', 'k')).toMatchObject({ contentType: 'text/csv', metadata: { b: '2' } });
  });

  it('fails on a missing source key or bucket', () => {
    const { call } = setup();
    expect(error(() => call('CopyObject', { Bucket: 'archive', Key: 'x', CopySource: 'uploads/missing' })).name).toBe('NoSuchKey');
    expect(error(() => call('CopyObject', { Bucket: 'archive', Key: 'x', CopySource: 'nope/k' }))).toStrictEqual(NO_SUCH_BUCKET);
    expect(error(() => call('CopyObject', { Bucket: 'archive', Key: 'x', CopySource: 'uploads' })).name).toBe('InvalidArgument');
  });
});

describe('ListBuckets, HeadBucket and the rest', () => {
  it('lists the deployed buckets by name with their creation dates', () => {
    const { call, s3, clock } = setup();
    clock.advance(60_000);
    s3.deploy(['uploads', 'archive', 'new']);
    const out = call('ListBuckets', {});
    expect(out.Buckets).toStrictEqual([
      { Name: 'archive', CreationDate: T0 },
      { Name: 'new', CreationDate: T0 + 60_000 },
      { Name: 'uploads', CreationDate: T0 },
    ]);
    expect((out.Owner as { ID: string }).ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers HeadBucket, and NotFound for a missing bucket', () => {
    const { call } = setup();
    expect(call('HeadBucket', { Bucket: 'uploads' })).toStrictEqual({ BucketRegion: 'eu-west-1' });
    expect(error(() => call('HeadBucket', { Bucket: 'nope' }))).toStrictEqual({ name: 'NotFound', message: 'UnknownError', statusCode: 404, fault: 'client' });
  });

  it('names an operation it does not simulate', () => {
    const { call } = setup();
    expect(error(() => call('PutBucketPolicy', { Bucket: 'uploads' }))).toStrictEqual({
      name: 'NotImplemented', message: 'S3 PutBucketPolicy is not simulated yet in the playground', statusCode: 501, fault: 'server',
    });
  });
});
