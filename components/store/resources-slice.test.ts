import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResourcesView, ServicesSnapshot, TableView } from '@/runtime/services/types';
import { createWorkspace } from '@/components/workspace/workspace';
import type { ServicesStorage } from '@/components/storage/services-db';
import { SAVE_SERVICES_DELAY_MS } from '@/components/storage/services-persistence';
import { createWorkbenchStore } from './create-workbench-store';
import { EMPTY_VIEW, emptySnapshot, fakePlatform } from './fake-platform';
import { parseItem } from './resources-slice';

const FILES = { 'serverless.yml': 'service: s\n', 'handler.js': '' };

const ORDERS: TableView = {
  name: 'orders', arn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders', hashKey: 'pk', rangeKey: 'sk',
  streamViewType: null, itemCount: 1, items: [{ pk: 'a', sk: 1, total: 5 }],
};
const VIEW: ResourcesView = { ...EMPTY_VIEW, tables: [ORDERS] };

const SAVED: ServicesSnapshot = {
  v: 1,
  buckets: { uploads: [{ key: 'a.txt', body: new Uint8Array([104, 105]), contentType: 'text/plain', lastModified: 1, eTag: '"e"', metadata: {} }] },
  tables: {},
};

function memoryStorage(initial: Record<string, ServicesSnapshot> = {}) {
  const saved = new Map(Object.entries(initial));
  const storage: ServicesStorage = {
    load: vi.fn(async (id: string) => saved.get(id) ?? null),
    save: vi.fn(async (id: string, snapshot: ServicesSnapshot) => { saved.set(id, snapshot); }),
    remove: vi.fn(async (id: string) => { saved.delete(id); }),
  };
  return { storage, saved };
}

