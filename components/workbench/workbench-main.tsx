/**
 * The workbench's panels: Files | editor | the Architecture diagram over the action tabs, above the output, with separators between them
 * that resize and hide panels on wide screens. Sizes come from the workspace's layout; narrow screens stack the panels.
 */
import type { CSSProperties } from 'react';
import { useWorkbench } from '@/components/store/store-context';
import { DEFAULT_PANEL_LAYOUT, panelStyle } from '@/components/workspace/panel-layout';
import { FileTree } from '@/components/files/file-tree';
import { CodeEditor } from '@/components/editor/code-editor';
import { ArchitectureSlot } from '@/components/diagram/architecture-slot';
import { ActionPanel } from './action-panel';
import { ObservePanel } from './observe-panel';
import { PanelSeparator } from './panel-separator';

export function WorkbenchMain() {
  const layout = useWorkbench((s) => s.workspace?.layout.panels ?? DEFAULT_PANEL_LAYOUT);
  return (
    <main
      className="workbench-main"
      style={panelStyle(layout) as CSSProperties}
      data-files-collapsed={layout.collapsed.files || undefined}
      data-actions-collapsed={layout.collapsed.actions || undefined}
      data-bottom-collapsed={layout.collapsed.bottom || undefined}
    >
      <FileTree />
      <PanelSeparator panel="files" name="Files" controls="files" />
      <CodeEditor />
      <PanelSeparator panel="actions" name="Actions" controls="actions" />
      <div id="actions" className="actions side-column">
        <ArchitectureSlot />
        <ActionPanel />
      </div>
      <PanelSeparator panel="bottom" name="Output" controls="output" />
      <ObservePanel />
    </main>
  );
}
