/** The browser's IndexedDB as the workspace store: workspaces keyed by id, plus which one is current. */
import { reviveWorkspace, type Workspace } from '@/components/workspace/workspace';
import { META, WORKSPACES, done, openDatabase, request } from './open-db';

const CURRENT_KEY = 'current';

export interface WorkspaceDb {
  /** The workspace the user last worked on, or null on a first visit. */
  loadCurrent(): Promise<Workspace | null>;
  /** Stores the workspace and makes it the current one. */
  save(workspace: Workspace): Promise<void>;
  close(): void;
}

/** Opens the database; resolves null where IndexedDB is unavailable (the page still works, unsaved). */
export async function openWorkspaceDb(): Promise<WorkspaceDb | null> {
  const db = await openDatabase();
  if (!db) return null;
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
