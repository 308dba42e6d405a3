import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import { decideEngine, readDependencies, wantsWebContainer, type EngineNeeds } from './engine-choice';

const needs = (over: Partial<EngineNeeds> = {}): EngineNeeds => ({ setting: null, dependencies: [], dependenciesLine: 1, ...over });
const up = { available: true } as const;
const down = { available: false, reason: 'StackBlitz did not answer within 15 s' } as const;

describe('engine choice', () => {
  it('runs a project without dependencies on the embedded engine and never asks for WebContainers', () => {
    expect(wantsWebContainer(needs())).toBe(false);
    expect(decideEngine(needs(), null)).toMatchObject({ ok: true, engine: 'worker' });
  });

  it('runs npm dependencies on WebContainers, and says why nothing else can when they do not start', () => {
    const n = needs({ dependencies: ['left-pad', 'uuid'], dependenciesLine: 4 });
    expect(wantsWebContainer(n)).toBe(true);
    expect(decideEngine(n, up)).toMatchObject({ ok: true, engine: 'webcontainer', reason: 'npm dependencies (left-pad, uuid) need real Node.js' });
    const refused = decideEngine(n, down);
    expect(refused).toMatchObject({ ok: false, diagnostic: { file: 'package.json', line: 4, severity: 'error' } });
    expect(!refused.ok && refused.message).toBe(
      'package.json has dependencies (left-pad, uuid): installing them needs the WebContainer engine (real Node.js with npm), which cannot run here: StackBlitz did not answer within 15 s. The embedded engine has no npm',
    );
  });

  it('auto falls back to the embedded engine with the reason; webcontainer refuses; worker refuses dependencies', () => {
    expect(decideEngine(needs({ setting: 'auto' }), down)).toMatchObject({ ok: true, engine: 'worker', reason: 'auto: StackBlitz did not answer within 15 s, so the embedded engine runs it' });
    expect(decideEngine(needs({ setting: 'auto' }), up)).toMatchObject({ ok: true, engine: 'webcontainer' });
    expect(decideEngine(needs({ setting: 'webcontainer' }), down)).toMatchObject({ ok: false, diagnostic: { file: 'serverless.yml' } });
    expect(decideEngine(needs({ setting: 'worker' }), null)).toMatchObject({ ok: true, engine: 'worker' });
    expect(decideEngine(needs({ setting: 'worker', dependencies: ['a', 'b', 'c', 'd', 'e'] }), up)).toMatchObject({
      ok: false, message: expect.stringContaining('package.json has dependencies (a, b, c and 2 more), but custom.playground.engine is worker'),
    });
  });

  it('reads package.json dependencies and their line; devDependencies and a broken file name none', () => {
    expect(readDependencies({ 'package.json': '{\n  "name": "x",\n  "dependencies": { "uuid": "^9" },\n  "devDependencies": { "vitest": "1" }\n}' })).toEqual({ names: ['uuid'], line: 3 });
    expect(readDependencies({ 'package.json': '{ "devDependencies": { "vitest": "1" } }' }).names).toEqual([]);
    expect(readDependencies({ 'package.json': '{ broken' }).names).toEqual([]);
    expect(readDependencies({}).names).toEqual([]);
  });

  it('reads custom.playground.engine from serverless.yml, with an error at its line for an unknown one', () => {
    const yml = (engine: string) => `service: s
provider:
  name: aws
  runtime: nodejs20.x
custom:
  playground:
    engine: ${engine}
functions:
  hello:
    handler: handler.hello
`;
    const files = { 'handler.js': 'exports.hello = async () => 1;' };
    expect(parseManifest(yml('webcontainer'), files).project?.playground).toEqual({ engine: 'webcontainer', engineLine: 7 });
    const bad = parseManifest(yml('docker'), files);
    expect(bad.project).toBeNull();
    expect(bad.diagnostics).toEqual([expect.objectContaining({ line: 7, message: 'custom.playground.engine must be one of auto, webcontainer, worker (it is docker)' })]);
    expect(parseManifest(yml('auto').replace('custom:', 'custom:\n  other: 1'), files).project?.playground.engine).toBe('auto');
  });
});
