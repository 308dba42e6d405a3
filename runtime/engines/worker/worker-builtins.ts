/** The small Node.js built-in modules the playground provides honestly (util, path, events, …); the hook later SDK shims plug into. */
import type { Format } from './worker-format';
import type { Inspect } from './worker-inspect';

export interface BuiltinDeps {
  format: Format;
  inspect: Inspect;
  process: unknown;
  console: unknown;
  timers: Record<string, unknown>;
  Buffer: unknown;
  /** Packages beyond Node's own ('@aws-sdk/client-s3', …): bare name → lazy factory. */
  packages?: Record<string, () => unknown>;
}

export interface Builtins {
  /** Bare name (without 'node:') → lazy factory: Node's modules, then the packages (the AWS SDK shims). */
  modules: Record<string, () => unknown>;
  /** Node core modules that exist in Node but not here: requiring one says so. */
  unsupportedCore: string[];
}

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createBuiltins(deps: BuiltinDeps): Builtins {
  function makePath() {
    const normalizeArray = (parts: string[], allowAboveRoot: boolean) => {
      const out: string[] = [];
      for (const p of parts) {
        if (!p || p === '.') continue;
        if (p === '..') {
          if (out.length && out[out.length - 1] !== '..') out.pop();
          else if (allowAboveRoot) out.push('..');
        } else out.push(p);
      }
      return out;
    };
    const normalize = (p: string) => {
      if (p === '') return '.';
      const abs = p.startsWith('/');
      const trailing = p.endsWith('/');
      let s = normalizeArray(p.split('/'), !abs).join('/');
      if (!s && !abs) s = '.';
      if (s && trailing) s += '/';
      return (abs ? '/' : '') + s;
    };
    const resolve = (...args: string[]) => {
      let r = '';
      for (let i = args.length - 1; i >= -1 && !r.startsWith('/'); i--) {
        const p = i >= 0 ? args[i] : '/var/task';
        if (p) r = p + (r ? '/' + r : '');
      }
      const s = normalizeArray(r.split('/'), false).join('/');
      return '/' + s;
    };
    const basename = (p: string, ext?: string) => {
      const parts = p.split('/').filter(Boolean);
      let b = parts.length ? parts[parts.length - 1] : '';
      if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
      return b;
    };
    const dirname = (p: string) => {
      const s = p.replace(/\/+$/, '');
      const i = s.lastIndexOf('/');
      if (i < 0) return '.';
      return i === 0 ? '/' : s.slice(0, i);
    };
    const extname = (p: string) => {
      const b = basename(p);
      const i = b.lastIndexOf('.');
      return i <= 0 ? '' : b.slice(i);
    };
    const relative = (from: string, to: string) => {
      const f = resolve(from).split('/').filter(Boolean);
      const t = resolve(to).split('/').filter(Boolean);
      let i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
    };
    const path: Record<string, unknown> = {
      sep: '/',
      delimiter: ':',
      normalize,
      resolve,
      join: (...parts: string[]) => normalize(parts.filter((x) => x !== '').join('/') || '.'),
      basename,
      dirname,
      extname,
      relative,
      isAbsolute: (p: string) => p.startsWith('/'),
      parse: (p: string) => {
        const base = basename(p);
        const ext = extname(p);
        return { root: p.startsWith('/') ? '/' : '', dir: p.includes('/') ? dirname(p) : '', base, ext, name: ext ? base.slice(0, -ext.length) : base };
      },
      format: (o: { dir?: string; root?: string; base?: string; name?: string; ext?: string }) => {
        const dir = o.dir || o.root || '';
        const base = o.base || (o.name || '') + (o.ext || '');
        return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base;
      },
    };
    path.posix = path;
    return path;
  }

  function makeEvents() {
    type Listener = (...args: unknown[]) => void;
    class EventEmitter {
      static defaultMaxListeners = 10;
      private _events: Record<string | symbol, Listener[]> = Object.create(null);
      on(name: string | symbol, fn: Listener) {
        return this.addListener(name, fn);
      }
      addListener(name: string | symbol, fn: Listener, prepend = false) {
        if (this._events.newListener && name !== 'newListener') this.emit('newListener', name, fn);
        const list = (this._events[name] ||= []);
        if (prepend) list.unshift(fn);
        else list.push(fn);
        return this;
      }
      prependListener(name: string | symbol, fn: Listener) {
        return this.addListener(name, fn, true);
      }
      once(name: string | symbol, fn: Listener) {
        const wrapped = (...args: unknown[]) => {
          this.removeListener(name, wrapped);
          fn.apply(this, args);
        };
        (wrapped as { listener?: Listener }).listener = fn;
        return this.on(name, wrapped);
      }
      off(name: string | symbol, fn: Listener) {
        return this.removeListener(name, fn);
      }
      removeListener(name: string | symbol, fn: Listener) {
        const list = this._events[name];
        if (!list) return this;
        const i = list.findIndex((l) => l === fn || (l as { listener?: Listener }).listener === fn);
        if (i >= 0) list.splice(i, 1);
        if (!list.length) delete this._events[name];
        return this;
      }
      removeAllListeners(name?: string | symbol) {
        if (name === undefined) this._events = Object.create(null);
        else delete this._events[name];
        return this;
      }
      emit(name: string | symbol, ...args: unknown[]) {
        const list = this._events[name];
        if (!list || !list.length) {
          if (name === 'error') {
            const err = args[0];
            if (err instanceof Error) throw err;
            throw new Error('Unhandled error. (' + deps.inspect(err) + ')');
          }
          return false;
        }
        for (const l of list.slice()) l.apply(this, args);
        return true;
      }
      listeners(name: string | symbol) {
        return (this._events[name] || []).map((l) => (l as { listener?: Listener }).listener || l);
      }
      listenerCount(name: string | symbol) {
        return (this._events[name] || []).length;
      }
      eventNames() {
        return Reflect.ownKeys(this._events);
      }
      setMaxListeners() {
        return this;
      }
      getMaxListeners() {
        return EventEmitter.defaultMaxListeners;
      }
    }
    const mod = EventEmitter as unknown as Record<string, unknown>;
    mod.EventEmitter = EventEmitter;
    mod.once = (em: EventEmitter, name: string) => new Promise((res) => em.once(name, (...args: unknown[]) => res(args)));
    return mod;
  }

  function makeUtil() {
    const custom = Symbol.for('nodejs.util.promisify.custom');
    const promisify = (fn: (...a: unknown[]) => void) => {
      const c = (fn as unknown as Record<symbol, unknown>)[custom];
      if (typeof c === 'function') return c;
      return function (this: unknown, ...args: unknown[]) {
        return new Promise((res, rej) => fn.call(this, ...args, (err: unknown, v: unknown) => (err ? rej(err) : res(v))));
      };
    };
    return {
      format: deps.format,
      inspect: deps.inspect,
      promisify,
      inherits: (ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }) => {
        ctor.super_ = superCtor;
        Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
      },
      deprecate: (fn: unknown) => fn,
      types: {
        isDate: (v: unknown) => v instanceof Date,
        isRegExp: (v: unknown) => v instanceof RegExp,
        isPromise: (v: unknown) => v instanceof Promise,
        isNativeError: (v: unknown) => v instanceof Error,
      },
      TextEncoder,
      TextDecoder,
    };
  }

  let path: Record<string, unknown> | undefined;
  const modules: Record<string, () => unknown> = {
    util: makeUtil,
    path: () => (path ||= makePath()),
    'path/posix': () => (path ||= makePath()),
    events: makeEvents,
    process: () => deps.process,
    console: () => deps.console,
    timers: () => deps.timers,
    buffer: () => ({ Buffer: deps.Buffer, kMaxLength: 2 ** 32 }),
    ...deps.packages,
  };
  const unsupportedCore = ('assert async_hooks child_process cluster constants crypto dgram diagnostics_channel dns domain fs http http2 https ' +
    'inspector module net os perf_hooks punycode querystring readline repl stream string_decoder sys tls trace_events tty url v8 vm wasi worker_threads zlib').split(' ');
  return { modules, unsupportedCore };
}
