/** The workspace being edited: files, tabs, saved test events, theme and layout. Edits schedule a deploy. */
import { exampleProject } from '@/runtime/project/example';
import { renameFile } from '@/runtime/project/files';
import type { BottomTab, RightTab, ThemeChoice, Workspace } from '@/components/workspace/workspace';
import { createWorkspace } from '@/components/workspace/workspace';
import type { PanelLayout } from '@/components/workspace/panel-layout';
import type { SliceCreator } from './workbench-state';

export interface WorkspaceSlice {
  /** null until the stored workspace (or the example) is loaded. */
  workspace: Workspace | null;
  /** Makes `workspace` current and deploys it at once. */
  loadWorkspace(workspace: Workspace): void;
  updateFile(path: string, text: string): void;
  openFile(path: string): void;
  closeTab(path: string): void;
  addFile(path: string, text?: string): void;
  renameFile(from: string, to: string): void;
  deleteFile(path: string): void;
  /** Replaces the files with the example project (the UI asks first). */
  resetToExample(): void;
  setTheme(theme: ThemeChoice): void;
  setRightTab(tab: RightTab): void;
  setBottomTab(tab: BottomTab): void;
  /** Panel sizes and collapsed panels, as the separators leave them (already clamped by panel-layout.ts). */
  setPanelLayout(panels: PanelLayout): void;
  setTextSize(size: number): void;
  saveTestEvent(name: string, body: string): void;
  deleteTestEvent(name: string): void;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => {
  /** Applies `change` to the current workspace, stamping it so persistence notices. */
  const update = (change: (ws: Workspace) => Partial<Workspace>) => {
    const ws = get().workspace;
    if (!ws) return;
    set({ workspace: { ...ws, ...change(ws), updatedAt: Date.now() } });
  };

  return {
    workspace: null,

    loadWorkspace(workspace) {
      set({ workspace, diagnostics: [] });
      get().deployNow();
    },

    updateFile(path, text) {
      const ws = get().workspace;
      if (!ws || ws.files[path] === text) return;
      update((w) => ({ files: { ...w.files, [path]: text } }));
      get().scheduleDeploy();
    },

    openFile(path) {
      update((w) => (path in w.files ? { open: path, tabs: w.tabs.includes(path) ? w.tabs : [...w.tabs, path] } : {}));
    },

    closeTab(path) {
      update((w) => {
        const index = w.tabs.indexOf(path);
        if (index < 0) return {};
        const tabs = w.tabs.filter((t) => t !== path);
        const open = w.open === path ? (tabs[Math.min(index, tabs.length - 1)] ?? null) : w.open;
        return { tabs, open };
      });
    },

    addFile(path, text = '') {
      update((w) => ({ files: { ...w.files, [path]: text }, open: path, tabs: [...w.tabs.filter((t) => t !== path), path] }));
      get().scheduleDeploy();
    },

    renameFile(from, to) {
      let files;
      try {
        files = renameFile(get().workspace?.files ?? {}, from, to);
      } catch {
        return; // the form validates first; a refused name changes nothing
      }
      update((w) => ({
        files,
        open: w.open === from ? to : w.open,
        tabs: w.tabs.map((t) => (t === from ? to : t)),
      }));
      get().scheduleDeploy();
    },

    deleteFile(path) {
      update((w) => {
        const files = { ...w.files };
        delete files[path];
        const tabs = w.tabs.filter((t) => t !== path);
        const open = w.open === path ? (tabs[tabs.length - 1] ?? null) : w.open;
        return { files, tabs, open };
      });
      get().scheduleDeploy();
    },

    resetToExample() {
      const ws = get().workspace;
      const example = exampleProject();
      const fresh = createWorkspace(example.files, example.open, ws);
      get().loadWorkspace(ws ? { ...fresh, id: ws.id } : fresh);
    },

    setTheme(theme) {
      update(() => ({ theme }));
    },
    setRightTab(rightTab) {
      update((w) => ({ layout: { ...w.layout, rightTab } }));
    },
    /** Choosing an output (or a response arriving) also brings the Output panel back if it was hidden. */
    setBottomTab(bottomTab) {
      update((w) => {
        const { panels } = w.layout;
        const shown = panels.collapsed.bottom ? { ...panels, collapsed: { ...panels.collapsed, bottom: false } } : panels;
        return { layout: { ...w.layout, bottomTab, panels: shown } };
      });
    },
    setPanelLayout(panels) {
      update((w) => ({ layout: { ...w.layout, panels } }));
    },
    setTextSize(textSize) {
      update((w) => ({ layout: { ...w.layout, textSize } }));
    },

    saveTestEvent(name, body) {
      update((w) => ({ testEvents: [...w.testEvents.filter((e) => e.name !== name), { name, body }] }));
    },
    deleteTestEvent(name) {
      update((w) => ({ testEvents: w.testEvents.filter((e) => e.name !== name) }));
    },
  };
};
