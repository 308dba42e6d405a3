// The Node benchmarks (scripts/bench.mjs runs them): not part of `npm test`.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, '../..') } },
  test: { root: path.resolve(import.meta.dirname, '../..'), include: ['scripts/node-bench/*.node-bench.ts'], environment: 'node', fileParallelism: false },
});
