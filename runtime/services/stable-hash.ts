/** Stable stand-ins for ids AWS draws at random (request ids, owner ids, subscription ids): hex from FNV-1a hashes. */

/** `length` lower-case hex digits derived from `s`; the same input always gives the same digits. */
export function hashHex(s: string, length: number): string {
  let out = '';
  for (let k = 0; out.length < length; k++) {
    let h = (0x811c9dc5 ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A UUID-shaped (version 4 layout) id derived from `s`. */
export function hashUuid(s: string): string {
  const h = hashHex(s, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
