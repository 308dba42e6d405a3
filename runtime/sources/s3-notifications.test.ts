import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { FunctionDef, FunctionEventDef, Project, S3EventDef } from '../project/types';
import { BucketService } from '../services/bucket-service';
import type { InvokeOutcome } from '../engines/engine';
import { BucketNotifications, configurationId, notificationMatches, ownerPrincipalId } from './s3-notifications';
import type { SourceHost } from './types';

function s3(bucket: string, event: string, filter: { prefix?: string; suffix?: string } = {}): S3EventDef {
  return { kind: 's3', bucket, event, ...filter, existing: false, line: 1 };
}

function project(functions: Record<string, FunctionEventDef[]>): Project {
  const fns: Record<string, FunctionDef> = {};
  for (const [name, events] of Object.entries(functions)) {
    fns[name] = {
      name, handler: `handler.${name}`, handlerModule: 'handler', handlerExport: name, runtime: 'nodejs20.x',
      timeout: 6, memorySize: 1024, environment: {}, events, line: 1,
    };
  }
  return {
    service: 'shop',
    provider: { name: 'aws', runtime: 'nodejs20.x', region: 'us-east-1', stage: 'dev', timeout: 6, memorySize: 1024, environment: {}, httpApi: { cors: null } },
    functions: fns,
    resources: { buckets: [], queues: [], topics: [], buses: [], tables: [] },
    playground: { engine: null, engineLine: 1 },
  };
}

function fakeHost(clock = new VirtualClock()) {
  const invoked: Array<{ fn: string; event: S3Event }> = [];
  const host: SourceHost = {
    clock,
    account: '123456789012',
    region: () => 'us-east-1',
    invokeAsync: async (fn, event) => {
      invoked.push({ fn, event: event as S3Event });
    },
    invoke: async () => ({}) as InvokeOutcome,
    log: () => {},
    changed: () => {},
    cause: () => null,
  };
  return { host, invoked, clock };
}

