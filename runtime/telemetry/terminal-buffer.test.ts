import { describe, expect, it } from 'vitest';
import { TerminalBuffer } from './terminal-buffer';

describe('TerminalBuffer', () => {
  it('keeps raw text, escape sequences included, and counts writes', () => {
    const t = new TerminalBuffer();
    t.write('\u001b[32madded\u001b[0m 1 package\r\n');
    t.write('');
    expect(t.text()).toBe('\u001b[32madded\u001b[0m 1 package\r\n');
    expect(t.seq).toBe(1);
  });

  it('drops the oldest text beyond its bound, at a line start', () => {
    const t = new TerminalBuffer(20);
    t.write('first line\n');
    t.write('second line\n');
    expect(t.text()).toBe('second line\n');
    t.write('a very long third line\nend\n');
    expect(t.text()).toBe('end\n');
  });
});
