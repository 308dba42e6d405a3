/** Monaco's editor worker, bundled from the site's own files (no CDN). */
import 'monaco-editor/editor/editor.worker.js';
