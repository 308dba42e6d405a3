import { describe, expect, it } from 'vitest';
import { encodePageFrame, HOST_FRAME, HostOutputReader, PAGE_FRAME } from './host-protocol';

describe('host protocol', () => {
  it('splits frames cut anywhere, with a terminal’s \\r\\n, from the function’s own output', () => {
    const r = new HostOutputReader();
    const frame = `${HOST_FRAME}{"t":"log","rid":"r1","level":"info","time":1,"text":"hi"}`;
    const stream = `plain output\r\n${frame}\r\n${HOST_FRAME}{"t":"ready"}\nlast`;
    const out = [...stream].flatMap((c) => r.push(c)).concat(r.flush());
    expect(out).toEqual([
      { text: 'plain output' },
      { frame: { t: 'log', rid: 'r1', level: 'info', time: 1, text: 'hi' } },
      { frame: { t: 'ready' } },
      { text: 'last' },
    ]);
  });

  it('drops what a terminal echoes of the page’s own frames', () => {
    const r = new HostOutputReader();
    expect(r.push(encodePageFrame({ t: 'invoke', id: 1, payload: '[{},{}]' }))).toEqual([]);
  });

  it('carries bytes as base64 both ways', () => {
    const line = encodePageFrame({ t: 'reply', id: 3, ok: true, output: { Body: new Uint8Array([0, 255, 104]) } });
    expect(line.startsWith(PAGE_FRAME)).toBe(true);
    expect(line).toContain('{"$bytes":"AP9o"}');
    const r = new HostOutputReader();
    const [item] = r.push(`${HOST_FRAME}{"t":"call","id":1,"rid":null,"service":"s3","operation":"PutObject","input":{"Body":{"$bytes":"AP9o"}}}\n`);
    expect(item).toEqual({ frame: { t: 'call', id: 1, rid: null, service: 's3', operation: 'PutObject', input: { Body: new Uint8Array([0, 255, 104]) } } });
  });

  it('shows a broken frame as text rather than losing it', () => {
    expect(new HostOutputReader().push(`${HOST_FRAME}{not json\n`)).toEqual([{ text: '{not json' }]);
  });
});
