/**
 * Loads the self-hosted Monaco (a separate chunk, fetched after first paint) with its workers from the site's own
 * files, and sets up TypeScript/JavaScript IntelliSense for Lambda handlers. Loaded once per page.
 */
import { configureTypeScript } from './configure-typescript';
import { defineEditorThemes } from './editor-themes';

export type Monaco = typeof import('monaco-editor');

let loading: Promise<Monaco> | null = null;

function getWorker(_workerId: string, label: string): Worker {
  if (label === 'typescript' || label === 'javascript') {
    return new Worker(new URL('./ts.worker.ts', import.meta.url), { type: 'module', name: label });
  }
  if (label === 'json') return new Worker(new URL('./json.worker.ts', import.meta.url), { type: 'module', name: label });
  return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: label });
}

export function loadMonaco(): Promise<Monaco> {
  if (!loading) {
    self.MonacoEnvironment = { getWorker };
    loading = import('monaco-editor').then((monaco) => {
      configureTypeScript(monaco);
      defineEditorThemes(monaco);
      return monaco;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
