/** The shape of the one workbench store, composed from slices. */
import type { StateCreator } from 'zustand/vanilla';
import type { WorkspaceSlice } from './workspace-slice';
import type { DeploySlice } from './deploy-slice';
import type { RequestSlice } from './request-slice';
import type { InvokeSlice } from './invoke-slice';
import type { UiSlice } from './ui-slice';
import type { EventsSlice } from './events-slice';
import type { ResourcesSlice } from './resources-slice';
import type { TracesSlice } from './traces-slice';

export type WorkbenchState = WorkspaceSlice & DeploySlice & RequestSlice & InvokeSlice & EventsSlice & ResourcesSlice & TracesSlice & UiSlice;

export type SliceCreator<T> = StateCreator<WorkbenchState, [], [], T>;
