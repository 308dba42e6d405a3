/**
 * The Resources panel's view of the simulated services: read from the platform at most once per animation frame after
 * its `resources` events (never per event), the panel's edits (delete, purge, put item), and the data's persistence.
 */
import type { PlatformEvent } from '@/runtime/platform-types';
import type { ResourcesView } from '@/runtime/services/types';
import type { ServicesPersistence } from '@/components/storage/services-persistence';
import type { PlatformApi } from './platform-api';
import type { SliceCreator, WorkbenchState } from './workbench-state';

export interface ResourcesSlice {
  /** The latest view, or null before a platform is attached. */
  resources: ResourcesView | null;
  /** Why the last edit from the panel failed, if it did. */
  resourceError: string | null;
  /** Reads the platform's resources now (the per-frame read calls this). */
  syncResources(): void;
  deleteObject(bucket: string, key: string): Promise<void>;
  /** Puts an item given as JSON text; resolves with why it could not, or null once it is stored. */
  putItem(table: string, text: string): Promise<string | null>;
  /** Deletes an item by the table's key attributes, taken from the item. */
  deleteItem(table: string, item: Record<string, unknown>): Promise<void>;
  purgeQueue(queue: string): void;
  /** Empties every bucket, queue and table, and forgets the saved data. */
  clearData(): Promise<void>;
  /** Saves pending data changes now; `leaving`: the page is going away (pagehide). */
  flushData(leaving?: boolean): void;
}

export interface ResourcesDeps {
  /** Persistence of bucket objects and table items; null keeps nothing (tests, no IndexedDB). */
  persistence: ServicesPersistence | null;
  /** Runs `fn` before the next paint (requestAnimationFrame in the page). */
  requestFrame?: (fn: () => void) => void;
}

/** A platform event that says "re-read platform.resources()". */
export function isResourcesEvent(event: PlatformEvent): boolean {
  return (event.type as string) === 'resources';
}

const defaultFrame = (fn: () => void) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
  else setTimeout(fn, 16);
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why `text` is not an item of a table keyed by `hashKey` (and `rangeKey`), or null with the parsed item. */
export function parseItem(text: string, hashKey: string, rangeKey?: string): { item: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `The item is not valid JSON: ${(error as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'The item must be a JSON object.' };
  const item = value as Record<string, unknown>;
  for (const key of rangeKey ? [hashKey, rangeKey] : [hashKey]) {
    if (item[key] === undefined || item[key] === null) return { error: `The item needs its key attribute "${key}".` };
  }
  return { item };
}

export const createResourcesSlice = ({ persistence, requestFrame = defaultFrame }: ResourcesDeps): SliceCreator<ResourcesSlice> =>
  (set, get, api) => {
    let framePending = false;
    let off: (() => void) | null = null;
    let leaveCleanup: (() => void) | null = null;

    const read = (platform: PlatformApi | null) => {
      set({ resources: platform ? platform.resources() : null });
    };

    /** A resources event: one read on the next frame, however many events arrive before it. */
    const changed = () => {
      persistence?.changed();
      if (framePending) return;
      framePending = true;
      requestFrame(() => {
        framePending = false;
        get().syncResources();
      });
    };

    /** Subscribes to the attached platform's resources events (the store follows `platform` itself). */
    const follow = (platform: PlatformApi | null) => {
      off?.();
      // A finished deploy creates and drops resources: read them then too, in case no resources event says so.
      off = platform
        ? platform.on((event) => {
          if (isResourcesEvent(event) || (event.type === 'deployment' && event.state.status === 'ready')) changed();
        })
        : null;
      leaveCleanup?.();
      leaveCleanup = platform ? onLeave((leaving) => get().flushData(leaving)) : null;
      read(platform);
    };

    api.subscribe((state: WorkbenchState, prev: WorkbenchState) => {
      if (state.platform !== prev.platform) follow(state.platform);
      const id = state.workspace?.id ?? null;
      if (state.platform !== prev.platform || id !== (prev.workspace?.id ?? null)) {
        persistence?.bind(state.platform?.data ?? null, state.platform ? id : null);
      }
    });

    const act = async (work: (platform: PlatformApi) => Promise<void> | void): Promise<string | null> => {
      const platform = get().platform;
      if (!platform) return 'Nothing is deployed yet.';
      try {
        await work(platform);
        set({ resourceError: null });
        return null;
      } catch (error) {
        const message = errorText(error);
        set({ resourceError: message });
        return message;
      }
    };

    return {
      resources: null,
      resourceError: null,

      syncResources() {
        read(get().platform);
      },

      async deleteObject(bucket, key) {
        await act((p) => p.data.deleteObject(bucket, key));
      },

      async putItem(table, text) {
        const view = get().resources?.tables.find((t) => t.name === table);
        if (!view) return `No table named ${table} is deployed.`;
        const parsed = parseItem(text, view.hashKey, view.rangeKey);
        if ('error' in parsed) return parsed.error;
        return act((p) => p.data.putItem(table, parsed.item));
      },

      async deleteItem(table, item) {
        const view = get().resources?.tables.find((t) => t.name === table);
        if (!view) return;
        const key: Record<string, unknown> = { [view.hashKey]: item[view.hashKey] };
        if (view.rangeKey) key[view.rangeKey] = item[view.rangeKey];
        await act((p) => p.data.deleteItem(table, key));
      },

      purgeQueue(queue) {
        void act((p) => p.data.purgeQueue(queue));
      },

      async clearData() {
        await act(async (p) => {
          p.data.clear();
          await persistence?.clear();
        });
        get().syncResources();
      },

      flushData(leaving = false) {
        persistence?.flush(leaving);
      },
    };
  };

/** Saves when the page is hidden or left; returns the cleanup. A no-op outside the browser. */
function onLeave(save: (leaving: boolean) => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const onHidden = () => {
    if (document.visibilityState === 'hidden') save(false);
  };
  const onPageHide = () => save(true);
  window.addEventListener('pagehide', onPageHide);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    window.removeEventListener('pagehide', onPageHide);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
