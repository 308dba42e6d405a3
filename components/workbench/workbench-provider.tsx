/** Creates the page session's store and Platform, loads and saves the workspace, and installs the keyboard shortcuts. */
import { useState, type ReactNode } from 'react';
import { createWorkbenchStore } from '@/components/store/create-workbench-store';
import { StoreContext } from '@/components/store/store-context';
import { useWorkspaceSession } from '@/components/workspace/use-workspace-session';
import { usePlatform } from './use-platform';
import { useShortcuts } from './use-shortcuts';

export function WorkbenchProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createWorkbenchStore);
  usePlatform(store);
  useWorkspaceSession(store);
  useShortcuts(store);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}
