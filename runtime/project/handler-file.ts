/** Lambda's handler setting (`file.export`): which project file and export it names. */
import type { Files, FunctionDef, Runtime } from './types';

/** 'src/users.get' → { module: 'src/users', exportName: 'get' }, split at the last dot; null if either part is empty. */
export function splitHandler(handler: string): { module: string; exportName: string } | null {
  const text = handler.trim().replace(/^\.\//, '');
  const dot = text.lastIndexOf('.');
  if (dot <= 0 || dot === text.length - 1) return null;
  const module = text.slice(0, dot);
  const exportName = text.slice(dot + 1);
  if (module.endsWith('/')) return null;
  return { module, exportName };
}

const NODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
const PYTHON_EXTENSIONS = ['.py'];

export function isPythonRuntime(runtime: Runtime): boolean {
  return runtime.startsWith('python');
}

/** The files tried for a handler module, in order: Node tries .js, .mjs, .cjs, .ts (then .mts, .cts); Python tries .py. */
export function handlerFileCandidates(module: string, runtime: Runtime): string[] {
  const extensions = isPythonRuntime(runtime) ? PYTHON_EXTENSIONS : NODE_EXTENSIONS;
  return extensions.map((ext) => module + ext);
}

/** The project file that holds the function's handler, or null when none of the candidates exists. */
export function resolveHandlerFile(fn: FunctionDef, files: Files): string | null {
  return handlerFileCandidates(fn.handlerModule, fn.runtime).find((path) => Object.hasOwn(files, path)) ?? null;
}

/** "Handler file 'handler.js' not found (looked for handler.js, handler.mjs, handler.cjs, handler.ts)". */
export function missingHandlerMessage(module: string, runtime: Runtime): string {
  const candidates = handlerFileCandidates(module, runtime).slice(0, 4);
  return `Handler file '${candidates[0]}' not found (looked for ${candidates.join(', ')})`;
}
