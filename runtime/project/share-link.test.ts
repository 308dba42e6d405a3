import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeProjectFragment, decodeShareLink, encodeShareLink, readProjectFragment, ShareLinkError } from './share-link';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const link = (payload: unknown) => b64url(deflateRawSync(Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload))));
const YML = 'service: x\n';

async function failure(value: string): Promise<string> {
  try {
    await decodeShareLink(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    return (error as Error).message;
  }
  throw new Error('expected decodeShareLink to fail');
}

describe('share links', () => {
  it("decodes Node's zlib.deflateRawSync output", async () => {
    const value = link({ v: 1, files: { 'serverless.yml': YML, 'handler.js': 'exports.hello = 1;' }, open: 'handler.js' });
    expect(await decodeShareLink(value)).toEqual({
      files: { 'serverless.yml': YML, 'handler.js': 'exports.hello = 1;' },
      open: 'handler.js',
    });
  });

  it('round-trips unicode, and its output is plain raw DEFLATE that zlib reads', async () => {
    const files = { 'serverless.yml': YML, 'src/grüße.ts': 'export const hi = "héllo, 世界 👋";' };
    const value = await encodeShareLink({ files, open: 'src/grüße.ts' });
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShareLink(value)).toEqual({ files, open: 'src/grüße.ts' });
    const { inflateRawSync } = await import('node:zlib');
    expect(JSON.parse(inflateRawSync(Buffer.from(value, 'base64url')).toString('utf8'))).toEqual({ v: 1, files, open: 'src/grüße.ts' });
  });

  it('leaves open out when not given, and drops an open that names no file', async () => {
    const value = await encodeShareLink({ files: { 'serverless.yml': YML } });
    expect(await decodeShareLink(value)).toEqual({ files: { 'serverless.yml': YML } });
    expect(await decodeShareLink(link({ v: 1, files: { 'serverless.yml': YML }, open: 'gone.js' }))).toEqual({ files: { 'serverless.yml': YML } });
  });

  it('says why a link does not decode', async () => {
    expect(await failure('')).toBe('This project link is empty: there is nothing after #project=.');
    expect(await failure('abc$def')).toBe('This project link is damaged: it is not valid base64url text.');
    expect(await failure('abcde')).toBe('This project link is damaged: it is not valid base64url text.');
    expect(await failure(b64url(new Uint8Array([0xff, 0xff, 0xff, 0xff])))).toBe(
      'This project link is damaged: its data could not be decompressed.',
    );
    const whole = deflateRawSync(Buffer.from(JSON.stringify({ v: 1, files: { 'serverless.yml': YML } })));
    expect(await failure(b64url(whole.subarray(0, whole.length - 4)))).toBe('This project link is damaged: its data could not be decompressed.');
    expect(await failure(link('{"v":1,'))).toBe('This project link is damaged: its data is not valid JSON text.');
    expect(await failure(link('[1]'))).toBe('This project link does not hold a project.');
    expect(await failure(link({ files: { 'serverless.yml': YML } }))).toBe('This project link has no format version ("v").');
    expect(await failure(link({ v: 2, files: {} }))).toBe('This project link was made by a newer playground (format v2); this one reads v1.');
    expect(await failure(link({ v: '1', files: {} }))).toBe('This project link has an unknown format version ("1").');
    expect(await failure(link({ v: 1, files: ['serverless.yml'] }))).toBe('This project link has no files.');
    expect(await failure(link({ v: 1, files: { 'serverless.yml': 42 } }))).toBe("This project link's file 'serverless.yml' is not text.");
    expect(await failure(link({ v: 1, files: { 'handler.js': '' } }))).toBe('This project link has no serverless.yml.');
    expect(await failure(link({ v: 1, files: { 'serverless.yml': YML, '../etc/passwd': '' } }))).toBe(
      "This project link has an unsafe file path '../etc/passwd': '..' is not allowed in a path.",
    );
    expect(await failure(link({ v: 1, files: { 'serverless.yml': YML, '/abs.js': '' } }))).toBe(
      "This project link has an unsafe file path '/abs.js': Use a path inside the project, without a leading '/'.",
    );
    expect(await failure(link('{"v":1,"files":{"serverless.yml":"","__proto__":"x"}}'))).toBe(
      "This project link has an unsafe file path '__proto__': it is reserved.",
    );
  });

  it('stops decompressing past 5 MB', async () => {
    const bomb = link({ v: 1, files: { 'serverless.yml': 'a'.repeat(6 * 1024 * 1024) } });
    expect(bomb.length).toBeLessThan(20_000);
    expect(await failure(bomb)).toBe('This project link is too large: projects are limited to 5 MB.');
  });
});

describe('readProjectFragment', () => {
  it('extracts the project= value from a hash', () => {
    expect(readProjectFragment('#project=abc_-1')).toBe('abc_-1');
    expect(readProjectFragment('project=abc')).toBe('abc');
    expect(readProjectFragment('#tab=logs&project=xyz&theme=dark')).toBe('xyz');
    expect(readProjectFragment('#project=a%2Db')).toBe('a-b');
    expect(readProjectFragment('#project=')).toBe('');
    expect(readProjectFragment('')).toBeNull();
    expect(readProjectFragment('#projects=abc')).toBeNull();
  });

  it('decodes a whole hash in one step', async () => {
    const value = await encodeShareLink({ files: { 'serverless.yml': YML } });
    expect(await decodeProjectFragment(`#project=${value}`)).toEqual({ files: { 'serverless.yml': YML } });
    expect(await decodeProjectFragment('#other=1')).toBeNull();
  });
});
