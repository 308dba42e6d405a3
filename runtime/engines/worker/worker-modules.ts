/** Node's CommonJS module system (require, module.exports, resolution, cache, cycles) over a function's files under /var/task. */

export interface ModuleSystemOptions {
  /** Project-relative path → CommonJS source or JSON text. */
  files: Record<string, string>;
  /** Where the files live, as in Lambda: '/var/task'. */
  root: string;
  /** Built-in modules by bare name ('util', '@aws-sdk/client-s3'): lazy factories, called once. */
  builtins: Record<string, () => unknown>;
  /** Bare names of Node's core modules the playground does not provide (a clearer error than a plain miss). */
  unsupportedCore: string[];
  /** Extra parameters of every module wrapper (process, console, Buffer, …): names and values. */
  globalNames: string[];
  globalValues: unknown[];
  /** Where compiled modules are evaluated: an indirect eval in the worker's global scope. */
  evaluate: (source: string) => unknown;
}

export interface NodeModule {
  id: string;
  filename: string;
  path: string;
  loaded: boolean;
  exports: unknown;
  children: NodeModule[];
  parent: NodeModule | null;
  require: (request: string) => unknown;
}

export interface ModuleSystem {
  /** Loads a module by project-relative path (the handler's entry), as the runtime's top-level require. */
  load(path: string, requireStackTail: string[]): unknown;
  cache: Record<string, NodeModule>;
}

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createModuleSystem(opts: ModuleSystemOptions): ModuleSystem {
  const root = opts.root;
  const cache: Record<string, NodeModule> = Object.create(null);
  const builtinCache: Record<string, unknown> = Object.create(null);
  const exts = ['.js', '.json', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
  const wrapperHead = '(function (exports, require, module, __filename, __dirname, ' + opts.globalNames.join(', ') + ') {';

  function normalize(p: string): string {
    const out: string[] = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return '/' + out.join('/');
  }
  function dirname(p: string): string {
    const i = p.lastIndexOf('/');
    return i <= 0 ? '/' : p.slice(0, i);
  }
  function fileAt(abs: string): string | undefined {
    if (!abs.startsWith(root + '/')) return undefined;
    const rel = abs.slice(root.length + 1);
    return Object.prototype.hasOwnProperty.call(opts.files, rel) ? rel : undefined;
  }
  function tryExtensions(abs: string): string | undefined {
    const exact = fileAt(abs);
    if (exact !== undefined) return abs;
    for (const e of exts) if (fileAt(abs + e) !== undefined) return abs + e;
    // TypeScript's convention: './x.js' in a .ts project names x.ts.
    const m = /\.(c|m)?js$/.exec(abs);
    if (m) {
      const ts = abs.slice(0, -m[0].length) + '.' + (m[1] || '') + 'ts';
      if (fileAt(ts) !== undefined) return ts;
    }
    return undefined;
  }
  function tryDirectory(abs: string): string | undefined {
    const pkg = fileAt(abs + '/package.json');
    if (pkg !== undefined) {
      try {
        const main = JSON.parse(opts.files[pkg]).main;
        if (typeof main === 'string' && main) {
          const target = normalize(abs + '/' + main);
          const found = tryExtensions(target) || tryIndex(target);
          if (found) return found;
        }
      } catch {
        // Node ignores an unreadable package.json here and falls back to index.
      }
    }
    return tryIndex(abs);
  }
  function tryIndex(abs: string): string | undefined {
    for (const e of exts) if (fileAt(abs + '/index' + e) !== undefined) return abs + '/index' + e;
    return undefined;
  }
  function resolvePath(abs: string): string | undefined {
    return tryExtensions(abs) || tryDirectory(abs);
  }
  function notFound(request: string, parent: NodeModule | null, tail: string[], note: string): Error {
    const stack: string[] = [];
    for (let m = parent; m; m = m.parent) stack.push(m.filename);
    stack.push(...tail);
    const err = new Error("Cannot find module '" + request + "'" + note + (stack.length ? '\nRequire stack:\n- ' + stack.join('\n- ') : '')) as Error & Record<string, unknown>;
    err.code = 'MODULE_NOT_FOUND';
    err.requireStack = stack;
    return err;
  }
  function resolve(request: string, parent: NodeModule | null, tail: string[]): string {
    if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..' || request.startsWith('/')) {
      const base = request.startsWith('/') ? request : (parent ? parent.path : root) + '/' + request;
      const found = resolvePath(normalize(base));
      if (found) return found;
      throw notFound(request, parent, tail, '');
    }
    // A bare specifier: node_modules folders up from the parent, as Node searches them.
    for (let dir = parent ? parent.path : root; ; dir = dirname(dir)) {
      const found = resolvePath(normalize(dir + '/node_modules/' + request));
      if (found) return found;
      if (dir === '/' || !dir.startsWith(root)) break;
    }
    const core = request.startsWith('node:') ? request.slice(5) : request;
    const note = opts.unsupportedCore.includes(core.split('/')[0]) ? ' (a Node.js built-in module the playground does not provide)' : '';
    throw notFound(request, parent, tail, note);
  }
  function builtin(request: string): { found: boolean; value?: unknown } {
    const name = request.startsWith('node:') ? request.slice(5) : request;
    if (!Object.prototype.hasOwnProperty.call(opts.builtins, name)) return { found: false };
    if (!(name in builtinCache)) builtinCache[name] = opts.builtins[name]();
    return { found: true, value: builtinCache[name] };
  }
  function makeRequire(mod: NodeModule | null, tail: string[]): NodeModule['require'] {
    const req = ((request: string) => {
      if (typeof request !== 'string') throw new TypeError('The "id" argument must be of type string. Received ' + typeof request);
      const b = builtin(request);
      if (b.found) return b.value;
      return loadFile(resolve(request, mod, tail), mod, tail);
    }) as NodeModule['require'] & { resolve: (r: string) => string; cache: Record<string, NodeModule> };
    req.resolve = (request: string) => (builtin(request).found ? request : resolve(request, mod, tail));
    req.cache = cache;
    return req;
  }
  function loadFile(filename: string, parent: NodeModule | null, tail: string[]): unknown {
    const cached = cache[filename];
    if (cached) return cached.exports;
    const mod: NodeModule = { id: filename, filename, path: dirname(filename), loaded: false, exports: {}, children: [], parent, require: null as never };
    mod.require = makeRequire(mod, tail);
    if (parent) parent.children.push(mod);
    cache[filename] = mod;
    const text = opts.files[filename.slice(root.length + 1)];
    try {
      if (filename.endsWith('.json')) {
        try {
          mod.exports = JSON.parse(text);
        } catch (err) {
          (err as Error).message = filename + ': ' + (err as Error).message;
          throw err;
        }
      } else {
        const body = text.startsWith('#!') ? '//' + text : text;
        const fn = opts.evaluate(wrapperHead + body + '\n})\n//# sourceURL=' + filename) as (...a: unknown[]) => void;
        fn.call(mod.exports, mod.exports, mod.require, mod, filename, mod.path, ...opts.globalValues);
      }
    } catch (err) {
      delete cache[filename]; // Node forgets a module whose evaluation threw
      throw err;
    }
    mod.loaded = true;
    return mod.exports;
  }
  return {
    load: (path, tail) => loadFile(resolve('./' + path, null, tail), null, tail),
    cache,
  };
}
