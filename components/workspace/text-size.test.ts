import { describe, expect, it } from 'vitest';
import { reviveTextSize, stepTextSize, textSizeLabel, TEXT_SIZES } from './text-size';

describe('text size', () => {
  it('steps up and down through the sizes and stops at the ends', () => {
    expect(stepTextSize(1, 1)).toBe(1.1);
    expect(stepTextSize(1.1, 1)).toBe(1.25);
    expect(stepTextSize(1, -1)).toBe(0.9);
    expect(stepTextSize(0.9, -1)).toBe(0.9);
    expect(stepTextSize(1.6, 1)).toBe(1.6);
    expect(stepTextSize(1.3, 1)).toBe(1.4);
    expect(TEXT_SIZES).toEqual([0.9, 1, 1.1, 1.25, 1.4, 1.6]);
  });

  it('revives a stored size to the nearest step, and anything else to 100%', () => {
    expect(reviveTextSize(1.4)).toBe(1.4);
    expect(reviveTextSize(1.3)).toBe(1.25);
    expect(reviveTextSize(9)).toBe(1.6);
    expect(reviveTextSize('big')).toBe(1);
    expect(reviveTextSize(Number.NaN)).toBe(1);
    expect(reviveTextSize(undefined)).toBe(1);
  });

  it('labels a size as a percentage', () => {
    expect(textSizeLabel(1.1)).toBe('110%');
    expect(textSizeLabel(1.25)).toBe('125%');
    expect(textSizeLabel(1)).toBe('100%');
  });
});
