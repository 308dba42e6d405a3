/** Where each workspace's bucket objects and table items are kept between visits: IndexedDB's `services` store, by workspace id. */
import type { ServicesSnapshot } from '@/runtime/services/types';
import { SERVICES, done, openDatabase, request } from './open-db';

export interface ServicesStorage {
  load(workspaceId: string): Promise<ServicesSnapshot | null>;
  save(workspaceId: string, snapshot: ServicesSnapshot): Promise<void>;
  remove(workspaceId: string): Promise<void>;
}

/** A stored record read defensively: anything but a version-1 snapshot counts as nothing saved. */
export function reviveSnapshot(value: unknown): ServicesSnapshot | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<ServicesSnapshot>;
  if (v.v !== 1 || !v.buckets || typeof v.buckets !== 'object' || !v.tables || typeof v.tables !== 'object') return null;
  return { v: 1, buckets: v.buckets, tables: v.tables };
}

/** IndexedDB-backed storage, opened on first use; every call resolves (null / nothing) where IndexedDB is unavailable. */
export function indexedDbServicesStorage(): ServicesStorage {
  let opening: Promise<IDBDatabase | null> | null = null;
  const db = () => (opening ??= openDatabase());
  return {
    async load(workspaceId) {
      const d = await db();
      if (!d) return null;
      return reviveSnapshot(await request(d.transaction(SERVICES, 'readonly').objectStore(SERVICES).get(workspaceId)));
    },
    async save(workspaceId, snapshot) {
      const d = await db();
      if (!d) return;
      const tx = d.transaction(SERVICES, 'readwrite');
      tx.objectStore(SERVICES).put(snapshot, workspaceId);
      await done(tx);
    },
    async remove(workspaceId) {
      const d = await db();
      if (!d) return;
      const tx = d.transaction(SERVICES, 'readwrite');
      tx.objectStore(SERVICES).delete(workspaceId);
      await done(tx);
    },
  };
}
