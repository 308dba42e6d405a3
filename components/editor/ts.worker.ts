/** Monaco's TypeScript/JavaScript language worker, bundled from the site's own files (no CDN). */
import 'monaco-editor/language/typescript/ts.worker.js';
