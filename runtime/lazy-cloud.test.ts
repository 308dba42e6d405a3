import { describe, expect, it } from 'vitest';
import { LazyCloud } from './lazy-cloud';
import { VirtualClock } from './clock';
import { parseManifest } from './project/manifest';
import type { CloudHost } from './cloud';
import type { Project } from './project/types';

const host = (): CloudHost => ({
  clock: new VirtualClock(),
  account: '123456789012',
  region: () => 'us-east-1',
  invokeAsync: async () => {},
  invoke: async () => ({ ok: true, result: null, durationMs: 0 }),
  log: () => {},
  changed: () => {},
  redriven: () => {},
  resourcesChanged: () => {},
  called: () => {},
});

const project = (functions: string, resources = ''): Project => {
  const r = parseManifest(`service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n${functions}${resources}`);
  if (!r.project) throw new Error(JSON.stringify(r.diagnostics));
  return r.project;
};

const httpOnly = project(`  f:\n    handler: h.f\n    events:\n      - httpApi: 'GET /'\n`);
const withBucket = project(`  f:\n    handler: h.f\n    events:\n      - s3: photos\n`);

describe('LazyCloud', () => {
  it('is needed only by versions with event sources or resources', () => {
    expect(LazyCloud.needed(httpOnly)).toBe(false);
    expect(LazyCloud.needed(withBucket)).toBe(true);
    expect(LazyCloud.needed(project(`  f:\n    handler: h.f\n`, `resources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n`))).toBe(true);
  });

  it('keeps a snapshot restored before loading (a save reads it back), and applies it on load', async () => {
    const cloud = new LazyCloud(host());
    const snapshot = { v: 1 as const, buckets: { photos: [{ key: 'a.txt', body: new Uint8Array([104, 105]), contentType: 'text/plain', lastModified: 0, eTag: 'x', metadata: {} }] }, tables: {} };
    cloud.data.restore(snapshot);
    expect(cloud.data.snapshot()).toBe(snapshot);
    expect(cloud.sources()).toEqual([]);
    cloud.deploy(withBucket);
    await cloud.load();
    expect(cloud.resources().buckets.map((b) => [b.name, b.objectCount])).toEqual([['photos', 1]]);
    expect(cloud.sources().map((s) => s.label)).toEqual(['bucket: photos']);
  });

  it('loads on the first SDK call and answers it against the serving version', async () => {
    const cloud = new LazyCloud(host());
    cloud.deploy(httpOnly);
    expect(cloud.loaded).toBe(false);
    const reply = await cloud.call({ service: 's3', operation: 'GetObject', input: { Bucket: 'nope', Key: 'k' } }, { functionName: 'f', requestId: null });
    expect(cloud.loaded).toBe(true);
    expect(reply).toMatchObject({ ok: false, error: { name: 'NoSuchBucket', statusCode: 404 } });
  });
});
