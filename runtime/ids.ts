/** Identifiers shaped like AWS's own: request ids, API Gateway API ids, Lambda ARNs and CloudWatch log stream names. */

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

const HEX = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));
const POOL_IDS = 256;
let pool = new Uint8Array(0);
let offset = 0;

/**
 * A Lambda request id: a random UUID v4, as `context.awsRequestId` is. Runs twice per request at 10k+ requests a
 * second, so random bytes are drawn 4 KB at a time (crypto.randomUUID costs about 10x more per id in the page).
 */
export function newRequestId(): string {
  if (offset + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(16 * POOL_IDS));
    offset = 0;
  }
  const b = pool;
  const o = offset;
  offset += 16;
  return (
    HEX[b[o]] + HEX[b[o + 1]] + HEX[b[o + 2]] + HEX[b[o + 3]] + '-' +
    HEX[b[o + 4]] + HEX[b[o + 5]] + '-' +
    HEX[(b[o + 6] & 0x0f) | 0x40] + HEX[b[o + 7]] + '-' +
    HEX[(b[o + 8] & 0x3f) | 0x80] + HEX[b[o + 9]] + '-' +
    HEX[b[o + 10]] + HEX[b[o + 11]] + HEX[b[o + 12]] + HEX[b[o + 13]] + HEX[b[o + 14]] + HEX[b[o + 15]]
  );
}

/** An API Gateway API id: 10 lower-case alphanumerics, like `a1b2c3d4e5` in `a1b2c3d4e5.execute-api…`. */
export function newApiId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let id = '';
  // 256 % 36 != 0, so take the modulus of bytes below 252 only (252 = 7 * 36) to keep the letters uniform.
  for (let i = 0; i < bytes.length; i++) {
    let b = bytes[i];
    while (b >= 252) b = crypto.getRandomValues(new Uint8Array(1))[0];
    id += ALNUM[b % 36];
  }
  return id;
}

/** `arn:aws:lambda:us-east-1:123456789012:function:hello`, with `:qualifier` (a version or alias) when given. */
export function functionArn(region: string, account: string, name: string, qualifier?: string): string {
  const arn = `arn:aws:lambda:${region}:${account}:function:${name}`;
  return qualifier ? `${arn}:${qualifier}` : arn;
}

/** The log group Lambda writes a function's logs to. */
export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/**
 * A CloudWatch log stream name as Lambda names one per execution environment:
 * `2026/11/22/[$LATEST]0123456789abcdef0123456789abcdef` (UTC date of the instance's start, the version, 32 hex).
 * An instance id that is not already 32 hex digits is hashed to 32 hex, so the same instance always gets the same stream.
 */
export function logStreamName(date: Date | number, instanceId: string, version = '$LATEST'): string {
  const d = typeof date === 'number' ? new Date(date) : date;
  const ymd = `${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}`;
  return `${ymd}/[${version}]${toHex32(instanceId)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function toHex32(id: string): string {
  if (/^[0-9a-f]{32}$/.test(id)) return id;
  // Four independent 32-bit FNV-1a hashes (different offset bases) give 128 stable bits.
  let out = '';
  for (let k = 0; k < 4; k++) {
    let h = (0x811c9dc5 ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
