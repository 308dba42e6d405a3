/** Builds the workbench's one zustand store from its slices (one per page session, made in the provider). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkbenchState } from './workbench-state';
import { createWorkspaceSlice } from './workspace-slice';
import { createDeploySlice } from './deploy-slice';
import { createRequestSlice } from './request-slice';
import { createInvokeSlice } from './invoke-slice';
import { createEventsSlice } from './events-slice';
import { createUiSlice } from './ui-slice';

export type WorkbenchStore = StoreApi<WorkbenchState>;

export function createWorkbenchStore(): WorkbenchStore {
  return createStore<WorkbenchState>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createDeploySlice(...a),
    ...createRequestSlice(...a),
    ...createInvokeSlice(...a),
    ...createEventsSlice(...a),
    ...createUiSlice(...a),
  }));
}
