import { describe, expect, it } from 'vitest';
import { cappedNote, clipTitle, formatBytes, itemKeyLabel, otherAttributes, plural } from './resource-format';

describe('resource-format', () => {
  it('notes a capped list only when it was capped', () => {
    expect(cappedNote(200, 10_000)).toBe('Showing the first 200 of 10,000.');
    expect(cappedNote(3, 3)).toBeNull();
    expect(cappedNote(0, 0)).toBeNull();
  });

  it('keeps a tooltip to its first characters', () => {
    expect(clipTitle('short')).toBe('short');
    expect(clipTitle('abcdef', 3)).toBe('abc…');
    expect(clipTitle('x'.repeat(5000))).toHaveLength(1001);
  });

  it('writes sizes, counts and items', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(plural(1, 'object')).toBe('1 object');
    expect(plural(1234, 'item')).toBe('1,234 items');
    expect(itemKeyLabel({ pk: 'a', sk: 1 }, 'pk', 'sk')).toBe('pk = "a", sk = 1');
    expect(otherAttributes({ pk: 'a', sk: 1, n: 2 }, 'pk', 'sk')).toBe('{"n":2}');
    expect(otherAttributes({ pk: 'a' }, 'pk')).toBe('—');
  });
});
