/** Monaco themes matching the app's light and dark palettes (app/globals.css). */
import type { Monaco } from './load-monaco';

export const EDITOR_THEME = { light: 'playground-light', dark: 'playground-dark' } as const;

export function defineEditorThemes(monaco: Monaco): void {
  monaco.editor.defineTheme(EDITOR_THEME.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#171a21',
      'editor.lineHighlightBackground': '#1e222b',
      'editorLineNumber.foreground': '#5d6575',
      'editorLineNumber.activeForeground': '#c9cfdb',
    },
  });
  monaco.editor.defineTheme(EDITOR_THEME.light, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#ffffff',
      'editor.lineHighlightBackground': '#f3f5f8',
      'editorLineNumber.foreground': '#8a93a3',
      'editorLineNumber.activeForeground': '#1b1f27',
    },
  });
}
