/** Node's util.inspect, as the Lambda Node.js runtime prints objects in console output (depth 2, compact 3, breakLength 80). */

export interface InspectOptions {
  depth?: number;
  showHidden?: boolean;
  breakLength?: number;
}

export type Inspect = ((value: unknown, options?: InspectOptions) => string) & { custom?: symbol };

/**
 * Runs inside the sandboxed worker: self-contained (no imports, no outer variables) because the
 * worker program is built from its source text (see worker-program.ts).
 */
export function createInspect(): Inspect {
  /** Node's inspect context: depth limit, line width, objects on the current path, circular ids, indentation. */
  type Ctx = { depth: number; breakLength: number; seen: unknown[]; circular: Map<unknown, number>; indentationLvl: number; currentDepth: number };
  const identRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const customSymbol = Symbol.for('nodejs.util.inspect.custom');
  const escapes: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

  function strEscape(s: string): string {
    let quote = "'";
    if (s.includes("'")) {
      if (!s.includes('"')) quote = '"';
      else if (!s.includes('`') && !s.includes('${')) quote = '`';
    }
    let out = '';
    for (const ch of s) {
      const code = ch.charCodeAt(0);
      if (ch === quote || ch === '\\') out += '\\' + ch;
      else if (escapes[ch]) out += escapes[ch];
      else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
      else out += ch;
    }
    return quote + out + quote;
  }

  function formatKey(key: string | symbol): string {
    if (typeof key === 'symbol') return '[' + key.toString() + ']';
    return identRe.test(key) ? key : strEscape(key);
  }

  function formatPrimitive(v: unknown, ctx: Ctx): string {
    if (typeof v === 'string') {
      if (v.length > 16 && v.length > ctx.breakLength - ctx.indentationLvl - 4 && v.includes('\n')) {
        const pad = ' '.repeat(ctx.indentationLvl + 2);
        return v.split(/(?<=\n)/).map(strEscape).join(' +\n' + pad);
      }
      return strEscape(v);
    }
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'bigint') return v + 'n';
    if (typeof v === 'symbol') return v.toString();
    return String(v);
  }

  function ctorName(obj: object): string | null {
    let proto = Object.getPrototypeOf(obj);
    while (proto) {
      const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (desc && typeof desc.value === 'function' && desc.value.name) return desc.value.name;
      proto = Object.getPrototypeOf(proto);
    }
    return null;
  }

  function fnBase(fn: (...args: unknown[]) => unknown): string {
    const src = Function.prototype.toString.call(fn);
    if (src.startsWith('class') && /^class\b/.test(src)) {
      const sup = Object.getPrototypeOf(fn);
      return '[class ' + (fn.name || '(anonymous)') + (sup && sup.name ? ' extends ' + sup.name : '') + ']';
    }
    const kind = ctorName(fn) || 'Function';
    return '[' + kind + (fn.name ? ': ' + fn.name : ' (anonymous)') + ']';
  }

  function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
    let total = output.length + start;
    if (total + output.length > ctx.breakLength) return false;
    for (const o of output) {
      total += o.length;
      if (total > ctx.breakLength) return false;
    }
    return base === '' || !base.includes('\n');
  }

  function groupArrayElements(ctx: Ctx, output: string[], value: unknown[] | null): string[] {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    if (output.length > 0 && output[output.length - 1].startsWith('... ')) outputLength--;
    const separatorSpace = 2;
    const dataLen: number[] = [];
    for (let i = 0; i < outputLength; i++) {
      const len = output[i].length;
      dataLen.push(len);
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(
        Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        3 * 4,
        15,
      );
      if (columns <= 1) return output;
      const maxLineLength: number[] = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < outputLength; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
        maxLineLength.push(lineLength + separatorSpace);
      }
      let padStart = value !== null;
      if (value) for (let i = 0; i < outputLength; i++) if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') padStart = false;
      const tmp: string[] = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let str = '';
        let j = i;
        for (; j < max - 1; j++) {
          const cell = output[j] + ', ';
          str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
        }
        str += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace, ' ') : output[j];
        tmp.push(str);
      }
      if (outputLength < output.length) tmp.push(output[outputLength]);
      return tmp;
    }
    return output;
  }

  function reduceToSingleString(ctx: Ctx, output: string[], base: string, braces: [string, string], isArray: boolean, recurseTimes: number, value: unknown[] | null): string {
    const entries = output.length;
    if (isArray && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - recurseTimes < 3 && entries === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        const joined = output.join(', ');
        if (!joined.includes('\n')) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
      }
    }
    const indentation = '\n' + ' '.repeat(ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + indentation + '  ' + output.join(',' + indentation + '  ') + indentation + braces[1];
  }

  function formatProperty(ctx: Ctx, obj: object, key: string | symbol, recurseTimes: number): string {
    const desc = Object.getOwnPropertyDescriptor(obj, key) || { value: (obj as Record<string | symbol, unknown>)[key], enumerable: true };
    let str: string;
    if (desc.get || desc.set) str = desc.get && desc.set ? '[Getter/Setter]' : desc.get ? '[Getter]' : '[Setter]';
    else {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, recurseTimes);
      ctx.indentationLvl -= 2;
    }
    return formatKey(key) + ': ' + str;
  }

  function ownKeys(obj: object, skipIndexes: boolean): (string | symbol)[] {
    const keys: (string | symbol)[] = Object.keys(obj);
    const filtered = skipIndexes ? keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k as string)) : keys;
    for (const s of Object.getOwnPropertySymbols(obj)) if (Object.prototype.propertyIsEnumerable.call(obj, s)) filtered.push(s);
    return filtered;
  }

  function formatValue(ctx: Ctx, value: unknown, recurseTimes: number): string {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return formatPrimitive(value, ctx);
    const obj = value as object;
    if (ctx.seen.includes(obj)) {
      let index = ctx.circular.get(obj);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(obj, index);
      }
      return '[Circular *' + index + ']';
    }
    const custom = (obj as Record<symbol, unknown>)[customSymbol]; // util.inspect.custom, as Buffer and libraries define it
    if (typeof custom === 'function' && custom !== inspect) {
      const r = custom.call(obj, ctx.depth - recurseTimes, { depth: ctx.depth - recurseTimes, breakLength: ctx.breakLength }, inspect);
      if (r !== obj) return typeof r === 'string' ? r : formatValue(ctx, r, recurseTimes);
    }
    return formatRaw(ctx, obj, recurseTimes);
  }

  function formatRaw(ctx: Ctx, obj: object, recurseTimes: number): string {
    const name = ctorName(obj);
    const prefix = (fallback: string, size?: number) => {
      const n = name === null ? '[' + fallback + ': null prototype]' : name;
      return n + (size === undefined ? '' : '(' + size + ')');
    };
    let keys: (string | symbol)[] = [];
    let base = '';
    let braces: [string, string] = ['{', '}'];
    let isArray = false;
    let entries: ((ctx: Ctx, level: number) => string[]) | null = null;
    if (Array.isArray(obj)) {
      isArray = true;
      keys = ownKeys(obj, true);
      braces = [(name === 'Array' ? '' : prefix('Array', obj.length) + ' ') + '[', ']'];
      if (obj.length === 0 && keys.length === 0) return braces[0] + ']';
      entries = (c, level) => formatArray(c, obj as unknown[], level);
    } else if (typeof obj === 'function') {
      base = fnBase(obj as (...args: unknown[]) => unknown);
      keys = ownKeys(obj, false);
      if (keys.length === 0) return base;
    } else if (obj instanceof Error || (typeof (obj as Error).stack === 'string' && typeof (obj as Error).message === 'string' && name && name.endsWith('Error'))) {
      const err = obj as Error;
      base = err.stack || '[' + Error.prototype.toString.call(err) + ']';
      if (ctx.indentationLvl) base = base.split('\n').join('\n' + ' '.repeat(ctx.indentationLvl));
      keys = ownKeys(obj, false).filter((k) => k !== 'stack' && k !== 'message');
      if (keys.length === 0) return base;
    } else if (obj instanceof Date) {
      base = isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
      keys = ownKeys(obj, false);
      if (keys.length === 0) return base;
    } else if (obj instanceof RegExp) {
      base = RegExp.prototype.toString.call(obj);
      keys = ownKeys(obj, false);
      if (keys.length === 0) return base;
    } else if (obj instanceof Map) {
      keys = ownKeys(obj, false);
      braces = [prefix('Map', obj.size) + ' {', '}'];
      if (obj.size === 0 && keys.length === 0) return braces[0] + '}';
      entries = (c, level) => [...(obj as Map<unknown, unknown>)].slice(0, 100).map(([k, v]) => formatValue(c, k, level) + ' => ' + formatValue(c, v, level));
    } else if (obj instanceof Set) {
      keys = ownKeys(obj, false);
      braces = [prefix('Set', obj.size) + ' {', '}'];
      if (obj.size === 0 && keys.length === 0) return braces[0] + '}';
      entries = (c, level) => [...(obj as Set<unknown>)].slice(0, 100).map((v) => formatValue(c, v, level));
    } else if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const ta = obj as unknown as ArrayLike<number>;
      isArray = true;
      braces = [prefix('TypedArray', ta.length) + ' [', ']'];
      if (ta.length === 0) return braces[0] + ']';
      entries = (c, level) => formatArray(c, Array.from(ta), level);
    } else if (obj instanceof Promise) {
      return 'Promise { <pending> }';
    } else if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) {
      const kind = obj instanceof Number ? 'Number' : obj instanceof String ? 'String' : 'Boolean';
      base = '[' + kind + ': ' + formatPrimitive(obj.valueOf(), ctx) + ']';
      keys = ownKeys(obj, obj instanceof String);
      if (keys.length === 0) return base;
    } else {
      keys = ownKeys(obj, false);
      if (name !== 'Object') braces = [prefix('Object') + ' {', '}'];
      if (keys.length === 0) return name === 'Object' ? '{}' : braces[0] + '}';
    }
    if (recurseTimes > ctx.depth) return '[' + (name === null ? 'Object: null prototype' : name || 'Object') + ']';
    ctx.seen.push(obj);
    ctx.currentDepth = recurseTimes;
    const level = recurseTimes + 1;
    const output = entries ? entries(ctx, level) : [];
    for (const k of keys) output.push(formatProperty(ctx, obj, k, level));
    ctx.seen.pop();
    const index = ctx.circular.get(obj);
    if (index !== undefined) base = base === '' ? '<ref *' + index + '>' : '<ref *' + index + '> ' + base;
    return reduceToSingleString(ctx, output, base, braces, isArray, recurseTimes, isArray ? (obj as unknown[]) : null);
  }

  function formatArray(ctx: Ctx, arr: unknown[], level: number): string[] {
    const output: string[] = [];
    const limit = Math.min(arr.length, 100);
    let holes = 0;
    const flushHoles = () => {
      if (holes) output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      holes = 0;
    };
    for (let i = 0; i < limit; i++) {
      if (!Object.prototype.hasOwnProperty.call(arr, i)) {
        holes++;
        continue;
      }
      flushHoles();
      ctx.indentationLvl += 2;
      output.push(formatValue(ctx, arr[i], level));
      ctx.indentationLvl -= 2;
    }
    flushHoles();
    if (arr.length > limit) output.push('... ' + (arr.length - limit) + ' more item' + (arr.length - limit > 1 ? 's' : ''));
    return output;
  }

  function inspect(value: unknown, options?: InspectOptions): string {
    const ctx: Ctx = {
      depth: options && options.depth !== undefined ? options.depth : 2,
      breakLength: options && options.breakLength !== undefined ? options.breakLength : 80,
      seen: [],
      circular: new Map(),
      indentationLvl: 0,
      currentDepth: 0,
    };
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customSymbol;
  return inspect;
}
