/** The browser's IndexedDB as the workspace store: workspaces keyed by id, plus which one is current. */
import { reviveWorkspace, type Workspace } from '@/components/workspace/workspace';

const DB_NAME = 'serverless-playground';
const DB_VERSION = 1;
const WORKSPACES = 'workspaces';
const META = 'meta';
const CURRENT_KEY = 'current';

export interface WorkspaceDb {
  /** The workspace the user last worked on, or null on a first visit. */
  loadCurrent(): Promise<Workspace | null>;
  /** Stores the workspace and makes it the current one. */
  save(workspace: Workspace): Promise<void>;
  close(): void;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens the database; resolves null where IndexedDB is unavailable (the page still works, unsaved). */
export async function openWorkspaceDb(): Promise<WorkspaceDb | null> {
  if (typeof indexedDB === 'undefined') return null;
  let db: IDBDatabase;
  try {
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      const d = open.result;
      if (!d.objectStoreNames.contains(WORKSPACES)) d.createObjectStore(WORKSPACES, { keyPath: 'id' });
      if (!d.objectStoreNames.contains(META)) d.createObjectStore(META);
    };
    db = await request(open);
  } catch {
    return null;
  }
  return {
    async loadCurrent() {
      const tx = db.transaction([WORKSPACES, META], 'readonly');
      const id = await request(tx.objectStore(META).get(CURRENT_KEY));
      if (typeof id !== 'string') return null;
      return reviveWorkspace(await request(tx.objectStore(WORKSPACES).get(id)));
    },
    async save(workspace) {
      const tx = db.transaction([WORKSPACES, META], 'readwrite');
      tx.objectStore(WORKSPACES).put(workspace);
      tx.objectStore(META).put(workspace.id, CURRENT_KEY);
      await done(tx);
    },
    close() {
      db.close();
    },
  };
}
