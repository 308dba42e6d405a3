/** Share-link fragments built in Node exactly as CONTRACTS.md §3 says, so each test opens a known project. */
import { deflateRawSync } from 'node:zlib';

export type Files = Record<string, string>;

/** The fragment value: base64url (no padding) of the raw DEFLATE of the UTF-8 JSON `{ v: 1, files, open? }`. */
export function shareValue(files: Files, open?: string): string {
  const payload = open === undefined ? { v: 1, files } : { v: 1, files, open };
  return deflateRawSync(Buffer.from(JSON.stringify(payload), 'utf8')).toString('base64url');
}

/** A path for `page.goto`: `/#project=<value>`. */
export function projectUrl(files: Files, open?: string): string {
  return `/#project=${shareValue(files, open)}`;
}
