/** The workbench's text size: a scale on the root font size (so every rem, Monaco and the logs follow), in steps. */

/** The steps the A− / A+ buttons move through; 1 is the default, and the largest still lays out at 1280 × 720. */
export const TEXT_SIZES: readonly number[] = [0.9, 1, 1.1, 1.25, 1.4, 1.6];
export const DEFAULT_TEXT_SIZE = 1;

/** The step nearest to `value` (a stored value from an older list still lands on a real step). */
export function reviveTextSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_TEXT_SIZE;
  return TEXT_SIZES.reduce((best, step) => (Math.abs(step - value) < Math.abs(best - value) ? step : best), DEFAULT_TEXT_SIZE);
}

/** The next step up (`+1`) or down (`-1`) from `current`, staying at the ends. */
export function stepTextSize(current: number, direction: 1 | -1): number {
  const index = TEXT_SIZES.indexOf(reviveTextSize(current));
  return TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, index + direction))];
}

export function textSizeLabel(size: number): string {
  return `${Math.round(size * 100)}%`;
}
