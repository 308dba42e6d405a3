import { describe, expect, it, vi } from 'vitest';
import type { ResourceSourceInfo, ScheduleSourceInfo } from '@/runtime/sources/types';
import { createWorkbenchStore } from './create-workbench-store';
import { keyText, uploadDetail } from './events-slice';
import { fakePlatform, T0 } from './fake-platform';

const HELLO_SOURCE: ScheduleSourceInfo = {
  id: 'schedule:hello:0', kind: 'schedule', label: 'schedule: hello', functionName: 'hello', targets: ['hello'],
  expression: 'rate(5 minutes)', enabled: true, nextFireAt: T0 + 300_000, defaultPayload: '{}',
};

describe('events slice', () => {
  it('reads sources and the clock on attach and follows sources events, ignoring an unchanged list', () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    expect(store.getState().sources).toEqual([HELLO_SOURCE]);
    expect(store.getState().clock).toEqual({ mode: 'real', now: T0 });
    const before = store.getState().sources;
    store.getState().handleEventsEvent({ type: 'sources', sources: [{ ...HELLO_SOURCE }] });
    expect(store.getState().sources).toBe(before);
    const moved = { ...HELLO_SOURCE, nextFireAt: T0 + 600_000 };
    store.getState().handleEventsEvent({ type: 'sources', sources: [moved] });
    expect(store.getState().sources).toEqual([moved]);
    store.getState().handleEventsEvent({ type: 'sources', sources: [] });
    expect(store.getState().sources).toEqual([]);
  });

  it('fires with the default payload, or the edited one, and records the clock time', async () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('schedule:hello:0', '{}');
    expect(store.getState().fireStatus[HELLO_SOURCE.id]).toEqual({ kind: 'fired', at: T0 });
    store.getState().setPayload(HELLO_SOURCE.id, '{"job":"nightly"}');
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('schedule:hello:0', '{"job":"nightly"}');
    store.getState().setPayload(HELLO_SOURCE.id, '  ');
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('schedule:hello:0', undefined);
  });

  it('refuses a payload that is not JSON without firing', async () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    store.getState().setPayload(HELLO_SOURCE.id, '{ nope');
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).not.toHaveBeenCalled();
    const status = store.getState().fireStatus[HELLO_SOURCE.id];
    expect(status?.kind === 'error' && status.message).toMatch(/^The payload is not valid JSON: /);
  });

  it('pauses and resumes the platform clock', () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    store.getState().attachPlatform(fake.platform);
    store.getState().pauseClock();
    expect(fake.platform.clock.pause).toHaveBeenCalledTimes(1);
    expect(store.getState().clock).toEqual({ mode: 'paused', now: T0 });
    store.getState().resumeClock();
    expect(store.getState().clock).toEqual({ mode: 'real', now: T0 });
  });

  it('fast-forwards once at a time, holds sources events until it ends, then shows the count', async () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    const renders = vi.fn();
    store.subscribe(renders);
    const done = store.getState().fastForwardBy(3_600_000);
    void store.getState().fastForwardBy(3_600_000);
    expect(fake.platform.clock.fastForward).toHaveBeenCalledTimes(1);
    expect(store.getState().fastForward).toEqual({ kind: 'running', ms: 3_600_000 });
    for (let i = 1; i <= 12; i++) {
      store.getState().handleEventsEvent({ type: 'sources', sources: [{ ...HELLO_SOURCE, nextFireAt: T0 + (i + 1) * 300_000 }] });
    }
    expect(store.getState().sources).toEqual([HELLO_SOURCE]);
    fake.finishForward(12);
    await done;
    expect(store.getState().fastForward).toEqual({ kind: 'done', ms: 3_600_000, fired: 12 });
    expect(store.getState().sources).toEqual([{ ...HELLO_SOURCE, nextFireAt: T0 + 13 * 300_000 }]);
    expect(store.getState().clock).toEqual({ mode: 'real', now: T0 + 3_600_000 });
    // running, done, sources, clock: four updates for twelve fires.
    expect(renders).toHaveBeenCalledTimes(4);
  });
});

