/** Share links (CONTRACTS.md §3): `#project=` + base64url, no padding, of raw DEFLATE of UTF-8 JSON `{"v":1,"files":…,"open":…}`. */
import type { Files } from './types';
import { validatePathSyntax } from './files';

export const SHARE_LINK_VERSION = 1;
/** Decompression stops past this many bytes, so a small link cannot expand into a huge project. */
export const MAX_SHARED_BYTES = 5 * 1024 * 1024;

export interface SharedProject {
  files: Files;
  open?: string;
}

/** A link that does not decode; the message is meant for the user. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

export async function encodeShareLink(p: SharedProject): Promise<string> {
  const payload = p.open === undefined ? { v: SHARE_LINK_VERSION, files: p.files } : { v: SHARE_LINK_VERSION, files: p.files, open: p.open };
  const compressed = await pump(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'), Infinity);
  return toBase64Url(compressed);
}

export async function decodeShareLink(value: string): Promise<SharedProject> {
  const compressed = fromBase64Url(value);
  let bytes: Uint8Array;
  try {
    bytes = await pump(compressed, new DecompressionStream('deflate-raw'), MAX_SHARED_BYTES);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError('This project link is damaged: its data could not be decompressed.');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ShareLinkError('This project link is damaged: its data is not valid JSON text.');
  }
  return checkPayload(json);
}

/** The `project=` value of a location.hash such as `#project=…` or `#a=1&project=…`, or null when there is none. */
export function readProjectFragment(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (!part.startsWith('project=')) continue;
    const value = part.slice('project='.length);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** readProjectFragment then decodeShareLink: null when the hash has no project, ShareLinkError when it does not decode. */
export async function decodeProjectFragment(hash: string): Promise<SharedProject | null> {
  const value = readProjectFragment(hash);
  return value === null ? null : decodeShareLink(value);
}

function checkPayload(json: unknown): SharedProject {
  if (!isRecord(json)) throw new ShareLinkError('This project link does not hold a project.');
  if (json.v === undefined) throw new ShareLinkError('This project link has no format version ("v").');
  if (json.v !== SHARE_LINK_VERSION) {
    const newer = typeof json.v === 'number' && json.v > SHARE_LINK_VERSION;
    throw new ShareLinkError(
      newer
        ? `This project link was made by a newer playground (format v${json.v}); this one reads v${SHARE_LINK_VERSION}.`
        : `This project link has an unknown format version (${JSON.stringify(json.v)}).`,
    );
  }
  if (!isRecord(json.files)) throw new ShareLinkError('This project link has no files.');
  const entries = Object.entries(json.files);
  for (const [path, text] of entries) {
    const problem = path === '__proto__' ? 'it is reserved' : validatePathSyntax(path);
    if (problem) throw new ShareLinkError(`This project link has an unsafe file path '${path}': ${problem}.`);
    if (typeof text !== 'string') throw new ShareLinkError(`This project link's file '${path}' is not text.`);
  }
  const files: Files = Object.fromEntries(entries as Array<[string, string]>);
  if (!Object.hasOwn(files, 'serverless.yml')) throw new ShareLinkError('This project link has no serverless.yml.');
  // `open` is a hint for the editor; one that names no file is dropped rather than failing the link.
  const open = typeof json.open === 'string' && Object.hasOwn(files, json.open) ? json.open : undefined;
  return open === undefined ? { files } : { files, open };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs bytes through a (de)compression stream, stopping with an error once the output passes `limit`. */
async function pump(input: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(input);
      controller.close();
    },
  });
  const reader = source.pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ShareLinkError(`This project link is too large: projects are limited to ${limit / 1024 / 1024} MB.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const text = value.trim().replace(/=+$/, '');
  if (text === '') throw new ShareLinkError('This project link is empty: there is nothing after #project=.');
  // Base64 of MAX_SHARED_BYTES is far more than any compressed project needs.
  if (text.length > MAX_SHARED_BYTES) throw new ShareLinkError('This project link is too large to open.');
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new ShareLinkError('This project link is damaged: it is not valid base64url text.');
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
