/**
 * Loads the workspace (a `#project=` link, the stored one, or the example), deploys it at once, and saves it
 * to IndexedDB as the user works (debounced, and on pagehide / when the tab is hidden, with a synchronous
 * localStorage copy for the write a navigation may cut off).
 */
import { useEffect } from 'react';
import { exampleProject } from '@/runtime/project/example';
import { openWorkspaceDb, type WorkspaceDb } from '@/components/storage/workspace-db';
import {
  clearPendingSnapshot, newerWorkspace, readPendingSnapshot, writePendingSnapshot,
} from '@/components/storage/pending-snapshot';
import type { WorkbenchStore } from '@/components/store/create-workbench-store';
import { createWorkspace, type Workspace } from './workspace';
import { clearFragment, hasProjectFragment, openSharedProject } from './open-shared-project';

export const SAVE_DELAY_MS = 300;

export function useWorkspaceSession(store: WorkbenchStore): void {
  useEffect(() => {
    let disposed = false;
    let db: WorkspaceDb | null = null;
    let saveTimer: ReturnType<typeof setTimeout> | null = null;
    /** The last workspace handed to IndexedDB, and the last one IndexedDB confirmed. */
    let saved: Workspace | null = null;
    let committed: Workspace | null = null;
    const cleanups: (() => void)[] = [];

    const flush = () => {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = null;
      const ws = store.getState().workspace;
      if (!db || !ws || ws === saved) return;
      saved = ws;
      db.save(ws).then(
        () => {
          committed = ws;
          if (store.getState().workspace === ws) clearPendingSnapshot();
        },
        () => {
          saved = null; // try again with the next change
        },
      );
    };

    /** Leaving or hiding the page: keep a synchronous copy in case the IndexedDB write does not finish. */
    const onLeave = () => {
      const ws = store.getState().workspace;
      if (ws && ws !== committed) writePendingSnapshot(ws);
      flush();
    };

    /** Opens a `#project=` fragment as a new workspace; the previous one stays stored under its own id. */
    const openFragment = async (hash: string) => {
      if (!hasProjectFragment(hash)) return;
      const result = await openSharedProject(hash, store.getState().workspace);
      if (disposed || result.kind === 'none') return;
      clearFragment();
      const state = store.getState();
      if (result.kind === 'invalid') {
        state.setAlert(result.message);
        return;
      }
      flush();
      state.setAlert(null);
      state.loadWorkspace(result.workspace);
      flush();
    };

    (async () => {
      db = await openWorkspaceDb();
      const fromDb = db ? await db.loadCurrent().catch(() => null) : null;
      const stored = newerWorkspace(fromDb, readPendingSnapshot());
      const shared = await openSharedProject(window.location.hash, stored);
      if (disposed) {
        db?.close();
        return;
      }
      const state = store.getState();
      if (shared.kind !== 'none') clearFragment();
      if (shared.kind === 'opened') {
        // A newer unsaved copy of the previous workspace is kept under its own id (IndexedDB runs these in order).
        if (stored && stored !== fromDb) db?.save(stored).catch(() => undefined);
        state.loadWorkspace(shared.workspace);
        flush();
      } else {
        if (shared.kind === 'invalid') state.setAlert(shared.message);
        if (stored) {
          if (stored === fromDb) saved = committed = stored;
          state.loadWorkspace(stored);
          flush();
        } else {
          const example = exampleProject();
          state.loadWorkspace(createWorkspace(example.files, example.open, null));
          flush();
        }
      }

      const unsubscribe = store.subscribe((s, prev) => {
        if (s.workspace === prev.workspace) return;
        if (saveTimer !== null) clearTimeout(saveTimer);
        saveTimer = setTimeout(flush, SAVE_DELAY_MS);
      });
      const onHash = () => void openFragment(window.location.hash);
      const onHidden = () => {
        if (document.visibilityState === 'hidden') onLeave();
      };
      window.addEventListener('hashchange', onHash);
      window.addEventListener('pagehide', onLeave);
      document.addEventListener('visibilitychange', onHidden);
      cleanups.push(unsubscribe, () => {
        window.removeEventListener('hashchange', onHash);
        window.removeEventListener('pagehide', onLeave);
        document.removeEventListener('visibilitychange', onHidden);
      });
    })();

    return () => {
      disposed = true;
      flush();
      cleanups.forEach((c) => c());
      db?.close();
    };
  }, [store]);
}
