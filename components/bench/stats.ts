/** Small statistics for the benchmark page: percentiles and rounding. */

/** The p-th percentile (0–100) by nearest rank on a sorted copy; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The smallest step performance.now() takes here (5 µs when cross-origin isolated, 100 µs otherwise). */
export function timerResolutionMs(now: () => number, tries = 2000): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const a = now();
    let b = now();
    while (b === a) b = now();
    best = Math.min(best, b - a);
  }
  return best;
}
