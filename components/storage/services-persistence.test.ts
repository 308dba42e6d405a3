import { describe, expect, it, vi } from 'vitest';
import type { ServicesSnapshot } from '@/runtime/services/types';
import type { PlatformDataApi } from '@/components/store/platform-api';
import { ServicesPersistence, type PendingServices } from './services-persistence';
import { decodeSnapshot, encodeSnapshot, localPendingServices, MAX_PENDING_CHARS } from './pending-services';
import type { ServicesStorage } from './services-db';

const object = (key: string, bytes: number[]) => ({ key, body: new Uint8Array(bytes), contentType: 'text/plain', lastModified: 1, eTag: '"e"', metadata: {} });
const snap = (key: string): ServicesSnapshot => ({ v: 1, buckets: { notes: [object(key, [104, 105, 0, 255])] }, tables: { t: [{ id: 'a' }] } });

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

function setup(stored: ServicesSnapshot | null, saveNever = false) {
  let current = snap('now.txt');
  const data = { snapshot: vi.fn(() => current), restore: vi.fn((s: ServicesSnapshot) => (current = s)), clear: vi.fn() } as unknown as PlatformDataApi;
  const storage: ServicesStorage = {
    load: vi.fn(async () => stored),
    save: vi.fn(() => (saveNever ? new Promise<void>(() => {}) : Promise.resolve())),
    remove: vi.fn(async () => {}),
  };
  const written: ServicesSnapshot[] = [];
  const left = new Map<string, ServicesSnapshot>();
  const pending: PendingServices = {
    write: (id, s) => {
      written.push(s);
      left.set(id, s);
    },
    take: (id) => {
      const s = left.get(id) ?? null;
      left.delete(id);
      return s;
    },
  };
  return { data, storage, pending, written, left };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ServicesPersistence when the page is left', () => {
  it('writes the synchronous copy on pagehide when a save is pending, and not when nothing changed', async () => {
    const { data, storage, pending, written } = setup(null);
    const p = new ServicesPersistence(storage, pending);
    p.bind(data, 'ws');
    await tick();
    p.flush(true);
    expect(written).toHaveLength(0);
    p.changed();
    p.flush(true);
    expect(written).toEqual([snap('now.txt')]);
    expect(storage.save).toHaveBeenCalledTimes(1);
  });

  it('writes it too while an earlier save is not yet confirmed (a navigation may cut it off)', async () => {
    const { data, storage, pending, written } = setup(null, true);
    const p = new ServicesPersistence(storage, pending);
    p.bind(data, 'ws');
    await tick();
    p.changed();
    p.flush(false); // the debounced save starts, and never confirms
    p.flush(true);
    expect(written).toHaveLength(1);
  });

  it('the next load takes the copy over IndexedDB’s older one, then saves it there', async () => {
    const { data, storage, pending, left } = setup(snap('old.txt'));
    left.set('ws', snap('left.txt'));
    const p = new ServicesPersistence(storage, pending);
    p.bind(data, 'ws');
    await tick();
    expect(data.restore).toHaveBeenCalledWith(snap('left.txt'));
    expect(left.has('ws')).toBe(false);
    await new Promise((r) => setTimeout(r, 600));
    expect(storage.save).toHaveBeenCalledWith('ws', snap('left.txt'));
  });
});

describe('the localStorage copy', () => {
  it('keeps bytes exactly (base64) and is taken once', () => {
    const s = memoryStorage();
    const pending = localPendingServices(s);
    pending.write('ws', snap('a.bin'));
    expect(decodeSnapshot(encodeSnapshot(snap('a.bin')))).toEqual(snap('a.bin'));
    expect(pending.take('ws')).toEqual(snap('a.bin'));
    expect(pending.take('ws')).toBeNull();
  });

  it('is not written when too big for localStorage (IndexedDB alone then)', () => {
    const s = memoryStorage();
    const big: ServicesSnapshot = { v: 1, buckets: { b: [object('big', Array.from({ length: MAX_PENDING_CHARS }, () => 1))] }, tables: {} };
    localPendingServices(s).write('ws', big);
    expect(s.length).toBe(0);
  });
});
