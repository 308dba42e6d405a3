'use client';
/** The workbench page's client root: files on the left, the editor in the centre, actions on the right, output below. */
import { WorkbenchProvider } from './workbench-provider';
import { TopBar } from '@/components/top-bar/top-bar';
import { FileTree } from '@/components/files/file-tree';
import { CodeEditor } from '@/components/editor/code-editor';
import { ActionPanel } from './action-panel';
import { ObservePanel } from './observe-panel';
import { PageAlert } from './page-alert';
import { ThemeSync } from './theme-sync';
import '@/components/ui/controls.css';
import './workbench.css';

export function Workbench() {
  return (
    <WorkbenchProvider>
      <ThemeSync />
      <div className="workbench">
        <TopBar />
        <PageAlert />
        <main className="workbench-main">
          <FileTree />
          <CodeEditor />
          <ActionPanel />
          <ObservePanel />
        </main>
      </div>
    </WorkbenchProvider>
  );
}
