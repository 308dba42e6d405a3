import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { AwsError } from './aws-error';
import { BucketService } from './bucket-service';
import { compareUtf8 } from './s3-list-objects';

function bucketWith(keys: string[]) {
  const s3 = new BucketService({ clock: new VirtualClock(), region: () => 'us-east-1', account: '1' }, () => {});
  s3.deploy(['b']);
  for (const k of keys) s3.put('b', k, new TextEncoder().encode(k));
  return (input: Record<string, unknown> = {}) => s3.handle('ListObjectsV2', { Bucket: 'b', ...input }, 'p');
}

const keysOf = (out: Record<string, unknown>) => ((out.Contents ?? []) as Array<{ Key: string }>).map((c) => c.Key);
const prefixesOf = (out: Record<string, unknown>) => ((out.CommonPrefixes ?? []) as Array<{ Prefix: string }>).map((c) => c.Prefix);

describe('ListObjectsV2', () => {
  it('lists every key with its details, in order', () => {
    const list = bucketWith(['b.txt', 'a.txt']);
    expect(list()).toStrictEqual({
      IsTruncated: false,
      Contents: [
        { Key: 'a.txt', LastModified: Date.UTC(2026, 0, 1), ETag: '"a5e54d1fd7bb69a228ef0dcd2431367e"', Size: 5, StorageClass: 'STANDARD' },
        { Key: 'b.txt', LastModified: Date.UTC(2026, 0, 1), ETag: '"ce506ace22f28ac2bc4f933d4cf989fd"', Size: 5, StorageClass: 'STANDARD' },
      ],
      Name: 'b', Prefix: '', MaxKeys: 1000, KeyCount: 2,
    });
  });

  it('leaves Contents out of an empty listing', () => {
    expect(bucketWith([])()).toStrictEqual({ IsTruncated: false, Name: 'b', Prefix: '', MaxKeys: 1000, KeyCount: 0 });
  });

  it('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF21 (Ａ) is below U+1F600 (😀) in UTF-8; JavaScript's default sort puts the emoji's surrogates first.
    const keys = ['😀', 'Ａ', 'a', 'Z', 'é'];
    expect(keysOf(bucketWith(keys)())).toEqual(['Z', 'a', 'é', 'Ａ', '😀']);
    expect(['😀', 'Ａ'].sort()).toEqual(['😀', 'Ａ']);
    expect(compareUtf8('Ａ', '😀')).toBeLessThan(0);
    expect(compareUtf8('ab', 'a')).toBeGreaterThan(0);
  });

  it('filters by Prefix and rolls keys up to the Delimiter', () => {
    const list = bucketWith(['photos/2025/a.jpg', 'photos/2026/b.jpg', 'photos/2026/c.jpg', 'photos/index.html', 'readme.md', 'videos/x.mp4']);
    const top = list({ Delimiter: '/' });
    expect(keysOf(top)).toEqual(['readme.md']);
    expect(prefixesOf(top)).toEqual(['photos/', 'videos/']);
    expect(top).toMatchObject({ Delimiter: '/', KeyCount: 3, Prefix: '' });
    const photos = list({ Prefix: 'photos/', Delimiter: '/' });
    expect(keysOf(photos)).toEqual(['photos/index.html']);
    expect(prefixesOf(photos)).toEqual(['photos/2025/', 'photos/2026/']);
    expect(photos.Prefix).toBe('photos/');
    expect(keysOf(list({ Prefix: 'photos/2026/' }))).toEqual(['photos/2026/b.jpg', 'photos/2026/c.jpg']);
    expect(list({ Prefix: 'nothing/' })).not.toHaveProperty('Contents');
  });

  it('pages with MaxKeys and ContinuationToken until every key is seen once', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const list = bucketWith(keys);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = list({ MaxKeys: 10, ...(token ? { ContinuationToken: token } : {}) });
      pages++;
      seen.push(...keysOf(out));
      expect(out.KeyCount).toBe(pages < 3 ? 10 : 5);
      expect(out.IsTruncated).toBe(pages < 3);
      if (token) expect(out.ContinuationToken).toBe(token);
      token = out.NextContinuationToken as string | undefined;
      expect(token === undefined).toBe(pages === 3);
    } while (token);
    expect(seen).toEqual(keys);
  });

  it('counts common prefixes toward MaxKeys and does not repeat them on the next page', () => {
    const list = bucketWith(['a/1', 'a/2', 'b/1', 'b/2', 'c', 'd/1']);
    const first = list({ Delimiter: '/', MaxKeys: 2 });
    expect(prefixesOf(first)).toEqual(['a/', 'b/']);
    expect(first.IsTruncated).toBe(true);
    const second = list({ Delimiter: '/', MaxKeys: 2, ContinuationToken: first.NextContinuationToken });
    expect(keysOf(second)).toEqual(['c']);
    expect(prefixesOf(second)).toEqual(['d/']);
    expect(second.IsTruncated).toBe(false);
    const oneAtATime = list({ Delimiter: '/', MaxKeys: 1 });
    const next = list({ Delimiter: '/', MaxKeys: 1, ContinuationToken: oneAtATime.NextContinuationToken });
    expect(prefixesOf(next)).toEqual(['b/']);
  });

  it('starts after StartAfter and echoes it', () => {
    const out = bucketWith(['a', 'b', 'c'])({ StartAfter: 'a' });
    expect(keysOf(out)).toEqual(['b', 'c']);
    expect(out.StartAfter).toBe('a');
  });

  it('caps MaxKeys at 1,000', () => {
    const list = bucketWith(Array.from({ length: 1001 }, (_, i) => `k${String(i).padStart(4, '0')}`));
    const out = list({ MaxKeys: 5000 });
    expect(out.KeyCount).toBe(1000);
    expect(out.MaxKeys).toBe(1000);
    expect(keysOf(list({ ContinuationToken: out.NextContinuationToken }))).toEqual(['k1000']);
  });

  it('refuses a token it did not give out, and a missing bucket', () => {
    const list = bucketWith(['a']);
    try {
      list({ ContinuationToken: '%%%' });
      expect.unreachable();
    } catch (err) {
      expect((err as AwsError).info).toStrictEqual({ name: 'InvalidArgument', message: 'The continuation token provided is incorrect', statusCode: 400, fault: 'client' });
    }
    const s3 = new BucketService({ clock: new VirtualClock(), region: () => 'us-east-1', account: '1' }, () => {});
    expect(() => s3.handle('ListObjectsV2', { Bucket: 'nope' }, 'p')).toThrow('The specified bucket does not exist');
  });
});
