/** Turns a `#project=` fragment (CONTRACTS.md §3) into a new workspace, or a user-facing reason it does not open. */
import { decodeProjectFragment, readProjectFragment } from '@/runtime/project/share-link';
import { createWorkspace, type Workspace } from './workspace';

export type SharedOpen =
  | { kind: 'none' }
  | { kind: 'opened'; workspace: Workspace }
  | { kind: 'invalid'; message: string };

export function hasProjectFragment(hash: string): boolean {
  return readProjectFragment(hash) !== null;
}

export async function openSharedProject(hash: string, previous: Workspace | null): Promise<SharedOpen> {
  try {
    const shared = await decodeProjectFragment(hash);
    if (!shared) return { kind: 'none' };
    return { kind: 'opened', workspace: createWorkspace(shared.files, shared.open ?? null, previous) };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'This project link could not be opened.';
    return { kind: 'invalid', message };
  }
}

/** Removes the fragment from the address bar without adding a history entry. */
export function clearFragment(): void {
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
