/** Each Node benchmark adds its figures to $BENCH_OUT (files run one after another; scripts/bench.mjs reads the whole). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function report(figures: Record<string, number>): void {
  const out = process.env.BENCH_OUT;
  if (!out) return;
  const before = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>) : {};
  writeFileSync(out, JSON.stringify({ ...before, ...figures }));
}
