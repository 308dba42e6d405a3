/**
 * The page's one IndexedDB database: workspaces by id, which one is current, and (from version 2) each workspace's
 * simulated-service data (bucket objects and table items) under the workspace's id.
 */

export const DB_NAME = 'serverless-playground';
/** 1: workspaces + meta. 2: adds `services`. */
export const DB_VERSION = 2;
export const WORKSPACES = 'workspaces';
export const META = 'meta';
export const SERVICES = 'services';

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Creates whatever stores the stored version lacks (each step is additive, so any older version upgrades). */
function upgrade(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains(WORKSPACES)) db.createObjectStore(WORKSPACES, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  if (!db.objectStoreNames.contains(SERVICES)) db.createObjectStore(SERVICES);
}

/**
 * Opens (and upgrades) the database; null where IndexedDB is unavailable or refuses (the page still works, unsaved).
 * A tab still running an older version without giving way blocks the upgrade: this page then runs unsaved rather than
 * waiting for that tab to close.
 */
export function openDatabase(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      resolve(null); // SecurityError in sandboxed frames
      return;
    }
    let gaveUp = false;
    open.onupgradeneeded = () => upgrade(open.result);
    open.onblocked = () => {
      gaveUp = true;
      resolve(null);
    };
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      if (gaveUp) {
        db.close();
        return;
      }
      // Another tab opening a newer version waits for this connection: let it go instead of blocking that tab.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}
