/**
 * The centre of the workbench: tabs over the editor. A plain text area serves from the first paint; Monaco is
 * fetched once the first deploy has settled (so it never delays `Ready`) and takes over where the caret was.
 */
import { useEffect, useRef, useState } from 'react';
import { useWorkbench, useWorkbenchStore } from '@/components/store/store-context';
import { useResolvedTheme } from '@/components/theme/use-resolved-theme';
import { DEFAULT_TEXT_SIZE } from '@/components/workspace/text-size';
import { EditorTabs, editorTabId, EDITOR_TABS_ID } from './editor-tabs';
import { FallbackEditor } from './fallback-editor';
import { loadMonaco, type Monaco } from './load-monaco';
import { MonacoView, type Handoff } from './monaco-view';
import { ProblemsList } from './problems-list';
import './editor.css';

const KEYS_NOTE = 'Ctrl/⌘ S deploys · Ctrl/⌘ Enter sends · Esc then Tab leaves the editor · Ctrl M (⌃⇧M on Mac) makes Tab move focus';

/** Load Monaco at the latest this long after mount, even if the first deploy has not settled. */
const MONACO_LOAD_DEADLINE_MS = 1500;

export function CodeEditor() {
  const store = useWorkbenchStore();
  const open = useWorkbench((s) => s.workspace?.open ?? null);
  const theme = useResolvedTheme(useWorkbench((s) => s.workspace?.theme ?? null));
  const textSize = useWorkbench((s) => s.workspace?.layout.textSize ?? DEFAULT_TEXT_SIZE);
  const settled = useWorkbench((s) => s.deployment.status === 'ready' || s.deployment.status === 'error');
  const editorStatus = useWorkbench((s) => s.editorStatus);
  const setEditorStatus = useWorkbench((s) => s.setEditorStatus);
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  const [handoff, setHandoff] = useState<Handoff | null>(null);
  const [deadlinePassed, setDeadlinePassed] = useState(false);
  const fallbackRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const t = setTimeout(() => setDeadlinePassed(true), MONACO_LOAD_DEADLINE_MS);
    return () => clearTimeout(t);
  }, []);

  const shouldLoad = settled || deadlinePassed;
  useEffect(() => {
    if (!shouldLoad) return;
    let cancelled = false;
    loadMonaco().then(
      (m) => {
        if (cancelled) return;
        const area = fallbackRef.current;
        const path = store.getState().workspace?.open;
        if (area && document.activeElement === area && path) setHandoff({ path, offset: area.selectionStart });
        setMonaco(m);
        setEditorStatus('ready');
      },
      () => {
        if (!cancelled) setEditorStatus('failed');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [shouldLoad, setEditorStatus, store]);

  return (
    <section className="editor panel" aria-label="Editor">
      <EditorTabs />
      <div
        id={`${EDITOR_TABS_ID}-panel`}
        role="tabpanel"
        aria-labelledby={open ? editorTabId(open) : undefined}
        data-testid="editor"
        className="editor-body"
      >
        {monaco ? <MonacoView monaco={monaco} theme={theme} handoff={handoff} textSize={textSize} /> : <FallbackEditor ref={fallbackRef} />}
      </div>
      <p className="editor-note" aria-live="polite" title={editorStatus === 'ready' ? KEYS_NOTE : undefined}>
        {editorStatus === 'loading' && 'Loading the code editor… you can already type here.'}
        {editorStatus === 'failed' && 'The code editor could not load; this plain editor still saves and deploys.'}
        {editorStatus === 'ready' && (
          <>
            <kbd>Ctrl/⌘ S</kbd> deploys · <kbd>Ctrl/⌘ Enter</kbd> sends · <kbd>Esc</kbd> <kbd>Tab</kbd> leaves the editor ·{' '}
            <kbd>Ctrl M</kbd> (<kbd>⌃⇧M</kbd> on Mac) makes <kbd>Tab</kbd> move focus
          </>
        )}
      </p>
      <ProblemsList />
    </section>
  );
}
