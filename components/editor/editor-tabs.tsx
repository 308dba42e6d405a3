/** The editor's tabs, one per open file (ARIA tabs; Delete or middle-click closes one). */
import { useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';

export const EDITOR_TABS_ID = 'editor';
const NO_TABS: string[] = [];

export function editorTabId(path: string): string {
  return `editor-tab-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function EditorTabs() {
  const { tabs, open } = useWorkbench(useShallow((s) => ({ tabs: s.workspace?.tabs ?? NO_TABS, open: s.workspace?.open ?? null })));
  const { openFile, closeTab } = useWorkbench(useShallow((s) => ({ openFile: s.openFile, closeTab: s.closeTab })));
  const listRef = useRef<HTMLDivElement>(null);

  const focusTab = (path: string) =>
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(editorTabId(path))}`)?.focus());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    const index = tabs.indexOf(open);
    let next: string | undefined;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    else if (event.key === 'Delete') {
      event.preventDefault();
      closeTab(open);
      const rest = tabs.filter((t) => t !== open);
      const after = rest[Math.min(index, rest.length - 1)];
      if (after) focusTab(after);
      return;
    }
    if (!next) return;
    event.preventDefault();
    openFile(next);
    focusTab(next);
  };

  if (tabs.length === 0) return null;
  return (
    <div ref={listRef} role="tablist" aria-label="Open files" className="tab-list editor-tabs" onKeyDown={onKeyDown}>
      {tabs.map((path) => (
        <button
          key={path}
          id={editorTabId(path)}
          type="button"
          role="tab"
          aria-selected={path === open}
          aria-controls={`${EDITOR_TABS_ID}-panel`}
          aria-keyshortcuts="Delete"
          tabIndex={path === open ? 0 : -1}
          className="tab editor-tab"
          title={`${path} (Delete closes the tab)`}
          onClick={() => openFile(path)}
          onAuxClick={(event) => {
            if (event.button === 1) closeTab(path);
          }}
        >
          {path}
          <span
            className="tab-close"
            aria-hidden="true"
            onClick={(event) => {
              event.stopPropagation();
              closeTab(path);
            }}
          >
            ×
          </span>
        </button>
      ))}
    </div>
  );
}
