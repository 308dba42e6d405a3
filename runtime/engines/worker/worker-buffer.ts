/** A small, honest subset of Node's Buffer (a Uint8Array with utf8/base64/base64url/hex/latin1 encodings), for handlers that decode bodies. */

export type BufferEncoding = 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex' | 'latin1' | 'binary' | 'ascii';

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createBuffer(): typeof Uint8Array & Record<string, unknown> {
  const enc = (e?: string): string => {
    const n = (e || 'utf8').toLowerCase();
    if (n === 'utf-8') return 'utf8';
    if (n === 'binary') return 'latin1';
    if (['utf8', 'base64', 'base64url', 'hex', 'latin1', 'ascii'].includes(n)) return n;
    const err = new TypeError('Unknown encoding: ' + e) as TypeError & { code: string };
    err.code = 'ERR_UNKNOWN_ENCODING';
    throw err;
  };
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function decode(s: string, e: string): Uint8Array {
    if (e === 'utf8') return new TextEncoder().encode(s);
    if (e === 'hex') {
      const out: number[] = [];
      for (let i = 0; i + 1 < s.length; i += 2) {
        const b = parseInt(s.slice(i, i + 2), 16);
        if (Number.isNaN(b)) break;
        out.push(b);
      }
      return Uint8Array.from(out);
    }
    if (e === 'base64' || e === 'base64url') {
      const out: number[] = [];
      let bits = 0;
      let acc = 0;
      for (const ch of s.replace(/-/g, '+').replace(/_/g, '/')) {
        const v = B64.indexOf(ch);
        if (v < 0) continue; // Node skips whitespace and stops caring about padding
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out.push((acc >> bits) & 0xff);
        }
      }
      return Uint8Array.from(out);
    }
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & (e === 'ascii' ? 0x7f : 0xff);
    return out;
  }
  function encode(b: Uint8Array, e: string): string {
    if (e === 'utf8') return new TextDecoder().decode(b);
    if (e === 'hex') return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    if (e === 'base64' || e === 'base64url') {
      let out = '';
      for (let i = 0; i < b.length; i += 3) {
        const n = (b[i] << 16) | ((b[i + 1] || 0) << 8) | (b[i + 2] || 0);
        out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
      }
      return e === 'base64' ? out : out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }
    let out = '';
    for (const x of b) out += String.fromCharCode(e === 'ascii' ? x & 0x7f : x);
    return out;
  }
  class Buffer extends Uint8Array {
    static from(value: unknown, encodingOrOffset?: unknown, length?: number): Buffer {
      if (typeof value === 'string') return Buffer.wrap(decode(value, enc(encodingOrOffset as string)));
      if (value instanceof ArrayBuffer) return new Buffer(value, (encodingOrOffset as number) || 0, length === undefined ? value.byteLength - ((encodingOrOffset as number) || 0) : length);
      if (ArrayBuffer.isView(value) || Array.isArray(value)) return Buffer.wrap(Uint8Array.from(value as ArrayLike<number>));
      if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Buffer') return Buffer.wrap(Uint8Array.from((value as { data: number[] }).data));
      throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.');
    }
    static alloc(size: number, fill?: number | string): Buffer {
      const b = new Buffer(size);
      if (typeof fill === 'number') b.fill(fill);
      else if (typeof fill === 'string' && fill) for (let i = 0; i < size; i++) b[i] = fill.charCodeAt(i % fill.length);
      return b;
    }
    static isBuffer(v: unknown): boolean {
      return v instanceof Buffer;
    }
    static isEncoding(e: unknown): boolean {
      try {
        return typeof e === 'string' && !!enc(e);
      } catch {
        return false;
      }
    }
    static byteLength(v: string | ArrayBufferView | ArrayBuffer, e?: string): number {
      return typeof v === 'string' ? decode(v, enc(e)).length : v.byteLength;
    }
    static concat(list: Uint8Array[], total?: number): Buffer {
      const size = total === undefined ? list.reduce((n, b) => n + b.length, 0) : total;
      const out = new Buffer(size);
      let at = 0;
      for (const b of list) {
        out.set(b.subarray(0, Math.max(0, size - at)), at);
        at += b.length;
        if (at >= size) break;
      }
      return out;
    }
    private static wrap(u: Uint8Array): Buffer {
      return new Buffer(u.buffer as ArrayBuffer, u.byteOffset, u.length);
    }
    toString(encoding?: string, start = 0, end = this.length): string {
      return encode(this.subarray(start, end), enc(encoding));
    }
    toJSON() {
      return { type: 'Buffer', data: Array.from(this) };
    }
    equals(other: Uint8Array): boolean {
      return this.length === other.length && this.every((x, i) => x === other[i]);
    }
    write(s: string, offset = 0, e?: string): number {
      const bytes = decode(s, enc(e)).subarray(0, Math.max(0, this.length - offset));
      this.set(bytes, offset);
      return bytes.length;
    }
    slice(start?: number, end?: number): Buffer {
      return this.subarray(start, end);
    }
    subarray(start?: number, end?: number): Buffer {
      const u = Uint8Array.prototype.subarray.call(this, start, end);
      return new Buffer(u.buffer as ArrayBuffer, u.byteOffset, u.length);
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
      const hex = Array.from(this.subarray(0, 50), (x) => x.toString(16).padStart(2, '0')).join(' ');
      return '<Buffer' + (hex ? ' ' + hex : '') + (this.length > 50 ? ' ... ' + (this.length - 50) + ' more bytes' : '') + '>';
    }
  }
  return Buffer as unknown as typeof Uint8Array & Record<string, unknown>;
}
