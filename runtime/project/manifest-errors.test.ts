import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const yml = (lines: string[]) => lines.join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);

const HEADER = ['service: demo', 'provider:', '  name: aws'];

describe('parseManifest: errors with positions', () => {
  const errors = (r: ManifestResult) => brief(r).filter((d) => d[0] === 'error');

  it('reports YAML syntax errors at their line and column', () => {
    const r = parseManifest(yml(['service: demo', 'provider:', '  name: aws', '   runtime: nodejs20.x', 'functions: {}']));
    expect(r.project).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', line: 3, column: 9 });
    expect(r.diagnostics[0].message).toMatch(/^YAML syntax error: /);
  });

  it('hints at quoting a {param} path inside a flow mapping', () => {
    const r = parseManifest(yml([...HEADER, 'functions:', '  f:', '    handler: h.f', '    events:', '      - httpApi: { method: get, path: /hello/{name} }']));
    expect(brief(r)).toEqual([
      ['error', 8, 46, "YAML syntax error: Unexpected flow-map-start at node end. Inside { … }, quote a path that has {parameters}, like path: '/hello/{name}'"],
    ]);
  });

  it('reports an unclosed flow sequence', () => {
    const r = parseManifest(yml(['service: demo', 'provider:', '  name: aws', '  timeout: [1', 'functions: {}']));
    expect(r.project).toBeNull();
    expect(r.diagnostics.map((d) => [d.severity, d.line])).toContainEqual(['error', 5]);
  });

  it('reports a timeout of the wrong type or out of range at the value', () => {
    const r = parseManifest(yml([...HEADER, '  timeout: fast', 'functions:', '  f:', '    handler: h.f', '    timeout: 901']));
    expect(r.project).toBeNull();
    expect(errors(r)).toEqual([
      ['error', 4, 12, "provider.timeout must be a whole number of seconds from 1 to 900, not the text 'fast'"],
      ['error', 8, 14, 'functions.f.timeout must be a whole number of seconds from 1 to 900, not 901'],
    ]);
    expect(r.diagnostics[0]).toMatchObject({ endLine: 4, endColumn: 16 });
  });

  it('explains that Serverless variables are not resolved', () => {
    const r = parseManifest(yml([...HEADER, '  memorySize: ${self:custom.memory}']));
    expect(errors(r)).toEqual([
      ['error', 4, 15, 'provider.memorySize uses a Serverless variable (${…}), which the playground does not resolve yet; write a whole number of MB from 128 to 10240'],
    ]);
  });

  it('reports a bad method, a bad path and a misplaced greedy parameter', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'functions:',
        '  f:',
        '    handler: h.f',
        '    events:',
        "      - httpApi: 'FETCH /x'",
        "      - httpApi: { method: get, path: hello }",
        "      - httpApi: 'GET /files/{path+}/meta'",
        "      - httpApi: 'GET /users/id{id}'",
        "      - httpApi: 'GET /'",
      ]),
    );
    expect(r.project).toBeNull();
    expect(errors(r)).toEqual([
      ['error', 8, 18, "'FETCH' is not an HTTP API method; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY"],
      ['error', 9, 39, "Path must start with '/', not 'hello'"],
      ['error', 10, 18, "Greedy parameter {path+} must be the last segment of the path: '/files/{path+}/meta'"],
      ['error', 11, 18, "A path parameter must be a whole segment, like /users/{id}: 'id{id}' in '/users/id{id}'"],
    ]);
  });

  it('reports a missing handler file at the handler value', () => {
    const r = parseManifest(yml([...HEADER, 'functions:', '  hello:', '    handler: handler.hello']), { 'other.js': '' });
    expect(r.project).toBeNull();
    expect(errors(r)).toEqual([
      ['error', 6, 14, "Handler file 'handler.js' not found (looked for handler.js, handler.mjs, handler.cjs, handler.ts)"],
    ]);
  });

  it('reports a missing or malformed handler', () => {
    const r = parseManifest(yml([...HEADER, 'functions:', '  a:', '    timeout: 3', '  b:', '    handler: nodot']));
    expect(errors(r)).toEqual([
      ['error', 5, 3, "functions.a needs a 'handler', like 'handler.hello' (file handler.js, export hello)"],
      ['error', 8, 14, "handler must be 'file.export', like 'handler.hello' (file handler.js, export hello), not 'nodot'"],
    ]);
  });

  it('reports the same route twice across functions at the second one', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'functions:',
        '  a:',
        '    handler: h.a',
        '    events:',
        "      - httpApi: 'GET /hello'",
        '  b:',
        '    handler: h.b',
        '    events:',
        '      - httpApi: { method: GET, path: /hello }',
      ]),
    );
    expect(r.project).toBeNull();
    expect(errors(r)).toEqual([['error', 12, 18, "Duplicate route 'GET /hello': function 'a' already uses it (line 8)"]]);
  });

  it('requires service and provider.name aws', () => {
    expect(errors(parseManifest(yml(['provider:', '  name: aws'])))).toEqual([
      ['error', 1, 1, "serverless.yml needs a 'service' name, like 'service: my-service'"],
    ]);
    expect(errors(parseManifest(yml(['service: x', 'provider:', '  name: azure'])))).toEqual([
      ['error', 3, 9, "provider.name must be 'aws', not the text 'azure': the playground simulates AWS only"],
    ]);
    expect(errors(parseManifest(yml(['service: x', 'provider:', '  runtime: nodejs20.x'])))).toEqual([
      ['error', 2, 1, "provider needs 'name: aws'"],
    ]);
    expect(errors(parseManifest(yml(['service: x', 'functions: {}'])))).toEqual([
      ['error', 1, 1, "serverless.yml needs a 'provider' with 'name: aws'"],
    ]);
    expect(errors(parseManifest(''))).toEqual([
      ['error', 1, 1, "serverless.yml must be a mapping with 'service', 'provider' and 'functions' (it is empty)"],
    ]);
  });

  it('rejects Python runtimes until the Python engine exists, once per place written', () => {
    const r = parseManifest(
      yml(['service: x', 'provider:', '  name: aws', '  runtime: python3.12', 'functions:', '  a:', '    handler: h.a', '  b:', '    handler: h.b']),
    );
    expect(errors(r)).toEqual([
      ['error', 4, 12, 'Python functions need the Python engine, which the playground does not have yet'],
    ]);
    const unknown = parseManifest(yml([...HEADER, '  runtime: nodejs16.x']));
    expect(errors(unknown)).toEqual([
      ['error', 4, 12, "provider.runtime must be one of nodejs18.x, nodejs20.x, nodejs22.x, python3.11, python3.12, python3.13, not the text 'nodejs16.x'"],
    ]);
  });

  it('rejects objects in environment values and reserved names', () => {
    const r = parseManifest(yml([...HEADER, '  environment:', '    CONFIG: { a: 1 }', '    AWS_REGION: eu-west-1', '    LIST: [1, 2]']));
    expect(errors(r)).toEqual([
      ['error', 5, 13, "Environment variable 'CONFIG' must be text, a number or true/false, not a mapping"],
      ['error', 6, 5, 'AWS_REGION is reserved by Lambda and cannot be set; Lambda sets it itself'],
      ['error', 7, 11, "Environment variable 'LIST' must be text, a number or true/false, not a list"],
    ]);
  });

  it('explains an event whose settings lost their indentation', () => {
    const r = parseManifest(
      yml([...HEADER, 'functions:', '  f:', '    handler: h.f', '    events:', '      - httpApi:', '        method: get', '        path: /x']),
    );
    expect(errors(r)).toEqual([['error', 9, 9, "An event has exactly one kind (here 'httpApi'); indent 'method' under it"]]);
  });

  it('rejects provisioned concurrency above reserved concurrency', () => {
    const r = parseManifest(
      yml([...HEADER, 'functions:', '  f:', '    handler: h.f', '    reservedConcurrency: 2', '    provisionedConcurrency: 5']),
    );
    expect(errors(r)).toEqual([['error', 8, 29, 'provisionedConcurrency (5) cannot exceed reservedConcurrency (2)']]);
  });

  it('rejects a catch-all path with a method and an httpApi without a path', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'functions:',
        '  f:',
        '    handler: h.f',
        '    events:',
        "      - httpApi: { method: GET, path: '*' }",
        '      - httpApi: { method: GET }',
      ]),
    );
    expect(errors(r)).toEqual([
      ['error', 8, 28, "The catch-all path '*' takes no method (or method '*'), not 'GET'"],
      ['error', 9, 9, "httpApi needs a 'path', like { method: GET, path: /hello }"],
    ]);
  });

  it('uses the file name it is given', () => {
    const r = parseManifest('service: [', undefined, 'infra/serverless.yml');
    expect(r.diagnostics[0].file).toBe('infra/serverless.yml');
  });
});
