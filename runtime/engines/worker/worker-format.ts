/** Node's util.format (%s %d %i %f %j %o %O %c %%), which the Lambda Node.js runtime applies to console arguments. */
import type { Inspect } from './worker-inspect';

export type Format = (...args: unknown[]) => string;

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createFormat(inspect: Inspect): Format {
  /** Node's hasBuiltInToString: the toString in use comes from a built-in constructor's prototype. */
  function builtInToString(v: object): boolean {
    const o = v as { toString?: unknown };
    if (typeof o.toString !== 'function') return true;
    if (Object.prototype.hasOwnProperty.call(v, 'toString')) return false;
    let p: object | null = v;
    do p = Object.getPrototypeOf(p);
    while (p && !Object.prototype.hasOwnProperty.call(p, 'toString'));
    const ctor = p && Object.getOwnPropertyDescriptor(p, 'constructor');
    return !!ctor && typeof ctor.value === 'function' && (globalThis as Record<string, unknown>)[ctor.value.name] === ctor.value;
  }
  function num(n: number): string {
    return Object.is(n, -0) ? '-0' : String(n);
  }
  function json(v: unknown): string {
    try {
      return JSON.stringify(v) as string;
    } catch (err) {
      if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
      throw err;
    }
  }
  function token(ch: string, arg: unknown): string {
    switch (ch) {
      case 's':
        if (typeof arg === 'bigint') return arg + 'n';
        if (typeof arg === 'number') return num(arg);
        if (typeof arg === 'symbol') return arg.toString();
        if (arg !== null && typeof arg === 'object' && builtInToString(arg)) return inspect(arg, { depth: 0 });
        return String(arg);
      case 'd':
        if (typeof arg === 'bigint') return arg + 'n';
        if (typeof arg === 'symbol' || (arg !== null && typeof arg === 'object')) return 'NaN';
        return num(Number(arg));
      case 'i':
        if (typeof arg === 'bigint') return arg + 'n';
        if (typeof arg === 'symbol') return 'NaN';
        return num(parseInt(String(arg), 10));
      case 'f':
        if (typeof arg === 'symbol') return 'NaN';
        return num(parseFloat(String(arg)));
      case 'j':
        return json(arg);
      case 'o':
        return inspect(arg, { depth: 4, showHidden: true });
      case 'O':
        return inspect(arg);
      default: // 'c': CSS, consumed and dropped as Node does
        return '';
    }
  }
  return function format(...args: unknown[]): string {
    const first = args[0];
    let out = '';
    let a = 1;
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let last = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue; // '%'
        const ch = first[i + 1];
        if (ch === '%') {
          out += first.slice(last, i) + '%';
          last = i + 2;
          i++;
        } else if (a < args.length && 'sdifjoOc'.includes(ch)) {
          out += first.slice(last, i) + token(ch, args[a++]);
          last = i + 2;
          i++;
        }
      }
      out += first.slice(last);
    } else {
      a = 0;
    }
    for (; a < args.length; a++) {
      const v = args[a];
      out += (out === '' && a === 0 ? '' : ' ') + (typeof v === 'string' ? v : inspect(v));
    }
    return out;
  };
}
