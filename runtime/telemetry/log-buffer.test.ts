import { describe, expect, it } from 'vitest';
import { LogBuffer } from './log-buffer';

const line = (text: string) => ({ time: 0, functionName: 'f', requestId: null, kind: 'function' as const, level: 'info' as const, text });

describe('LogBuffer', () => {
  it('numbers entries and returns those after a seq, oldest first', () => {
    const b = new LogBuffer(10);
    b.push(line('a'));
    b.push(line('b'));
    b.push(line('c'));
    expect(b.since(1).map((e) => e.text)).toEqual(['b', 'c']);
    expect(b.since(3)).toEqual([]);
    expect(b.since(0).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(b.lastSeq).toBe(3);
  });

  it('keeps at most its capacity', () => {
    const b = new LogBuffer(4);
    for (let i = 0; i < 11; i++) b.push(line(String(i)));
    expect(b.all().map((e) => e.text)).toEqual(['7', '8', '9', '10']);
    expect(b.since(0).map((e) => e.text)).toEqual(['7', '8', '9', '10']);
    expect(b.since(9).map((e) => e.text)).toEqual(['9', '10']);
  });

  it('clears but keeps counting', () => {
    const b = new LogBuffer(4);
    b.push(line('a'));
    b.clear();
    expect(b.all()).toEqual([]);
    expect(b.push(line('b')).seq).toBe(2);
  });
});
