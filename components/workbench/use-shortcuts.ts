/** Workbench keys, wherever the focus is: Ctrl/Cmd+S deploys now (no browser save dialog); Ctrl/Cmd+Enter sends or invokes. */
import { useEffect } from 'react';
import type { WorkbenchStore } from '@/components/store/create-workbench-store';

export function useShortcuts(store: WorkbenchStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const state = store.getState();
      if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        event.stopPropagation();
        state.deployNow();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        if (state.workspace?.layout.rightTab === 'invoke') void state.runInvoke();
        else void state.send();
      }
    };
    // Capture phase: runs before Monaco's own key handling (its Ctrl+Enter would insert a line).
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [store]);
}
