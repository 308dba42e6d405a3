/** React access to the workbench store: always through a selector. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchState } from './workbench-state';
import type { WorkbenchStore } from './create-workbench-store';

export const StoreContext = createContext<WorkbenchStore | null>(null);

export function useWorkbenchStore(): WorkbenchStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkbenchStore must be used inside <WorkbenchProvider>');
  return store;
}

export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useWorkbenchStore(), selector);
}
