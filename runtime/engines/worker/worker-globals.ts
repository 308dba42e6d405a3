/** The Node.js globals a Lambda handler sees (process, console patched as the Lambda runtime patches it, timers), inside the worker. */
import type { LogLevel } from '../engine';
import type { Format } from './worker-format';

export interface TimerHost {
  setTimeout(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearTimeout(id: unknown): void;
  setInterval(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): unknown;
  clearInterval(id: unknown): void;
  performance: { now(): number };
}

export interface GlobalsDeps {
  host: TimerHost;
  format: Format;
  /** Sends one finished log line to the page. */
  write(level: LogLevel, requestId: string | null, text: string): void;
  requestId(): string | null;
  /** process.exit: the runtime process ends (Lambda: Runtime.ExitError). */
  exit(code: number): void;
}

export interface WorkerGlobals {
  process: { env: Record<string, string | undefined> } & Record<string, unknown>;
  console: Record<string, unknown>;
  timers: Record<string, (...a: never[]) => unknown>;
  /** User timers still due (Node's event loop would stay alive for them). */
  pending(): number;
  /** Called (once) the next time pending work drops to zero. */
  onIdle(fn: (() => void) | null): void;
  /** `Date` as the function sees it: the simulation's time (wall time plus the platform clock's offset). */
  Date: DateConstructor;
  /** Sets how far the platform's simulation clock is ahead of wall time (a fast-forward moves it). */
  setClockOffset(ms: number): void;
}

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createGlobals(deps: GlobalsDeps): WorkerGlobals {
  const host = deps.host;
  const RealDate = Date;
  let clockOffset = 0;
  const simNow = () => RealDate.now() + clockOffset;
  // A constructor function, not a class, so that `Date()` without `new` still returns a string as it does in Node.
  const SimDate = function (...args: unknown[]) {
    if (!new.target) return new RealDate(simNow()).toString();
    return args.length === 0 ? new RealDate(simNow()) : Reflect.construct(RealDate, args);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(SimDate, RealDate); // Date.UTC, Date.parse
  Object.defineProperty(SimDate, 'prototype', { value: RealDate.prototype }); // instanceof Date holds
  Object.defineProperty(SimDate, 'now', { value: simNow, writable: true, configurable: true });
  const live = new Set<unknown>();
  let idle: (() => void) | null = null;
  const changed = () => {
    if (live.size === 0 && idle) {
      const fn = idle;
      idle = null;
      fn();
    }
  };

  // LogPatch.js of the Lambda Node.js runtime: `<ISO time>\t<request id>\t<LEVEL>\t<util.format(...)>`.
  const line = (level: LogLevel, label: string) => (...args: unknown[]) => {
    const rid = deps.requestId();
    deps.write(level, rid, new RealDate(simNow()).toISOString() + '\t' + (rid === null ? 'undefined' : rid) + '\t' + label + '\t' + deps.format(...args));
  };
  const con: Record<string, unknown> = {
    log: line('log', 'INFO'),
    info: line('info', 'INFO'),
    warn: line('warn', 'WARN'),
    error: line('error', 'ERROR'),
    debug: line('debug', 'DEBUG'),
    trace: line('trace', 'TRACE'),
    fatal: line('error', 'FATAL'),
    dir: (v: unknown) => line('log', 'INFO')(v),
    table: (v: unknown) => line('log', 'INFO')(v),
    assert: (ok: unknown, ...args: unknown[]) => {
      if (!ok) line('error', 'ERROR')(...(args.length ? ['Assertion failed:', ...args] : ['Assertion failed']));
    },
    time: () => {},
    timeEnd: () => {},
    group: () => {},
    groupEnd: () => {},
  };

  const timers = {
    setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const id = host.setTimeout(() => {
        live.delete(id);
        try {
          fn(...args);
        } finally {
          changed();
        }
      }, ms);
      live.add(id);
      return id;
    },
    clearTimeout: (id: unknown) => {
      host.clearTimeout(id);
      if (live.delete(id)) changed();
    },
    setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const id = host.setInterval(() => fn(...args), ms);
      live.add(id);
      return id;
    },
    clearInterval: (id: unknown) => {
      host.clearInterval(id);
      if (live.delete(id)) changed();
    },
    setImmediate: (fn: (...a: unknown[]) => void, ...args: unknown[]) => timers.setTimeout(fn, 0, ...args),
    clearImmediate: (id: unknown) => timers.clearTimeout(id),
  };

  const hrtime = (prev?: [number, number]) => {
    const ns = Math.round(host.performance.now() * 1e6);
    let s = Math.floor(ns / 1e9);
    let n = ns % 1e9;
    if (prev) {
      s -= prev[0];
      n -= prev[1];
      if (n < 0) {
        s--;
        n += 1e9;
      }
    }
    return [s, n];
  };
  hrtime.bigint = () => BigInt(Math.round(host.performance.now() * 1e6));
  const stream = (level: LogLevel) => ({
    write: (chunk: unknown) => {
      // Raw writes reach CloudWatch as they are, without the runtime's prefix.
      deps.write(level, deps.requestId(), String(chunk).replace(/\n$/, ''));
      return true;
    },
    isTTY: false,
  });
  const proc = {
    env: {} as Record<string, string | undefined>,
    version: 'v20.19.5',
    versions: { node: '20.19.5' },
    release: { name: 'node', lts: 'Iron' },
    platform: 'linux',
    arch: 'x64',
    pid: 8,
    ppid: 1,
    title: '/var/lang/bin/node',
    argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
    execArgv: [],
    execPath: '/var/lang/bin/node',
    exitCode: undefined,
    cwd: () => '/var/task',
    uptime: () => host.performance.now() / 1000,
    hrtime,
    nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
    exit: (code?: number) => {
      deps.exit(code === undefined ? 0 : code);
      throw new Error('process.exit(' + (code === undefined ? '' : code) + ') called');
    },
    emitWarning: (w: unknown) => (con.warn as (...a: unknown[]) => void)(w instanceof Error ? w : '(node:8) Warning: ' + String(w)),
    stdout: stream('log'),
    stderr: stream('error'),
    on() {
      return proc;
    },
    once() {
      return proc;
    },
    off() {
      return proc;
    },
    removeListener() {
      return proc;
    },
    emit: () => false,
    listenerCount: () => 0,
  };
  return {
    process: proc,
    console: con,
    timers,
    pending: () => live.size,
    onIdle: (fn) => {
      idle = fn;
      if (fn && live.size === 0) host.setTimeout(changed, 0);
    },
    Date: SimDate,
    setClockOffset: (ms) => {
      clockOffset = ms;
    },
  };
}
