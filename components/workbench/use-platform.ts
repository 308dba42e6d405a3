/** Creates the page session's one Platform (client only, after mount) and feeds its deployment events to the store. */
import { useEffect } from 'react';
import { Platform } from '@/runtime/platform';
import { WorkerEngine } from '@/runtime/engines/worker/worker-engine';
import { RealClock } from '@/runtime/clock';
import type { WorkbenchStore } from '@/components/store/create-workbench-store';

export function usePlatform(store: WorkbenchStore): void {
  useEffect(() => {
    const platform = new Platform({ engine: new WorkerEngine(), clock: new RealClock() });
    const { attachPlatform, handlePlatformEvent } = store.getState();
    attachPlatform(platform);
    const off = platform.on((event) => {
      if (event.type === 'deployment') handlePlatformEvent(event);
    });
    // A workspace loaded before the platform existed deploys now.
    if (store.getState().workspace) store.getState().deployNow();
    return () => {
      off();
      store.getState().attachPlatform(null);
      platform.dispose();
    };
  }, [store]);
}