/** Buckets wired to notifications as the platform wires them. */
function setup(functions: Record<string, FunctionEventDef[]>, buckets = ['uploads']) {
  const { host, invoked, clock } = fakeHost();
  const notifications = new BucketNotifications(host);
  notifications.deploy(project(functions));
  const service = new BucketService({ clock, region: () => 'us-east-1', account: '123456789012' }, (n) => notifications.notify(n));
  service.deploy(buckets);
  return { service, notifications, invoked, clock };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('notificationMatches', () => {
  const created = { eventName: 'ObjectCreated:Put', key: 'images/cat.jpg' };
  it('matches event types with wildcards', () => {
    expect(notificationMatches(s3('b', 's3:ObjectCreated:*'), created)).toBe(true);
    expect(notificationMatches(s3('b', 's3:ObjectCreated:*'), { ...created, eventName: 'ObjectCreated:Copy' })).toBe(true);
    expect(notificationMatches(s3('b', 's3:ObjectCreated:Put'), created)).toBe(true);
    expect(notificationMatches(s3('b', 's3:ObjectCreated:Copy'), created)).toBe(false);
    expect(notificationMatches(s3('b', 's3:ObjectCreated:*'), { ...created, eventName: 'ObjectRemoved:Delete' })).toBe(false);
    expect(notificationMatches(s3('b', 's3:ObjectRemoved:*'), { ...created, eventName: 'ObjectRemoved:Delete' })).toBe(true);
    expect(notificationMatches(s3('b', 's3:ObjectRemoved:*'), created)).toBe(false);
  });

  it('filters keys by prefix and suffix, on the key as stored', () => {
    const ev = 's3:ObjectCreated:*';
    expect(notificationMatches(s3('b', ev, { prefix: 'images/' }), created)).toBe(true);
    expect(notificationMatches(s3('b', ev, { prefix: 'docs/' }), created)).toBe(false);
    expect(notificationMatches(s3('b', ev, { suffix: '.jpg' }), created)).toBe(true);
    expect(notificationMatches(s3('b', ev, { suffix: '.png' }), created)).toBe(false);
    expect(notificationMatches(s3('b', ev, { prefix: 'images/', suffix: '.jpg' }), created)).toBe(true);
    expect(notificationMatches(s3('b', ev, { prefix: 'images/', suffix: '.png' }), created)).toBe(false);
    expect(notificationMatches(s3('b', ev, { prefix: 'my photo' }), { ...created, key: 'my photo.jpg' })).toBe(true);
  });
});

describe('BucketNotifications', () => {
  it('invokes the bucket\'s function with an S3 event of one record for an upload', () => {
    const { service, invoked, clock } = setup({ resize: [s3('uploads', 's3:ObjectCreated:*')] });
    clock.advance(5_000);
    service.put('uploads', 'my photo.jpg', bytes('hello'), { contentType: 'image/jpeg', principalId: 'AWS:AIDAPLAYGROUNDCONSOLE' });
    expect(invoked.map((i) => i.fn)).toEqual(['resize']);
    const r = invoked[0].event.Records[0];
    expect(invoked[0].event.Records).toHaveLength(1);
    expect(r.eventName).toBe('ObjectCreated:Put');
    expect(r.eventTime).toBe('2026-01-01T00:00:05.000Z');
    expect(r.awsRegion).toBe('us-east-1');
    expect(r.userIdentity.principalId).toBe('AWS:AIDAPLAYGROUNDCONSOLE');
    expect(r.s3.object).toStrictEqual({ key: 'my+photo.jpg', size: 5, eTag: '5d41402abc4b2a76b9719d911017c592', sequencer: r.s3.object.sequencer });
    expect(r.s3.object.sequencer).toMatch(/^[0-9A-F]{18}$/);
    expect(r.s3.bucket).toStrictEqual({ name: 'uploads', ownerIdentity: { principalId: ownerPrincipalId('123456789012') }, arn: 'arn:aws:s3:::uploads' });
    expect(r.s3.configurationId).toBe(configurationId('uploads', 'resize', 0));
  });

  it('invokes once per matching function, and only those whose filters match', () => {
    const { service, invoked } = setup({
      images: [s3('uploads', 's3:ObjectCreated:*', { prefix: 'images/' })],
      jpegs: [s3('uploads', 's3:ObjectCreated:Put', { suffix: '.jpg' }), s3('uploads', 's3:ObjectCreated:*', { prefix: 'images/' })],
      docs: [s3('uploads', 's3:ObjectCreated:*', { prefix: 'docs/' })],
      cleanup: [s3('uploads', 's3:ObjectRemoved:*')],
      other: [s3('archive', 's3:ObjectCreated:*')],
    }, ['uploads', 'archive']);
    service.put('uploads', 'images/cat.jpg', bytes('x'));
    expect(invoked.map((i) => i.fn)).toEqual(['images', 'jpegs']);
  });

  it('sends a removal to ObjectRemoved:* and not to ObjectCreated:*', () => {
    const { service, invoked } = setup({ created: [s3('uploads', 's3:ObjectCreated:*')], removed: [s3('uploads', 's3:ObjectRemoved:*')] });
    service.put('uploads', 'a.txt', bytes('x'));
    invoked.length = 0;
    service.delete('uploads', 'a.txt');
    expect(invoked.map((i) => [i.fn, i.event.Records[0].eventName])).toEqual([['removed', 'ObjectRemoved:Delete']]);
    service.delete('uploads', 'a.txt');
    expect(invoked).toHaveLength(1);
  });

  it('sends CopyObject as ObjectCreated:Copy, which :* and :Copy match but :Put does not', () => {
    const { service, invoked } = setup({ any: [s3('uploads', 's3:ObjectCreated:*')], puts: [s3('uploads', 's3:ObjectCreated:Put')], copies: [s3('uploads', 's3:ObjectCreated:Copy')] });
    service.put('uploads', 'a.txt', bytes('x'));
    invoked.length = 0;
    service.handle('CopyObject', { Bucket: 'uploads', Key: 'b.txt', CopySource: 'uploads/a.txt' }, 'AWS:AROAPLAYGROUNDROLE:fn');
    expect(invoked.map((i) => [i.fn, i.event.Records[0].eventName, i.event.Records[0].userIdentity.principalId])).toEqual([
      ['any', 'ObjectCreated:Copy', 'AWS:AROAPLAYGROUNDROLE:fn'],
      ['copies', 'ObjectCreated:Copy', 'AWS:AROAPLAYGROUNDROLE:fn'],
    ]);
  });

  it('gives each change of a key a greater sequencer, even at the same instant', () => {
    const { service, invoked, clock } = setup({ f: [s3('uploads', 's3:ObjectCreated:*'), s3('uploads', 's3:ObjectRemoved:*')] });
    service.put('uploads', 'k', bytes('1'));
    service.put('uploads', 'k', bytes('2'));
    service.delete('uploads', 'k');
    clock.advance(1);
    service.put('uploads', 'k', bytes('3'));
    const seqs = invoked.map((i) => i.event.Records[0].s3.object.sequencer);
    expect(seqs).toHaveLength(4);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i] > seqs[i - 1], `${seqs[i]} > ${seqs[i - 1]}`).toBe(true);
  });

  it('lists each bucket\'s targets once, in manifest order, and forgets them on redeploy', () => {
    const { host } = fakeHost();
    const n = new BucketNotifications(host);
    n.deploy(project({ a: [s3('uploads', 's3:ObjectCreated:*'), s3('uploads', 's3:ObjectRemoved:*')], b: [s3('uploads', 's3:ObjectCreated:Put')] }));
    expect(n.targets('uploads')).toEqual(['a', 'b']);
    expect(n.targets('nothing')).toEqual([]);
    n.deploy(project({ b: [s3('uploads', 's3:ObjectCreated:Put')] }));
    expect(n.targets('uploads')).toEqual(['b']);
  });

  it('logs a failed delivery instead of rejecting', async () => {
    const { host } = fakeHost();
    const lines: string[] = [];
    host.invokeAsync = () => Promise.reject(new Error('engine gone'));
    host.log = (fn, level, text) => lines.push(`${fn} ${level} ${text}`);
    const n = new BucketNotifications(host);
    n.deploy(project({ f: [s3('uploads', 's3:ObjectCreated:*')] }));
    n.notify({ bucket: 'uploads', eventName: 'ObjectCreated:Put', key: 'k', size: 1, eTag: 'e', sequencer: '0', time: 0, principalId: 'p' });
    await Promise.resolve();
    await Promise.resolve();
    expect(lines).toEqual(['f error S3 notification from bucket uploads failed: engine gone']);
  });

  it('names configurations and the owner stably', () => {
    expect(configurationId('uploads', 'resize', 0)).toBe(configurationId('uploads', 'resize', 0));
    expect(configurationId('uploads', 'resize', 0)).not.toBe(configurationId('uploads', 'resize', 1));
    expect(atob(configurationId('uploads', 'resize', 0))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ownerPrincipalId('123456789012')).toMatch(/^A[0-9A-Z]{13}$/);
  });
});
