/** MD5 (RFC 1321) of bytes, as S3 uses for a single-part object's ETag and SQS for MD5OfMessageBody. */

const S = Int32Array.from([7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]);
const K = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);
/** The message word each of the 64 steps reads. */
const G = Int32Array.from({ length: 64 }, (_, i) => (i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16));
const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

// One block of message words, reused: hashing allocates nothing but the result string.
const M = new Int32Array(16);
const state = new Int32Array(4);

function block(bytes: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const p = off + i * 4;
    M[i] = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
  }
  compress();
}

function compress(): void {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  for (let i = 0; i < 64; i++) {
    const f = i < 16 ? (b & c) | (~b & d) : i < 32 ? (d & b) | (~d & c) : i < 48 ? b ^ c ^ d : c ^ (b | ~d);
    const sum = (a + f + K[i] + M[G[i]]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << S[i]) | (sum >>> (32 - S[i])))) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
}

/** The 32 lower-case hex digits of the MD5 digest of `bytes`. */
export function md5Hex(bytes: Uint8Array): string {
  const len = bytes.length;
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
  const whole = len - (len % 64);
  for (let off = 0; off < whole; off += 64) block(bytes, off);
  // The tail: the last bytes, 0x80, zeros to 56 mod 64, then the bit length as a 64-bit little-endian number.
  M.fill(0);
  let w = 0;
  for (let p = whole; p < len; p++, w++) M[w >> 2] |= bytes[p] << ((w & 3) * 8);
  M[w >> 2] |= 0x80 << ((w & 3) * 8);
  if (w >= 56) {
    compress();
    M.fill(0);
  }
  M[14] = (len * 8) | 0;
  M[15] = Math.floor(len / 0x20000000) | 0;
  compress();
  let out = '';
  for (let k = 0; k < 4; k++) {
    const word = state[k];
    out += HEX[word & 0xff] + HEX[(word >>> 8) & 0xff] + HEX[(word >>> 16) & 0xff] + HEX[(word >>> 24) & 0xff];
  }
  return out;
}
