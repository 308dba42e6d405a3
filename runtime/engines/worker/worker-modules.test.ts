import { describe, expect, it } from 'vitest';
import { createModuleSystem } from './worker-modules';

function system(files: Record<string, string>, builtins: Record<string, () => unknown> = {}) {
  return createModuleSystem({
    files,
    root: '/var/task',
    builtins,
    unsupportedCore: ['fs', 'crypto'],
    globalNames: ['marker'],
    globalValues: ['from-wrapper'],
    evaluate: globalThis.eval,
  });
}
const run = (files: Record<string, string>, entry = 'handler.js') => system(files).load(entry, ['/var/runtime/index.mjs']) as Record<string, unknown>;

describe('CommonJS modules', () => {
  it('resolves relative requires with extensions, index files and package.json main', () => {
    const out = run({
      'handler.js': "module.exports = [require('./lib/a'), require('./lib'), require('./pkg'), require('../task/lib/a.js'), require('./data')]",
      'lib/a.js': "module.exports = 'a';",
      'lib/index.ts': "module.exports = 'lib index';",
      'pkg/package.json': '{"main": "src/main"}',
      'pkg/src/main.cjs': "module.exports = 'pkg main';",
      'data.json': '{"n": 1}',
    });
    expect(out).toEqual(['a', 'lib index', 'pkg main', 'a', { n: 1 }]);
  });

  it('prefers an exact file, then .js before .json, and maps ./x.js to x.ts', () => {
    const out = run({ 'handler.js': "module.exports = [require('./x'), require('./y.js')]", 'x.js': 'module.exports = "js"', 'x.json': '"json"', 'y.ts': 'module.exports = "ts"' });
    expect(out).toEqual(['js', 'ts']);
  });

  it('caches modules: the same exports object for every require', () => {
    const out = run({ 'handler.js': "module.exports = require('./a') === require('./a.js')", 'a.js': 'module.exports = {}' });
    expect(out).toBe(true);
  });

  it('hands out partial exports in a require cycle, as Node does', () => {
    const out = run({
      'handler.js': "exports.fromB = require('./b').seenA; exports.done = true;",
      'b.js': "const a = require('./handler'); exports.seenA = JSON.stringify(a);",
    });
    expect(out).toEqual({ fromB: '{}', done: true });
  });

  it('gives each module __filename, __dirname, module, exports, and the wrapper globals', () => {
    const out = run({ 'handler.js': "module.exports = require('./src/where')", 'src/where.js': 'module.exports = [__filename, __dirname, module.id, typeof exports, marker, this === exports]' });
    expect(out).toEqual(['/var/task/src/where.js', '/var/task/src', '/var/task/src/where.js', 'object', 'from-wrapper', true]);
  });

  it("throws Node's MODULE_NOT_FOUND with the require stack", () => {
    let err: Error & { code?: string } = new Error('none');
    try {
      run({ 'handler.js': "require('./lib/a')", 'lib/a.js': "require('left-pad')" });
    } catch (e) {
      err = e as Error;
    }
    expect(err.message).toBe("Cannot find module 'left-pad'\nRequire stack:\n- /var/task/lib/a.js\n- /var/task/handler.js\n- /var/runtime/index.mjs");
    expect(err.code).toBe('MODULE_NOT_FOUND');
  });

  it('says when a missing module is a Node built-in the playground does not provide', () => {
    expect(() => run({ 'handler.js': "require('node:fs')" })).toThrow(
      "Cannot find module 'node:fs' (a Node.js built-in module the playground does not provide)\nRequire stack:\n- /var/task/handler.js\n- /var/runtime/index.mjs",
    );
  });

  it('serves built-ins by name, with or without the node: prefix, creating each once', () => {
    let made = 0;
    const s = system({ 'handler.js': "module.exports = [require('util') === require('node:util'), require('util').name]" }, { util: () => ({ name: 'util', n: ++made }) });
    expect(s.load('handler.js', [])).toEqual([true, 'util']);
    expect(made).toBe(1);
  });

  it('finds bare specifiers in node_modules folders up the tree', () => {
    const out = run({ 'handler.js': "module.exports = require('./src/x')", 'src/x.js': "module.exports = require('tiny')", 'node_modules/tiny/index.js': "module.exports = 'tiny'" });
    expect(out).toBe('tiny');
  });

  it('reports a broken JSON module with its path, and forgets a module whose evaluation threw', () => {
    expect(() => run({ 'handler.js': "require('./c.json')", 'c.json': '{ nope' })).toThrow(/^\/var\/task\/c\.json: /);
    const s = system({ 'handler.js': "let n = 0; try { require('./flaky') } catch { n++ } try { require('./flaky') } catch { n++ } module.exports = n", 'flaky.js': "throw new Error('x')" });
    expect(s.load('handler.js', [])).toBe(2);
  });

  it('keeps line numbers of the file in stack traces', () => {
    let stack = '';
    try {
      run({ 'handler.js': "\n\nthrow new Error('on line 3')" });
    } catch (e) {
      stack = String((e as Error).stack);
    }
    expect(stack).toContain('/var/task/handler.js:3:7');
  });
});
