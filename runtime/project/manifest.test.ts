import { describe, expect, it } from 'vitest';
import { parseManifest, resolveHandlerFile } from './manifest';

const yml = (lines: string[]) => lines.join('\n') + '\n';

const HEADER = ['service: demo', 'provider:', '  name: aws'];

describe('parseManifest: good manifests', () => {
  it('applies the framework defaults', () => {
    const r = parseManifest(yml([...HEADER, 'functions:', '  hello:', '    handler: handler.hello']));
    expect(r.diagnostics).toEqual([]);
    expect(r.project).toEqual({
      service: 'demo',
      provider: {
        name: 'aws',
        runtime: 'nodejs20.x',
        region: 'us-east-1',
        stage: 'dev',
        timeout: 6,
        memorySize: 1024,
        environment: {},
        httpApi: { cors: null },
      },
      functions: {
        hello: {
          name: 'hello',
          handler: 'handler.hello',
          handlerModule: 'handler',
          handlerExport: 'hello',
          runtime: 'nodejs20.x',
          timeout: 6,
          memorySize: 1024,
          environment: {},
          events: [],
          functionName: 'demo-dev-hello',
          line: 5,
        },
      },
      resources: { buckets: [], queues: [], topics: [], buses: [{ logicalId: null, name: 'default', line: 0 }], tables: [] },
      playground: { engine: null, engineLine: 1 },
    });
  });

  it('lets functions override the provider and merges environments (function wins, scalars stringified)', () => {
    const r = parseManifest(
      yml([
        'service: shop',
        "frameworkVersion: '4'",
        'provider:',
        '  name: aws',
        '  runtime: nodejs22.x',
        '  region: eu-west-1',
        '  stage: prod',
        '  timeout: 10',
        '  memorySize: 512',
        '  environment:',
        '    GREETING: Hello',
        '    RETRIES: 3',
        '    DEBUG: false',
        'functions:',
        '  getUser:',
        '    handler: src/users.get',
        '    runtime: nodejs18.x',
        '    timeout: 3',
        '    memorySize: 2048',
        '    description: Reads a user',
        '    name: custom-get-user',
        '    reservedConcurrency: 5',
        '    provisionedConcurrency: 1',
        '    environment:',
        '      GREETING: Hi',
        '      TABLE: users',
        '  list:',
        '    handler: src/users.list',
      ]),
      { 'src/users.ts': 'export const get = 1' },
    );
    expect(r.diagnostics).toEqual([]);
    const p = r.project!;
    expect(p.provider).toMatchObject({ runtime: 'nodejs22.x', region: 'eu-west-1', stage: 'prod', timeout: 10, memorySize: 512 });
    expect(p.provider.environment).toEqual({ GREETING: 'Hello', RETRIES: '3', DEBUG: 'false' });
    expect(p.functions.getUser).toEqual({
      name: 'getUser',
      handler: 'src/users.get',
      handlerModule: 'src/users',
      handlerExport: 'get',
      runtime: 'nodejs18.x',
      timeout: 3,
      memorySize: 2048,
      environment: { GREETING: 'Hi', RETRIES: '3', DEBUG: 'false', TABLE: 'users' },
      events: [],
      reservedConcurrency: 5,
      provisionedConcurrency: 1,
      description: 'Reads a user',
      functionName: 'custom-get-user',
      line: 15,
    });
    expect(p.functions.list).toMatchObject({ runtime: 'nodejs22.x', timeout: 10, memorySize: 512, functionName: 'shop-prod-list' });
    expect(resolveHandlerFile(p.functions.getUser, { 'src/users.ts': '' })).toBe('src/users.ts');
  });

  it('reads every httpApi form as API Gateway route keys', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'functions:',
        '  api:',
        '    handler: handler.api',
        '    events:',
        "      - httpApi: 'GET /hello'",
        '      - httpApi: post /users',
        "      - httpApi: 'ANY /files/{proxy+}'",
        "      - httpApi: { method: get, path: '/hello/{name}' }",
        '      - httpApi:',
        "          method: '*'",
        '          path: /any',
        '  fallback:',
        '    handler: handler.fallback',
        '    events:',
        "      - httpApi: '*'",
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.api.events).toEqual([
      { kind: 'httpApi', method: 'GET', path: '/hello', routeKey: 'GET /hello', line: 8 },
      { kind: 'httpApi', method: 'POST', path: '/users', routeKey: 'POST /users', line: 9 },
      { kind: 'httpApi', method: 'ANY', path: '/files/{proxy+}', routeKey: 'ANY /files/{proxy+}', line: 10 },
      { kind: 'httpApi', method: 'GET', path: '/hello/{name}', routeKey: 'GET /hello/{name}', line: 11 },
      { kind: 'httpApi', method: 'ANY', path: '/any', routeKey: 'ANY /any', line: 12 },
    ]);
    expect(r.project!.functions.fallback.events).toEqual([
      { kind: 'httpApi', method: '*', path: '*', routeKey: '$default', line: 18 },
    ]);
  });

  it('accepts { path: "*" } as the catch-all too', () => {
    const r = parseManifest(yml([...HEADER, 'functions:', '  f:', '    handler: h.f', '    events:', "      - httpApi: { path: '*' }"]));
    expect(r.project!.functions.f.events[0]).toMatchObject({ kind: 'httpApi', routeKey: '$default' });
  });

  it('turns cors: true into the framework defaults with OPTIONS plus the routes methods', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        '  httpApi:',
        '    cors: true',
        'functions:',
        '  f:',
        '    handler: h.f',
        '    events:',
        "      - httpApi: 'GET /a'",
        "      - httpApi: 'POST /a'",
        "      - httpApi: 'GET /b'",
      ]),
    );
    expect(r.project!.provider.httpApi.cors).toEqual({
      allowedOrigins: ['*'],
      allowedHeaders: [
        'Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id',
      ],
      allowedMethods: ['OPTIONS', 'GET', 'POST'],
      allowCredentials: false,
      exposedResponseHeaders: [],
    });
  });

  it('reads the cors object form and keeps defaults for lists it leaves out', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        '  httpApi:',
        '    cors:',
        '      allowedOrigins: [https://app.example.com, https://admin.example.com]',
        '      allowedMethods: [get, POST]',
        '      allowCredentials: true',
        '      exposedResponseHeaders: X-Request-Id',
        '      maxAge: 300',
        'functions: {}',
      ]),
    );
    expect(r.project!.provider.httpApi.cors).toEqual({
      allowedOrigins: ['https://app.example.com', 'https://admin.example.com'],
      allowedHeaders: [
        'Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id',
      ],
      allowedMethods: ['GET', 'POST'],
      allowCredentials: true,
      exposedResponseHeaders: ['X-Request-Id'],
      maxAge: 300,
    });
  });

  it('finds handler files with any supported extension', () => {
    const text = yml([...HEADER, 'functions:', '  f:', '    handler: lib/api.main']);
    for (const file of ['lib/api.js', 'lib/api.mjs', 'lib/api.cjs', 'lib/api.ts', 'lib/api.mts', 'lib/api.cts']) {
      const r = parseManifest(text, { [file]: '' });
      expect(r.diagnostics).toEqual([]);
      expect(resolveHandlerFile(r.project!.functions.f, { [file]: '' })).toBe(file);
    }
  });
});
