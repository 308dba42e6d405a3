/** Creates the page session's one Platform (client only, after mount) and feeds its deployment, sources and clock events to the store. */
import { useEffect } from 'react';
import { Platform } from '@/runtime/platform';
import { WorkerEngine } from '@/runtime/engines/worker/worker-engine';
import { RealClock } from '@/runtime/clock';
import { lazyWebContainers } from '@/runtime/engines/webcontainer/lazy-provider';
import type { WorkbenchStore } from '@/components/store/create-workbench-store';

export function usePlatform(store: WorkbenchStore): void {
  useEffect(() => {
    const platform = new Platform({
      engine: new WorkerEngine(),
      clock: new RealClock(),
      // Real Node.js, for projects with npm dependencies or `custom.playground.engine` (loaded only then).
      webcontainer: lazyWebContainers(() => import('@/runtime/engines/webcontainer/browser-webcontainers').then((m) => m.createBrowserWebContainers())),
    });
    const { attachPlatform, handlePlatformEvent, handleEventsEvent, traceLog } = store.getState();
    attachPlatform(platform);
    // Per-invocation events (logs, starts, ends) are not store state: the panels sample the platform's buffers, and
    // the trace log folds them as they come.
    const off = platform.on((event) => {
      traceLog.apply(event);
      if (event.type === 'deployment') handlePlatformEvent(event);
      else if (event.type === 'sources' || event.type === 'clock') handleEventsEvent(event);
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
