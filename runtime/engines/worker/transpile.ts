/** The deployment package build: a function's files turned into CommonJS modules (TypeScript and ES modules transpiled with sucrase), in the page. */
import type { Transform } from 'sucrase';
import type { Diagnostic, Files, FunctionDef } from '../../project/types';
import type { FunctionBundle } from '../engine';

export type BundleFunction = Pick<FunctionDef, 'name' | 'handlerModule' | 'handlerExport' | 'timeout' | 'memorySize' | 'environment'>;

export type BuildResult = { bundle: FunctionBundle } | { diagnostics: Diagnostic[] };

/** Files that go into the bundle; everything else (serverless.yml, README, …) stays out. */
export const CODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json'];


type Transpiled = { code: string } | { diagnostic: Diagnostic };

const ESM_SYNTAX = /(^|[\n;])\s*(import\b\s*[\w{*'"(]|export\b\s*[\w{*])/;

function transformsFor(path: string, source: string): Transform[] | null {
  if (/\.(c|m)?ts$/.test(path)) return ['typescript', 'imports'];
  if (/\.(m|c)?js$/.test(path) && (path.endsWith('.mjs') || ESM_SYNTAX.test(source))) return ['imports'];
  return null;
}

type Sucrase = typeof import('sucrase');
let sucrase: Sucrase | null = null;

/**
 * Loads the transpiler when some file needs it (TypeScript or ES module syntax). Sucrase is loaded on demand so a
 * plain CommonJS project, like the example, does not pay for it in the page's first load.
 */
export async function prepareTranspiler(files: Files): Promise<void> {
  if (sucrase) return;
  for (const path of Object.keys(files)) {
    if (transformsFor(path, files[path])) {
      sucrase = await import('sucrase');
      return;
    }
  }
}

function transpileOne(path: string, source: string): Transpiled {
  const transforms = transformsFor(path, source);
  if (!transforms) return { code: source };
  if (!sucrase) throw new Error('prepareTranspiler() must run before building bundles with TypeScript or ES modules');
  try {
    // Sucrase keeps line numbers, so stack traces point at the lines the user wrote.
    return { code: sucrase.transform(source, { transforms, filePath: path, production: true }).code };
  } catch (err) {
    const e = err as Error & { loc?: { line: number; column: number } };
    const line = e.loc ? e.loc.line : 1;
    const column = e.loc ? e.loc.column : 1;
    const message = e.message.replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
    return { diagnostic: { severity: 'error', message, file: path, line, column, endLine: line, endColumn: column + 1 } };
  }
}

/** Builds bundles, remembering the last transpiled output per file so a redeploy only transpiles what changed. */
export class BundleBuilder {
  private cache = new Map<string, { source: string; result: Transpiled }>();
  /** How many files were actually transpiled (not served from the cache): for tests and benchmarks. */
  transpiled = 0;

  transpile(path: string, source: string): Transpiled {
    const hit = this.cache.get(path);
    if (hit && hit.source === source) return hit.result;
    const result = transpileOne(path, source);
    if (transformsFor(path, source)) this.transpiled++;
    this.cache.set(path, { source, result });
    return result;
  }

  build(fn: BundleFunction, files: Files, handlerFile: string): BuildResult {
    const modules: Record<string, string> = {};
    const diagnostics: Diagnostic[] = [];
    for (const path of Object.keys(files)) {
      if (!CODE_EXTENSIONS.some((ext) => path.endsWith(ext))) continue;
      if (path.endsWith('.json')) {
        modules[path] = files[path];
        continue;
      }
      const out = this.transpile(path, files[path]);
      if ('code' in out) modules[path] = out.code;
      else diagnostics.push(out.diagnostic);
    }
    for (const path of this.cache.keys()) if (!(path in files)) this.cache.delete(path);
    if (diagnostics.length) return { diagnostics };
    return {
      bundle: {
        functionName: fn.name,
        modules,
        entry: handlerFile,
        exportName: fn.handlerExport,
        env: { ...fn.environment },
        memoryLimitInMB: fn.memorySize,
        timeoutMs: fn.timeout * 1000,
      },
    };
  }
}

const shared = new BundleBuilder();

/** Builds a function's bundle with the page's shared transpile cache. */
export function buildBundle(fn: BundleFunction, files: Files, handlerFile: string): BuildResult {
  return shared.build(fn, files, handlerFile);
}