/** A frame scheduler the test runs by hand. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    requestFrame: (fn: () => void) => { queue.push(fn); },
    run: () => queue.splice(0).forEach((fn) => fn()),
    pending: () => queue.length,
  };
}

describe('resources slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the view on attach, then at most once per frame however many resources events arrive', () => {
    const frames = manualFrames();
    const store = createWorkbenchStore({ servicesStorage: null, requestFrame: frames.requestFrame });
    const fake = fakePlatform();
    fake.setView(VIEW);
    store.getState().attachPlatform(fake.platform);
    expect(store.getState().resources).toBe(VIEW);
    expect(fake.platform.resources).toHaveBeenCalledTimes(1);
    const next = { ...VIEW, tables: [] };
    fake.setView(next);
    for (let i = 0; i < 1000; i++) fake.emitResources();
    expect(frames.pending()).toBe(1);
    expect(store.getState().resources).toBe(VIEW);
    frames.run();
    expect(fake.platform.resources).toHaveBeenCalledTimes(2);
    expect(store.getState().resources).toBe(next);
  });

  it('stops following a detached platform', () => {
    const frames = manualFrames();
    const store = createWorkbenchStore({ servicesStorage: null, requestFrame: frames.requestFrame });
    const fake = fakePlatform();
    store.getState().attachPlatform(fake.platform);
    expect(fake.listenerCount()).toBe(1);
    store.getState().attachPlatform(null);
    expect(fake.listenerCount()).toBe(0);
    expect(store.getState().resources).toBeNull();
  });

  it('puts an item given as JSON, refusing text that is not an object with its keys', async () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    fake.setView(VIEW);
    store.getState().attachPlatform(fake.platform);
    expect(await store.getState().putItem('orders', '{ nope')).toMatch(/^The item is not valid JSON: /);
    expect(await store.getState().putItem('orders', '{"pk":"a"}')).toBe('The item needs its key attribute "sk".');
    expect(await store.getState().putItem('orders', '[1]')).toBe('The item must be a JSON object.');
    expect(await store.getState().putItem('nope', '{}')).toBe('No table named nope is deployed.');
    expect(fake.data.putItem).not.toHaveBeenCalled();
    expect(await store.getState().putItem('orders', '{"pk":"b","sk":2,"note":"x"}')).toBeNull();
    expect(fake.data.putItem).toHaveBeenCalledWith('orders', { pk: 'b', sk: 2, note: 'x' });
  });

  it('deletes an item by its hash and range key only, and reports a failed edit', async () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const fake = fakePlatform();
    fake.setView(VIEW);
    store.getState().attachPlatform(fake.platform);
    await store.getState().deleteItem('orders', { pk: 'a', sk: 1, total: 5 });
    expect(fake.data.deleteItem).toHaveBeenCalledWith('orders', { pk: 'a', sk: 1 });
    vi.mocked(fake.data.deleteObject).mockRejectedValueOnce(new Error('The specified bucket does not exist'));
    await store.getState().deleteObject('gone', 'k');
    expect(store.getState().resourceError).toBe('The specified bucket does not exist');
    store.getState().purgeQueue('orders');
    await vi.runAllTimersAsync();
    expect(fake.data.purgeQueue).toHaveBeenCalledWith('orders');
    expect(store.getState().resourceError).toBeNull();
  });
});

describe('resources slice: persistence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(initial: Record<string, ServicesSnapshot> = {}) {
    const { storage, saved } = memoryStorage(initial);
    const store = createWorkbenchStore({ servicesStorage: storage, requestFrame: manualFrames().requestFrame });
    const fake = fakePlatform();
    store.getState().attachPlatform(fake.platform);
    const ws = { ...createWorkspace(FILES, 'handler.js'), id: 'ws-1' };
    return { store, fake, storage, saved, ws };
  }

  it('restores the workspace\'s saved data once the workspace loads', async () => {
    const { store, fake, ws } = setup({ 'ws-1': SAVED });
    store.getState().loadWorkspace(ws);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.data.restore).toHaveBeenCalledWith(SAVED);
    expect(fake.platform.deploy).toHaveBeenCalledTimes(1);
  });

  it('saves a snapshot once, a moment after a burst of changes, and not before the restore', async () => {
    const { store, fake, storage, saved, ws } = setup();
    store.getState().loadWorkspace(ws);
    fake.emitResources(); // before the restore resolves: held
    await vi.advanceTimersByTimeAsync(0);
    const after = { ...emptySnapshot(), tables: { orders: [{ pk: { S: 'a' } }] } };
    fake.setSnapshot(after);
    for (let i = 0; i < 50; i++) fake.emitResources();
    await vi.advanceTimersByTimeAsync(SAVE_SERVICES_DELAY_MS - 1);
    expect(storage.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.save).toHaveBeenCalledTimes(1);
    expect(saved.get('ws-1')).toBe(after);
  });

  it('saves pending changes at once when asked (pagehide), and nothing when nothing changed', async () => {
    const { store, fake, storage, ws } = setup();
    store.getState().loadWorkspace(ws);
    await vi.advanceTimersByTimeAsync(0);
    store.getState().flushData();
    expect(storage.save).not.toHaveBeenCalled();
    fake.emitResources();
    store.getState().flushData();
    expect(storage.save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(SAVE_SERVICES_DELAY_MS * 2);
    expect(storage.save).toHaveBeenCalledTimes(1);
  });

  it('Clear data empties the services and forgets the saved snapshot', async () => {
    const { store, fake, storage, saved, ws } = setup({ 'ws-1': SAVED });
    store.getState().loadWorkspace(ws);
    await vi.advanceTimersByTimeAsync(0);
    await store.getState().clearData();
    expect(fake.data.clear).toHaveBeenCalled();
    expect(storage.remove).toHaveBeenCalledWith('ws-1');
    expect(saved.has('ws-1')).toBe(false);
    await vi.advanceTimersByTimeAsync(SAVE_SERVICES_DELAY_MS * 2);
    expect(storage.save).not.toHaveBeenCalled();
  });

  it('moving to another workspace saves the old one\'s data, empties the services, and restores the new one\'s', async () => {
    const other: ServicesSnapshot = { v: 1, buckets: {}, tables: { t: [{ id: { S: '1' } }] } };
    const { store, fake, saved, ws } = setup({ 'ws-2': other });
    store.getState().loadWorkspace(ws);
    await vi.advanceTimersByTimeAsync(0);
    fake.setSnapshot(SAVED);
    fake.emitResources();
    store.getState().loadWorkspace({ ...ws, id: 'ws-2' });
    expect(saved.get('ws-1')).toBe(SAVED);
    expect(fake.data.clear).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.data.restore).toHaveBeenLastCalledWith(other);
  });
});

describe('parseItem', () => {
  it('accepts an object with its hash key when the table has no range key', () => {
    expect(parseItem('{"id":"x"}', 'id')).toEqual({ item: { id: 'x' } });
    expect(parseItem('{"id":null}', 'id')).toEqual({ error: 'The item needs its key attribute "id".' });
  });
});
