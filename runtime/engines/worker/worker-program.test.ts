import { describe, expect, it } from 'vitest';
import { workerProgramSource } from './worker-program';
import { fakeWorker } from './worker-test-kit';
import type { WorkerScope } from './worker-protocol';

// The worker runs this text, not the imported functions: run it the same way, with a fake `self`.
const runProgram = (scope: WorkerScope) => new Function('self', workerProgramSource())(scope);

describe('workerProgramSource', () => {
  it('is a complete program: every part is self-contained', async () => {
    const w = fakeWorker(runProgram);
    const init = w.load({ modules: { 'handler.js': "const { format } = require('util');\nexports.hello = async (e) => { console.log('event %j', e); return format('%s!', e.name); };" } });
    expect(init.ok).toBe(true);
    const d = await w.invoke({ name: 'Ada' });
    expect(d).toMatchObject({ ok: true, json: '"Ada!"' });
    expect(w.logs()[0]).toMatch(/\tINFO\tevent \{"name":"Ada"\}$/);
  });

  it('names its frames like the Lambda runtime and is built once', async () => {
    expect(workerProgramSource()).toBe(workerProgramSource());
    const w = fakeWorker(runProgram);
    w.load({ modules: { 'handler.js': 'exports.hello = async () => { throw new Error("x") }' } });
    const d = await w.invoke({});
    expect(!d.ok && d.error.trace.some((l) => l.includes('file:///var/runtime/index.mjs'))).toBe(true);
  });
});
