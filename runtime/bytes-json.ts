/** Bytes in JSON text: base64, and `{"$bytes": "<base64>"}` wherever a Uint8Array sits in a value (the WebContainer host's protocol, the saved copy of the services' data). */

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** JSON.stringify's replacer: a Uint8Array becomes `{ $bytes }`. */
export function bytesReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $bytes: toBase64(value) } : value;
}

/** JSON.parse's reviver: `{ $bytes }` (and nothing else) becomes a Uint8Array again. */
export function bytesReviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) return fromBase64(o.$bytes);
  }
  return value;
}
