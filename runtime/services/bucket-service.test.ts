import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { AwsError } from './aws-error';
import { BucketService } from './bucket-service';
import type { ObjectNotice, StoredObject } from './types';

const bytes = (s: string) => new TextEncoder().encode(s);

function setup(buckets = ['uploads']) {
  const clock = new VirtualClock();
  const notices: ObjectNotice[] = [];
  const s3 = new BucketService({ clock, region: () => 'us-east-1', account: '123456789012' }, (n) => notices.push(n));
  s3.deploy(buckets);
  return { s3, notices, clock };
}

function thrown(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('did not throw');
}

describe('BucketService', () => {
  it('stores an upload and notifies ObjectCreated:Put with its size, MD5 eTag and principal', () => {
    const { s3, notices, clock } = setup();
    clock.advance(1000);
    const o = s3.put('uploads', 'docs/a.txt', bytes('hello'), { contentType: 'text/plain', metadata: { Owner: 'Ann' }, principalId: 'AWS:AIDAX' });
    expect(o).toStrictEqual({
      key: 'docs/a.txt', body: bytes('hello'), contentType: 'text/plain', lastModified: Date.UTC(2026, 0, 1, 0, 0, 1),
      eTag: '5d41402abc4b2a76b9719d911017c592', metadata: { owner: 'Ann' },
    });
    expect(s3.get('uploads', 'docs/a.txt')).toBe(o);
    expect(notices).toStrictEqual([{
      bucket: 'uploads', eventName: 'ObjectCreated:Put', key: 'docs/a.txt', size: 5, eTag: '5d41402abc4b2a76b9719d911017c592',
      sequencer: notices[0].sequencer, time: Date.UTC(2026, 0, 1, 0, 0, 1), principalId: 'AWS:AIDAX',
    }]);
  });

  it('defaults the content type as S3 does, and the principal to the console', () => {
    const { s3, notices } = setup();
    expect(s3.put('uploads', 'k', bytes('')).contentType).toBe('binary/octet-stream');
    expect(notices[0].principalId).toBe('AWS:AIDAPLAYGROUNDCONSOLE');
  });

  it('refuses a bucket that is not deployed with NoSuchBucket 404', () => {
    const { s3 } = setup();
    const err = thrown(() => s3.put('nope', 'k', bytes('x')));
    expect(err.info).toStrictEqual({ name: 'NoSuchBucket', message: 'The specified bucket does not exist', statusCode: 404, fault: 'client' });
    expect(thrown(() => s3.delete('nope', 'k')).code).toBe('NoSuchBucket');
    expect(s3.get('nope', 'k')).toBeUndefined();
  });

  it('refuses empty keys and keys over 1,024 UTF-8 bytes', () => {
    const { s3 } = setup();
    expect(thrown(() => s3.put('uploads', '', bytes('x'))).code).toBe('InvalidArgument');
    expect(thrown(() => s3.put('uploads', 'é'.repeat(513), bytes('x'))).info).toMatchObject({ name: 'KeyTooLongError', message: 'Your key is too long', statusCode: 400 });
    expect(s3.put('uploads', 'a'.repeat(1024), bytes('x')).key).toHaveLength(1024);
  });

  it('notifies a delete only when the object existed', () => {
    const { s3, notices } = setup();
    s3.put('uploads', 'a', bytes('x'));
    s3.delete('uploads', 'a', 'AWS:AIDAX');
    s3.delete('uploads', 'a');
    expect(notices.map((n) => [n.eventName, n.size, n.eTag, n.principalId])).toEqual([
      ['ObjectCreated:Put', 1, '9dd4e461268c8034f5c8564e155c67a6', 'AWS:AIDAPLAYGROUNDCONSOLE'],
      ['ObjectRemoved:Delete', 0, undefined, 'AWS:AIDAX'],
    ]);
    expect(s3.get('uploads', 'a')).toBeUndefined();
  });

  it('deploys: new buckets empty, kept ones keep objects, undeclared ones undeployed with their objects kept', () => {
    const { s3, notices } = setup(['a', 'b', 'empty']);
    s3.put('a', 'k', bytes('1'));
    s3.put('b', 'k', bytes('2'));
    s3.deploy(['a', 'c']); // 'b' renamed by mistake, 'empty' removed
    expect(s3.has('a') && s3.has('c')).toBe(true);
    expect(s3.has('b')).toBe(false);
    expect(s3.get('b', 'k')).toBeUndefined();
    expect(thrown(() => s3.put('b', 'k2', bytes('x'))).code).toBe('NoSuchBucket');
    expect(s3.get('a', 'k')?.body).toEqual(bytes('1'));
    expect(Object.keys(s3.snapshot()).sort()).toEqual(['a', 'b', 'c']); // persisted while undeployed
    const before = notices.length;
    s3.deploy(['a', 'b']); // the typo fixed: the objects are back, without notifications
    expect(s3.get('b', 'k')?.body).toEqual(bytes('2'));
    expect(notices).toHaveLength(before);
    s3.deploy(['a']);
    s3.clear(); // Clear data drops kept objects of undeployed buckets too
    s3.deploy(['a', 'b']);
    expect(s3.get('b', 'k')).toBeUndefined();
  });

  it('shows buckets with objects sorted by key, counts and bytes', () => {
    const { s3 } = setup(['uploads', 'empty']);
    s3.put('uploads', 'b.txt', bytes('bb'), { contentType: 'text/plain' });
    s3.put('uploads', 'a.txt', bytes('a'), { contentType: 'text/plain' });
    const views = s3.views();
    expect(views).toStrictEqual([
      {
        name: 'uploads', arn: 'arn:aws:s3:::uploads', objectCount: 2, totalBytes: 3,
        objects: [
          { key: 'a.txt', size: 1, lastModified: Date.UTC(2026, 0, 1), contentType: 'text/plain', eTag: '0cc175b9c0f1b6a831c399e269772661' },
          { key: 'b.txt', size: 2, lastModified: Date.UTC(2026, 0, 1), contentType: 'text/plain', eTag: '21ad0bd836b90d08f4cf640b4c298e7c' },
        ],
      },
      { name: 'empty', arn: 'arn:aws:s3:::empty', objectCount: 0, totalBytes: 0, objects: [] },
    ]);
  });

  it('caps a view at VIEW_LIMIT objects but counts them all', () => {
    const { s3 } = setup();
    for (let i = 0; i < 250; i++) s3.put('uploads', `k${String(i).padStart(3, '0')}`, bytes('x'));
    const [v] = s3.views();
    expect(v.objects).toHaveLength(200);
    expect(v.objectCount).toBe(250);
    expect(v.objects[199].key).toBe('k199');
  });

  it('restores a snapshot without notifying, including data for a bucket deployed later', () => {
    const { s3, notices } = setup(['uploads']);
    s3.put('uploads', 'a', bytes('1'));
    s3.put('uploads', 'b', bytes('22'));
    const snap = s3.snapshot();
    expect(Object.keys(snap)).toEqual(['uploads']);
    expect(snap.uploads.map((o) => o.key)).toEqual(['a', 'b']);

    const later: StoredObject = { key: 'old.txt', body: bytes('old'), contentType: 'text/plain', lastModified: 5, eTag: 'x', metadata: {} };
    const fresh = setup([]);
    fresh.s3.restore({ ...snap, archive: [later] });
    expect(fresh.notices).toEqual([]);
    expect(fresh.s3.snapshot().archive).toEqual([later]);
    fresh.s3.deploy(['uploads', 'archive']);
    expect(fresh.s3.get('uploads', 'b')?.body).toEqual(bytes('22'));
    expect(fresh.s3.get('archive', 'old.txt')).toEqual(later);
    expect(fresh.s3.views().map((v) => [v.name, v.objectCount])).toEqual([['uploads', 2], ['archive', 1]]);
    expect(fresh.notices).toEqual([]);
    expect(notices).toHaveLength(2);
  });

  it('restores into a deployed bucket, skipping malformed entries', () => {
    const { s3 } = setup();
    s3.restore({ uploads: [{ key: 'ok', body: bytes('1'), contentType: 't', lastModified: 1, eTag: 'e', metadata: {} }, { key: 'bad' } as unknown as StoredObject] });
    expect(s3.views()[0].objects.map((o) => o.key)).toEqual(['ok']);
  });

  it('clears every bucket and pending data without notifying', () => {
    const { s3, notices } = setup();
    s3.put('uploads', 'a', bytes('1'));
    s3.restore({ later: [{ key: 'x', body: bytes('1'), contentType: 't', lastModified: 1, eTag: 'e', metadata: {} }] });
    s3.clear();
    expect(s3.views()[0].objectCount).toBe(0);
    expect(s3.snapshot()).toEqual({ uploads: [] });
    expect(notices).toHaveLength(1);
    expect(s3.has('uploads')).toBe(true);
  });
});
