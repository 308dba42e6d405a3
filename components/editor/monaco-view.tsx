/** Monaco bound to the store: one model per file (`file:///path`), deploy diagnostics as markers, the app's theme. */
import { useEffect, useRef } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor';
import { languageOf } from '@/runtime/project/files';
import type { Diagnostic, Files } from '@/runtime/project/types';
import { useWorkbenchStore } from '@/components/store/store-context';
import type { Monaco } from './load-monaco';
import { EDITOR_THEME } from './editor-themes';

/** Where the caret was in the plain-text fallback when Monaco took over, to keep typing uninterrupted. */
export interface Handoff {
  path: string;
  offset: number;
}

interface Props {
  monaco: Monaco;
  theme: 'light' | 'dark';
  handoff: Handoff | null;
  /** The workspace's text size; the font follows the root size it sets, so a change only needs a re-read. */
  textSize: number;
}

const MARKER_OWNER = 'serverless';
const MONO_FONTS = "ui-monospace, 'Cascadia Code', 'JetBrains Mono', 'Fira Code', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

/** 0.875rem, like the app's other code text, so it scales with the screen and the Text size control. */
function editorFontSize(): number {
  return Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.875);
}

export function MonacoView({ monaco, theme, handoff, textSize }: Props) {
  const store = useWorkbenchStore();
  const hostRef = useRef<HTMLDivElement>(null);
  const handoffRef = useRef(handoff);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const uriOf = (path: string) => monaco.Uri.file(`/${path}`);
    const pathOf = (model: MonacoEditor.ITextModel) => model.uri.path.slice(1);
    const viewStates = new Map<string, MonacoEditor.ICodeEditorViewState | null>();
    let applying = false;
    let shown: string | null = null;

    const editor = monaco.editor.create(host, {
      model: null,
      ariaLabel: 'Code editor',
      automaticLayout: true,
      fontSize: editorFontSize(),
      fontFamily: MONO_FONTS,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      fixedOverflowWidgets: true,
      renderLineHighlight: 'line',
      padding: { top: 8 },
      // The classic hidden textarea, so multi-line typed input can be taken verbatim (see onBeforeInput).
      editContext: false,
    });
    editorRef.current = editor;

    const sync = (files: Files) => {
      for (const [path, text] of Object.entries(files)) {
        const existing = monaco.editor.getModel(uriOf(path));
        if (!existing) {
          const model = monaco.editor.createModel(text, languageOf(path), uriOf(path));
          model.onDidChangeContent(() => {
            if (!applying) store.getState().updateFile(path, model.getValue());
          });
        } else if (existing.getValue() !== text) {
          applying = true;
          existing.pushEditOperations([], [{ range: existing.getFullModelRange(), text }], () => null);
          applying = false;
        }
      }
      for (const model of monaco.editor.getModels()) {
        const path = pathOf(model);
        if (model.uri.scheme === 'file' && !(path in files) && !path.startsWith('node_modules/')) {
          viewStates.delete(path);
          model.dispose();
        }
      }
    };

    const show = (path: string | null) => {
      if (shown === path && editor.getModel()) return;
      if (shown) viewStates.set(shown, editor.saveViewState());
      const model = path ? monaco.editor.getModel(uriOf(path)) : null;
      editor.setModel(model);
      const view = path ? viewStates.get(path) : null;
      if (view) editor.restoreViewState(view);
      shown = path;
    };

    const mark = (diagnostics: Diagnostic[]) => {
      for (const model of monaco.editor.getModels()) {
        const path = pathOf(model);
        monaco.editor.setModelMarkers(
          model,
          MARKER_OWNER,
          diagnostics
            .filter((d) => d.file === path)
            .map((d) => ({
              severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
              message: d.message,
              source: 'serverless.yml',
              startLineNumber: d.line,
              startColumn: d.column,
              endLineNumber: Math.max(d.endLine, d.line),
              endColumn: d.endLine > d.line || d.endColumn > d.column ? d.endColumn : model.getLineMaxColumn(Math.min(d.line, model.getLineCount())),
            })),
        );
      }
    };

    const initial = store.getState();
    if (initial.workspace) {
      sync(initial.workspace.files);
      show(initial.workspace.open);
    }
    mark(initial.diagnostics);

    const hand = handoffRef.current;
    if (hand && hand.path === shown) {
      const model = editor.getModel();
      if (model) editor.setPosition(model.getPositionAt(hand.offset));
      editor.focus();
    }

    const unsubscribe = store.subscribe((s, prev) => {
      const filesChanged = s.workspace?.files !== prev.workspace?.files;
      if (filesChanged && s.workspace) sync(s.workspace.files);
      if (s.workspace?.open !== prev.workspace?.open || filesChanged) show(s.workspace?.open ?? null);
      if (s.diagnostics !== prev.diagnostics || (filesChanged && s.workspace && Object.keys(s.workspace.files).length !== Object.keys(prev.workspace?.files ?? {}).length)) {
        mark(s.diagnostics);
      }
    });
    const onResize = () => editor.updateOptions({ fontSize: editorFontSize() });
    window.addEventListener('resize', onResize);
    // Several lines arriving as one typed input (dictation, IME, automation) go in verbatim, as a paste does,
    // instead of being re-indented line by line as keystrokes would be.
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== 'insertText' || !event.data?.includes('\n')) return;
      event.preventDefault();
      event.stopPropagation();
      editor.trigger('keyboard', 'paste', { text: event.data, pasteOnNewLine: false, multicursorText: null });
    };
    host.addEventListener('beforeinput', onBeforeInput, true);
    // Escape then Tab (or Shift+Tab) leaves the editor, as in the plain fallback, so Tab never traps keyboard users;
    // Ctrl+M (Monaco's own toggle) switches Tab to moving focus for good.
    let escaped = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab' && escaped && !event.ctrlKey && !event.altKey && !event.metaKey) {
        escaped = false;
        event.stopPropagation(); // Monaco never sees it; the browser moves focus as usual
        return;
      }
      escaped = event.key === 'Escape' || (escaped && event.key === 'Shift');
    };
    host.addEventListener('keydown', onKeyDown, true);

    return () => {
      host.removeEventListener('keydown', onKeyDown, true);
      host.removeEventListener('beforeinput', onBeforeInput, true);
      window.removeEventListener('resize', onResize);
      unsubscribe();
      editorRef.current = null;
      editor.dispose();
      for (const model of monaco.editor.getModels()) if (model.uri.scheme === 'file') model.dispose();
    };
  }, [monaco, store]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? EDITOR_THEME.dark : EDITOR_THEME.light);
  }, [monaco, theme]);

  useEffect(() => {
    editorRef.current?.updateOptions({ fontSize: editorFontSize() });
  }, [textSize]);

  return <div ref={hostRef} className="monaco-host" />;
}
