/**
 * A synchronous copy of the workspace written when the page is hidden or unloads: an IndexedDB write started in
 * `pagehide` may be cut off by the navigation, localStorage is written before it returns. The next load takes it
 * if it is newer than what IndexedDB holds, then removes it.
 */
import { reviveWorkspace, type Workspace } from '@/components/workspace/workspace';

const KEY = 'sp-pending-workspace';

export function writePendingSnapshot(workspace: Workspace): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(workspace));
  } catch {
    // Over quota or unavailable: IndexedDB's debounced copy is all there is.
  }
}

export function readPendingSnapshot(): Workspace | null {
  try {
    const text = localStorage.getItem(KEY);
    return text ? reviveWorkspace(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

export function clearPendingSnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

/** The newer of the stored workspace and the pending snapshot. */
export function newerWorkspace(stored: Workspace | null, pending: Workspace | null): Workspace | null {
  if (!pending) return stored;
  if (!stored) return pending;
  return pending.updatedAt > stored.updatedAt ? pending : stored;
}