describe('events slice: resource sources', () => {
  const QUEUE: ResourceSourceInfo = {
    id: 'queue:orders', kind: 'queue', label: 'queue: orders', name: 'orders', targets: ['charge'], defaultPayload: 'order-1',
  };
  const BUCKET: ResourceSourceInfo = {
    id: 'bucket:uploads', kind: 'bucket', label: 'bucket: uploads', name: 'uploads', targets: ['size'],
    defaultPayload: 'Hello', defaultKey: 'incoming/example.txt',
  };
  const BUS: ResourceSourceInfo = {
    id: 'bus:default', kind: 'bus', label: 'bus: default', name: 'default', targets: [], defaultPayload: '{}',
  };

  function setup() {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    fake.setSources([QUEUE, BUCKET, BUS]);
    store.getState().attachPlatform(fake.platform);
    return { store, fake };
  }

  it('sends a queue message as text, without checking it is JSON', async () => {
    const { store, fake } = setup();
    store.getState().setPayload(QUEUE.id, 'not { json');
    await store.getState().fire(QUEUE.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('queue:orders', 'not { json');
    expect(store.getState().fireStatus[QUEUE.id]).toEqual({ kind: 'fired', at: T0 });
  });

  it('checks a bus payload is JSON', async () => {
    const { store, fake } = setup();
    store.getState().setPayload(BUS.id, '{ nope');
    await store.getState().fire(BUS.id);
    expect(fake.platform.fire).not.toHaveBeenCalled();
    const status = store.getState().fireStatus[BUS.id];
    expect(status?.kind === 'error' && status.message).toMatch(/^The payload is not valid JSON: /);
  });

  it('uploads a bucket payload at its Key, the default key until edited', async () => {
    const { store, fake } = setup();
    expect(keyText(store.getState(), BUCKET)).toBe('incoming/example.txt');
    await store.getState().fire(BUCKET.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('bucket:uploads', 'Hello', { key: 'incoming/example.txt' });
    expect(store.getState().fireStatus[BUCKET.id]).toEqual({ kind: 'fired', at: T0, detail: 'Uploaded 5 bytes as incoming/example.txt' });
    store.getState().setKey(BUCKET.id, ' notes/a.txt ');
    store.getState().setPayload(BUCKET.id, 'é');
    await store.getState().fire(BUCKET.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('bucket:uploads', 'é', { key: 'notes/a.txt' });
    expect(store.getState().fireStatus[BUCKET.id]).toEqual({ kind: 'fired', at: T0, detail: 'Uploaded 2 bytes as notes/a.txt' });
    store.getState().setPayload(BUCKET.id, '');
    await store.getState().fire(BUCKET.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('bucket:uploads', '', { key: 'notes/a.txt' });
    // An empty payload stores the default text, so the status counts that.
    expect(store.getState().fireStatus[BUCKET.id]).toEqual({ kind: 'fired', at: T0, detail: 'Uploaded 5 bytes as notes/a.txt' });
  });

  it('words an upload: bytes, one byte, thousands, and no key when the platform picks it', () => {
    expect(uploadDetail('x', 'a.txt')).toBe('Uploaded 1 byte as a.txt');
    expect(uploadDetail('x'.repeat(2048), 'big.txt')).toBe('Uploaded 2,048 bytes as big.txt');
    expect(uploadDetail('', undefined)).toBe('Uploaded 0 bytes');
  });

  it('uploads a chosen file\'s bytes at the Key, or at its own name when Key is empty', async () => {
    const { store, fake } = setup();
    const file = new File([new Uint8Array([1, 2, 3])], 'cat.png', { type: 'image/png' });
    store.getState().setKey(BUCKET.id, 'photos/cat picture.png');
    await store.getState().uploadFile(BUCKET.id, file);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('bucket:uploads', '', {
      key: 'photos/cat picture.png', body: new Uint8Array([1, 2, 3]), contentType: 'image/png',
    });
    expect(store.getState().fireStatus[BUCKET.id]).toEqual({
      kind: 'fired', at: T0, detail: 'Uploaded cat.png (3 bytes) as photos/cat picture.png',
    });
    store.getState().setKey(BUCKET.id, '');
    await store.getState().uploadFile(BUCKET.id, new File(['hi'], 'note.txt'));
    expect(fake.platform.fire).toHaveBeenLastCalledWith('bucket:uploads', '', {
      key: 'note.txt', body: new TextEncoder().encode('hi'), contentType: 'application/octet-stream',
    });
  });

  it('shows why an upload failed', async () => {
    const { store, fake } = setup();
    vi.mocked(fake.platform.fire).mockRejectedValueOnce(new Error('The specified bucket does not exist'));
    await store.getState().uploadFile(BUCKET.id, new File(['x'], 'x.txt', { type: 'text/plain' }));
    expect(store.getState().fireStatus[BUCKET.id]).toEqual({ kind: 'error', message: 'The specified bucket does not exist' });
  });

  it('keeps an unchanged list (targets compared by value) and takes a changed one', () => {
    const { store } = setup();
    const before = store.getState().sources;
    store.getState().handleEventsEvent({ type: 'sources', sources: [{ ...QUEUE, targets: ['charge'] }, { ...BUCKET }, { ...BUS }] });
    expect(store.getState().sources).toBe(before);
    const retargeted = { ...QUEUE, targets: ['charge', 'audit'] };
    store.getState().handleEventsEvent({ type: 'sources', sources: [retargeted, BUCKET, BUS] });
    expect(store.getState().sources[0]).toEqual(retargeted);
  });
});

