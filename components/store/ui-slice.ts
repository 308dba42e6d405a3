/** UI-only state: the page-level alert and whether the code editor has loaded. */
import type { SliceCreator } from './workbench-state';

export type EditorStatus = 'loading' | 'ready' | 'failed';

export interface UiSlice {
  /** A message for the page's role=alert (e.g. a share link that does not decode). */
  alert: string | null;
  editorStatus: EditorStatus;
  setAlert(message: string | null): void;
  setEditorStatus(status: EditorStatus): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  alert: null,
  editorStatus: 'loading',
  setAlert: (alert) => set({ alert }),
  setEditorStatus: (editorStatus) => set({ editorStatus }),
});
