/** Builds the workbench's one zustand store from its slices (one per page session, made in the provider). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { indexedDbServicesStorage, type ServicesStorage } from '@/components/storage/services-db';
import { ServicesPersistence } from '@/components/storage/services-persistence';
import { localPendingServices } from '@/components/storage/pending-services';
import type { WorkbenchState } from './workbench-state';
import { createWorkspaceSlice } from './workspace-slice';
import { createDeploySlice } from './deploy-slice';
import { createRequestSlice } from './request-slice';
import { createInvokeSlice } from './invoke-slice';
import { createEventsSlice } from './events-slice';
import { createResourcesSlice } from './resources-slice';
import { createUiSlice } from './ui-slice';
import { createTracesSlice } from './traces-slice';

export type WorkbenchStore = StoreApi<WorkbenchState>;

export interface WorkbenchStoreOptions {
  /** Where bucket objects and table items are kept: IndexedDB by default; null keeps nothing. */
  servicesStorage?: ServicesStorage | null;
  /** Schedules the Resources view's read (requestAnimationFrame by default). */
  requestFrame?: (fn: () => void) => void;
}

export function createWorkbenchStore(options: WorkbenchStoreOptions = {}): WorkbenchStore {
  const storage = options.servicesStorage === undefined ? defaultStorage() : options.servicesStorage;
  const pending = options.servicesStorage === undefined && typeof localStorage !== 'undefined' ? localPendingServices(localStorage) : null;
  const persistence = storage ? new ServicesPersistence(storage, pending) : null;
  return createStore<WorkbenchState>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createDeploySlice(...a),
    ...createRequestSlice(...a),
    ...createInvokeSlice(...a),
    ...createEventsSlice(...a),
    ...createResourcesSlice({ persistence, requestFrame: options.requestFrame })(...a),
    ...createTracesSlice(...a),
    ...createUiSlice(...a),
  }));
}

/** IndexedDB in the browser; nothing on the server render or in Node. */
function defaultStorage(): ServicesStorage | null {
  return typeof indexedDB === 'undefined' ? null : indexedDbServicesStorage();
}
