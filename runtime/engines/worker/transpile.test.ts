import { describe, expect, it } from 'vitest';
import { beforeAll } from 'vitest';
import { BundleBuilder, prepareTranspiler, type BundleFunction } from './transpile';

beforeAll(() => prepareTranspiler({ 'any.ts': '' }));
import { handlerFileCandidates } from '../../project/handler-file';

const resolveHandlerFile = (files: Record<string, string>, module: string) =>
  handlerFileCandidates(module, 'nodejs20.x').find((f) => Object.prototype.hasOwnProperty.call(files, f)) ?? null;
import { fakeWorker } from './worker-test-kit';

const fn: BundleFunction = { name: 'hello', handlerModule: 'handler', handlerExport: 'hello', timeout: 3, memorySize: 512, environment: { GREETING: 'Hi' } };

async function runBundle(files: Record<string, string>, handlerFile = resolveHandlerFile(files, 'handler') as string, event: unknown = {}) {
  const built = new BundleBuilder().build(fn, files, handlerFile);
  if (!('bundle' in built)) throw new Error(JSON.stringify(built.diagnostics));
  const w = fakeWorker();
  const init = w.load(built.bundle);
  if (!init.ok) throw new Error(JSON.stringify(init.error));
  const d = await w.invoke(event);
  return d.ok ? JSON.parse(d.json) : d;
}

describe('buildBundle', () => {
  it('builds the bundle: code and JSON files only, timeout in ms, env copied', () => {
    const files = { 'handler.js': 'exports.hello = () => 1', 'data.json': '{"a":1}', 'serverless.yml': 'service: x', 'README.md': '# hi' };
    const built = new BundleBuilder().build(fn, files, 'handler.js');
    expect(built).toEqual({
      bundle: { functionName: 'hello', modules: { 'handler.js': 'exports.hello = () => 1', 'data.json': '{"a":1}' }, entry: 'handler.js', exportName: 'hello', env: { GREETING: 'Hi' }, memoryLimitInMB: 512, timeoutMs: 3000 },
    });
  });

  it('runs ES module handlers: export const, imports of project files', async () => {
    const files = { 'handler.mjs': "import { greet } from './lib/greet.js';\nimport cfg from './config.json';\nexport const hello = async (event) => greet(event.name) + cfg.mark;", 'lib/greet.js': 'export function greet(n) { return `Hello, ${n}`; }', 'config.json': '{"mark":"!"}' };
    expect(await runBundle(files, 'handler.mjs', { name: 'Ada' })).toBe('Hello, Ada!');
  });

  it('interoperates: default import of a CommonJS module, and export default', async () => {
    const files = { 'handler.js': "import legacy, { twice } from './legacy';\nimport def from './def';\nexport const hello = async () => [legacy.name, twice(2), def()];", 'legacy.js': "module.exports = { name: 'cjs', twice: (x) => x * 2 };", 'def.js': "export default () => 'default';" };
    expect(await runBundle(files)).toEqual(['cjs', 4, 'default']);
  });

  it('runs TypeScript handlers, with types, interfaces and enums removed or compiled', async () => {
    const files = {
      'handler.ts': "import type { APIGatewayProxyEventV2 } from 'aws-lambda';\nimport { Color } from './color';\ninterface Out { c: Color; n: number }\nexport const hello = async (e: APIGatewayProxyEventV2): Promise<Out> => ({ c: Color.Red, n: (e.rawPath as string).length });",
      'color.ts': "export enum Color { Red = 'red' }",
    };
    expect(await runBundle(files, 'handler.ts', { rawPath: '/abc' })).toEqual({ c: 'red', n: 4 });
  });

  it('turns a syntax error into a diagnostic at its file, line and column', () => {
    const built = new BundleBuilder().build(fn, { 'handler.ts': 'export const hello = async () => {\n  return 1 +;\n};' }, 'handler.ts');
    expect(built).toEqual({ diagnostics: [{ severity: 'error', message: 'Unexpected token', file: 'handler.ts', line: 2, column: 13, endLine: 2, endColumn: 14 }] });
  });

  it('leaves CommonJS untouched', () => {
    const src = "'use strict';\nconst x = require('./x');\nexports.hello = () => x;";
    const built = new BundleBuilder().build(fn, { 'handler.js': src, 'x.js': 'module.exports = 1' }, 'handler.js');
    expect('bundle' in built && built.bundle.modules['handler.js']).toBe(src);
  });

  it('transpiles only files that changed since the last build', () => {
    const b = new BundleBuilder();
    const files = { 'handler.ts': 'export const hello = () => 1;', 'a.ts': 'export const a = 1;', 'b.js': 'export const b = 2;' };
    b.build(fn, files, 'handler.ts');
    expect(b.transpiled).toBe(3);
    b.build(fn, { ...files, 'a.ts': 'export const a = 2;' }, 'handler.ts');
    expect(b.transpiled).toBe(4);
    b.build(fn, { ...files, 'a.ts': 'export const a = 2;' }, 'handler.ts');
    expect(b.transpiled).toBe(4);
  });
});

describe('resolveHandlerFile', () => {
  it('tries .js, .mjs, .cjs, then TypeScript, as the Lambda runtime orders them', () => {
    expect(resolveHandlerFile({ 'h.ts': '', 'h.mjs': '' }, 'h')).toBe('h.mjs');
    expect(resolveHandlerFile({ 'src/h.ts': '' }, 'src/h')).toBe('src/h.ts');
    expect(resolveHandlerFile({ 'h.py': '' }, 'h')).toBeNull();
  });
});
