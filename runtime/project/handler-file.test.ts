import { describe, expect, it } from 'vitest';
import { handlerFileCandidates, missingHandlerMessage, resolveHandlerFile, splitHandler } from './handler-file';
import type { FunctionDef } from './types';

const fn = (handlerModule: string, runtime: FunctionDef['runtime'] = 'nodejs20.x'): FunctionDef => ({
  name: 'f', handler: `${handlerModule}.main`, handlerModule, handlerExport: 'main', runtime,
  timeout: 6, memorySize: 1024, environment: {}, events: [], line: 1,
});

describe('splitHandler', () => {
  it('splits at the last dot', () => {
    expect(splitHandler('handler.hello')).toEqual({ module: 'handler', exportName: 'hello' });
    expect(splitHandler('src/users.get')).toEqual({ module: 'src/users', exportName: 'get' });
    expect(splitHandler('src/v1.2/api.main')).toEqual({ module: 'src/v1.2/api', exportName: 'main' });
    expect(splitHandler('./handler.hello')).toEqual({ module: 'handler', exportName: 'hello' });
  });

  it('rejects handlers without a module or an export', () => {
    expect(splitHandler('handler')).toBeNull();
    expect(splitHandler('.hello')).toBeNull();
    expect(splitHandler('handler.')).toBeNull();
    expect(splitHandler('src/.hello')).toBeNull();
  });
});

describe('resolveHandlerFile', () => {
  it('tries .js, .mjs, .cjs, .ts, .mts, .cts in that order for Node', () => {
    expect(handlerFileCandidates('src/a', 'nodejs22.x')).toEqual(['src/a.js', 'src/a.mjs', 'src/a.cjs', 'src/a.ts', 'src/a.mts', 'src/a.cts']);
    expect(resolveHandlerFile(fn('src/a'), { 'src/a.ts': '', 'src/a.mjs': '' })).toBe('src/a.mjs');
    expect(resolveHandlerFile(fn('src/a'), { 'src/a.py': '' })).toBeNull();
  });

  it('tries .py for Python', () => {
    expect(resolveHandlerFile(fn('app', 'python3.12'), { 'app.py': '', 'app.js': '' })).toBe('app.py');
  });

  it('words the missing-file message', () => {
    expect(missingHandlerMessage('handler', 'nodejs20.x')).toBe(
      "Handler file 'handler.js' not found (looked for handler.js, handler.mjs, handler.cjs, handler.ts)",
    );
    expect(missingHandlerMessage('app', 'python3.12')).toBe("Handler file 'app.py' not found (looked for app.py)");
  });
});
