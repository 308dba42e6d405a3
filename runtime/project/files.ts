/** Project file paths as the file tree handles them: POSIX-style, relative, inside the project. */
import type { Files } from './types';

export const MAX_PATH_LENGTH = 256;

/** Tidies a path from elsewhere (a share link, an import): trims, drops './' and empty segments. Keeps '..' for validation to reject. */
export function normalizePath(path: string): string {
  return path
    .trim()
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}

/** Why `path` cannot be a new file next to `existing`, as a message for the user; null when it can. */
export function validateFileName(path: string, existing: Files): string | null {
  const problem = validatePathSyntax(path);
  if (problem) return problem;
  if (Object.hasOwn(existing, path)) return `A file named '${path}' already exists`;
  for (const other of Object.keys(existing)) {
    if (other.startsWith(`${path}/`)) return `A folder named '${path}' already exists`;
    if (path.startsWith(`${other}/`)) return `'${other}' is a file, so it cannot be a folder`;
  }
  return null;
}

/** The syntax rules alone: non-empty, relative, '/'-separated, no '.' or '..' segments, not too long. */
export function validatePathSyntax(path: string): string | null {
  if (path.trim() === '') return 'Enter a file name';
  if (path !== path.trim()) return 'A file name cannot start or end with a space';
  if (path.includes('\\')) return "Use '/' to separate folders, not '\\'";
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return "Use a path inside the project, without a leading '/'";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'A file name cannot contain control characters';
  if (path.length > MAX_PATH_LENGTH) return `A path can be at most ${MAX_PATH_LENGTH} characters long`;
  const segments = path.split('/');
  if (segments.includes('..')) return "'..' is not allowed in a path";
  if (segments.includes('.')) return "'.' is not allowed as a folder name";
  if (segments.at(-1) === '') return 'Add a file name after the last /';
  if (segments.includes('')) return "A path cannot contain '//'";
  return null;
}

/** A copy of `files` with `from` renamed to `to`, in the same place in the order. Throws with the user-facing reason when it cannot. */
export function renameFile(files: Files, from: string, to: string): Files {
  if (!Object.hasOwn(files, from)) throw new Error(`There is no file named '${from}'`);
  if (from === to) return { ...files };
  const others = { ...files };
  delete others[from];
  const problem = validateFileName(to, others);
  if (problem) throw new Error(problem);
  const out: Files = {};
  for (const [path, text] of Object.entries(files)) out[path === from ? to : path] = text;
  return out;
}

/** A copy of `files` with every file under folder `from` moved under `to`. Throws with the reason when it cannot. */
export function renameFolder(files: Files, from: string, to: string): Files {
  const prefix = `${from}/`;
  const moved = Object.keys(files).filter((path) => path.startsWith(prefix));
  if (moved.length === 0) throw new Error(`There is no folder named '${from}'`);
  const problem = validatePathSyntax(to);
  if (problem) throw new Error(problem);
  if (to === from) return { ...files };
  if (to.startsWith(prefix)) throw new Error(`A folder cannot move inside itself`);
  const others = Object.fromEntries(Object.entries(files).filter(([path]) => !path.startsWith(prefix)));
  for (const path of moved) {
    const clash = validateFileName(to + path.slice(from.length), others);
    if (clash) throw new Error(clash);
  }
  const out: Files = {};
  for (const [path, text] of Object.entries(files)) out[path.startsWith(prefix) ? to + path.slice(from.length) : path] = text;
  return out;
}

export type Language = 'typescript' | 'javascript' | 'json' | 'yaml' | 'python' | 'markdown' | 'plaintext';

const LANGUAGES: Record<string, Language> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  json: 'json', yml: 'yaml', yaml: 'yaml', py: 'python', md: 'markdown', markdown: 'markdown',
};

/** The editor language for a file, from its extension. */
export function languageOf(path: string): Language {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'plaintext';
  const ext = name.slice(dot + 1).toLowerCase();
  return Object.hasOwn(LANGUAGES, ext) ? LANGUAGES[ext] : 'plaintext';
}
