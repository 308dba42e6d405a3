/** Monaco's JSON language worker, bundled from the site's own files (no CDN). */
import 'monaco-editor/language/json/json.worker.js';
