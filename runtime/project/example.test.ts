import { describe, expect, it, vi } from 'vitest';
import { exampleProject } from './example';
import { parseManifest, resolveHandlerFile } from './manifest';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/** Loads a CommonJS file the way Node does, with its own process.env. */
function load(code: string, env: Record<string, string>): Record<string, Handler> {
  const module = { exports: {} as Record<string, Handler> };
  new Function('module', 'exports', 'process', code)(module, module.exports, { env });
  return module.exports;
}

describe('exampleProject', () => {
  it('parses with no diagnostics and the documented shape', () => {
    const { files, open } = exampleProject();
    expect(Object.keys(files)).toEqual(['serverless.yml', 'handler.js']);
    expect(open).toBe('handler.js');
    const r = parseManifest(files['serverless.yml'], files);
    expect(r.diagnostics).toEqual([]);
    const p = r.project!;
    expect(p.service).toBe('hello-playground');
    expect(p.provider).toMatchObject({ runtime: 'nodejs20.x', environment: { GREETING: 'Hello' } });
    expect(p.provider.httpApi.cors?.allowedMethods).toEqual(['OPTIONS', 'GET']);
    expect(p.functions.hello).toMatchObject({ handlerModule: 'handler', handlerExport: 'hello', timeout: 6, memorySize: 1024 });
    expect(p.functions.hello.events.map((e) => (e.kind === 'httpApi' ? e.routeKey : e.kind))).toEqual(['GET /hello']);
    expect(resolveHandlerFile(p.functions.hello, files)).toBe('handler.js');
  });

  it('answers GET /hello?name=Ada with Hello, Ada! and logs a line', async () => {
    const { files } = exampleProject();
    const { hello } = load(files['handler.js'], { GREETING: 'Hello' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const context = { awsRequestId: 'req-1' };
    expect(await hello({ queryStringParameters: { name: 'Ada' } }, context)).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain' },
      body: 'Hello, Ada!',
    });
    expect(log).toHaveBeenCalledWith('Greeting Ada (request req-1)');
    expect(await hello({}, context)).toMatchObject({ body: 'Hello, world!' });
    log.mockRestore();
  });

  it('returns a fresh copy each time', () => {
    const a = exampleProject();
    a.files['handler.js'] = 'changed';
    expect(exampleProject().files['handler.js']).not.toBe('changed');
  });
});
