/** Workbench keys, wherever the focus is: Ctrl/Cmd+S deploys now (no browser save dialog); Ctrl/Cmd+Enter sends, invokes, or fires the event source being edited. */
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
        const tab = state.workspace?.layout.rightTab;
        if (tab === 'invoke') void state.runInvoke();
        else if (tab === 'events') firingForm()?.requestSubmit();
        else void state.send();
      }
    };
    // Capture phase: runs before Monaco's own key handling (its Ctrl+Enter would insert a line).
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [store]);
}

/** The Fire form of the event source whose Payload has the focus, if any. */
function firingForm(): HTMLFormElement | null {
  const form = document.activeElement?.closest('.event-source form');
  return form instanceof HTMLFormElement ? form : null;
}
