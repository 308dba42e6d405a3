/**
 * A WebContainerProvider whose code loads on first need: the engine, host protocol, install and @webcontainer/api stay
 * out of the page's first JavaScript, and a project that never asks for WebContainers never loads them.
 */
import type { WebContainerProvider } from '../../deploy/engine-selector';

export function lazyWebContainers(load: () => Promise<WebContainerProvider>): WebContainerProvider {
  let loading: Promise<WebContainerProvider> | null = null;
  let loaded: WebContainerProvider | null = null;
  let disposed = false;
  const get = () =>
    (loading ??= load().then((p) => {
      loaded = p;
      if (disposed) p.dispose();
      return p;
    }));
  return {
    state: async () => {
      try {
        return await (await get()).state();
      } catch (err) {
        loading = null; // a failed chunk load may be retried
        return { available: false, reason: `the WebContainer engine could not load: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
    engine: () => {
      if (!loaded) throw new Error('WebContainers have not started');
      return loaded.engine();
    },
    prepare: async (files, out, signal) => (await get()).prepare(files, out, signal),
    dispose: () => {
      disposed = true;
      loaded?.dispose();
    },
  };
}
