import { describe, expect, it } from 'vitest';
import { compileRoutes, decodeRequestPath, splitPathAndQuery, type RouteDef } from './routes';

function r(routeKey: string, functionName = routeKey): RouteDef {
  if (routeKey === '$default') return { routeKey, method: '*', path: '*', functionName };
  const [method, path] = routeKey.split(' ');
  return { routeKey, method, path, functionName };
}

function key(router: ReturnType<typeof compileRoutes>, method: string, path: string): string | null {
  return router.match(method, path)?.route.routeKey ?? null;
}

describe('compileRoutes / match', () => {
  it('matches a static route by method and path', () => {
    const router = compileRoutes([r('GET /hello'), r('POST /hello')]);
    expect(router.match('GET', '/hello')).toEqual({ route: r('GET /hello'), pathParameters: {} });
    expect(key(router, 'post', '/hello')).toBe('POST /hello');
    expect(key(router, 'PUT', '/hello')).toBeNull();
  });

  it('extracts path parameters, one segment each', () => {
    const router = compileRoutes([r('GET /users/{id}'), r('GET /users/{userId}/orders/{orderId}')]);
    expect(router.match('GET', '/users/42')).toEqual({ route: r('GET /users/{id}'), pathParameters: { id: '42' } });
    expect(router.match('GET', '/users/7/orders/o-1')?.pathParameters).toEqual({ userId: '7', orderId: 'o-1' });
    // A {param} never spans '/', and never matches an empty segment.
    expect(router.match('GET', '/users/7/extra')).toBeNull();
    expect(router.match('GET', '/users/')).toBeNull();
  });

  it('greedy {proxy+} takes one or more segments, joined by /', () => {
    const router = compileRoutes([r('GET /files/{proxy+}')]);
    expect(router.match('GET', '/files/a/b/c.txt')).toEqual({
      route: r('GET /files/{proxy+}'),
      pathParameters: { proxy: 'a/b/c.txt' },
    });
    expect(router.match('GET', '/files/x')?.pathParameters).toEqual({ proxy: 'x' });
    expect(router.match('GET', '/files')).toBeNull();
  });

  it('greedy after a param', () => {
    const router = compileRoutes([r('ANY /{tenant}/static/{path+}')]);
    expect(router.match('GET', '/acme/static/css/site.css')?.pathParameters).toEqual({ tenant: 'acme', path: 'css/site.css' });
  });

  it('ANY matches every method; a specific method beats ANY on the same path', () => {
    const router = compileRoutes([r('ANY /items', 'any'), r('DELETE /items', 'del')]);
    expect(router.match('GET', '/items')?.route.functionName).toBe('any');
    expect(router.match('PATCH', '/items')?.route.functionName).toBe('any');
    expect(router.match('DELETE', '/items')?.route.functionName).toBe('del');
  });

  it('$default matches only when nothing else does, with no path parameters', () => {
    const router = compileRoutes([r('$default', 'fallback'), r('GET /hello', 'hello'), r('GET /f/{proxy+}', 'files')]);
    expect(router.match('GET', '/hello')?.route.functionName).toBe('hello');
    expect(router.match('GET', '/f/x/y')?.route.functionName).toBe('files');
    expect(router.match('POST', '/hello')).toEqual({ route: r('$default', 'fallback'), pathParameters: {} });
    expect(router.match('GET', '/nowhere/at/all')?.route.routeKey).toBe('$default');
  });

  it('precedence: static > param > greedy (the AWS docs example)', () => {
    const router = compileRoutes([
      r('ANY /{proxy+}'),
      r('GET /pets/{proxy+}'),
      r('GET /pets/dog/{id}'),
      r('GET /pets/dog/1'),
      r('$default'),
    ]);
    expect(key(router, 'GET', '/pets/dog/1')).toBe('GET /pets/dog/1');
    expect(key(router, 'GET', '/pets/dog/2')).toBe('GET /pets/dog/{id}');
    expect(key(router, 'GET', '/pets/cat/1')).toBe('GET /pets/{proxy+}');
    expect(key(router, 'POST', '/pets/cat/1')).toBe('ANY /{proxy+}');
    expect(key(router, 'GET', '/pets/dog/1/x')).toBe('GET /pets/{proxy+}');
  });

  it('a literal segment beats a param at the first place they differ, whatever the order of definition', () => {
    const router = compileRoutes([r('GET /{a}/{b}'), r('GET /{a}/new'), r('GET /users/{id}')]);
    expect(key(router, 'GET', '/users/new')).toBe('GET /users/{id}');
    expect(key(router, 'GET', '/groups/new')).toBe('GET /{a}/new');
    expect(key(router, 'GET', '/groups/7')).toBe('GET /{a}/{b}');
  });

  it('a full param match beats a greedy route with more literals', () => {
    const router = compileRoutes([r('GET /pets/dog/{proxy+}'), r('GET /pets/{type}/{id}')]);
    expect(key(router, 'GET', '/pets/dog/1')).toBe('GET /pets/{type}/{id}');
  });

  it('the more specific path wins even when it only matches via ANY; without the method it falls back', () => {
    const router = compileRoutes([r('GET /pets/{id}'), r('ANY /pets/dog'), r('POST /pets/cat')]);
    expect(key(router, 'GET', '/pets/dog')).toBe('ANY /pets/dog');
    // /pets/cat has no GET and no ANY: selection moves on to /pets/{id}.
    expect(key(router, 'GET', '/pets/cat')).toBe('GET /pets/{id}');
  });

  it('the longest greedy prefix wins', () => {
    const router = compileRoutes([r('ANY /api/{proxy+}'), r('ANY /api/v1/{proxy+}')]);
    expect(router.match('GET', '/api/v1/users')?.route.routeKey).toBe('ANY /api/v1/{proxy+}');
    expect(router.match('GET', '/api/v2/users')).toEqual({ route: r('ANY /api/{proxy+}'), pathParameters: { proxy: 'v2/users' } });
  });

  it('returns null when nothing matches and there is no $default', () => {
    const router = compileRoutes([r('GET /hello'), r('GET /users/{id}')]);
    expect(router.match('GET', '/bye')).toBeNull();
    expect(router.match('GET', '/users')).toBeNull();
    expect(compileRoutes([]).match('GET', '/')).toBeNull();
  });

  it('trailing slash is significant; greedy catches it with an empty proxy', () => {
    const router = compileRoutes([r('GET /hello'), r('GET /')]);
    expect(router.match('GET', '/hello/')).toBeNull();
    expect(key(router, 'GET', '/')).toBe('GET /');
    const greedy = compileRoutes([r('GET /hello'), r('GET /hello/{proxy+}'), r('ANY /{proxy+}')]);
    expect(greedy.match('GET', '/hello/')?.pathParameters).toEqual({ proxy: '' });
    expect(greedy.match('GET', '/hello/')?.route.routeKey).toBe('GET /hello/{proxy+}');
    expect(greedy.match('GET', '/')).toEqual({ route: r('ANY /{proxy+}'), pathParameters: { proxy: '' } });
  });

  it('literal segments are case-sensitive', () => {
    const router = compileRoutes([r('GET /Hello')]);
    expect(router.match('GET', '/hello')).toBeNull();
    expect(key(router, 'GET', '/Hello')).toBe('GET /Hello');
  });

  it('percent-decodes the path before matching (%2F becomes a separator)', () => {
    const router = compileRoutes([r('GET /files/{name}'), r('GET /docs/{proxy+}'), r('GET /café')]);
    expect(router.match('GET', '/files/my%20file.txt')?.pathParameters).toEqual({ name: 'my file.txt' });
    expect(router.match('GET', '/docs/a%2Fb')?.pathParameters).toEqual({ proxy: 'a/b' });
    expect(router.match('GET', '/files/a%2Fb')).toBeNull();
    expect(key(router, 'GET', '/caf%C3%A9')).toBe('GET /café');
    // A malformed escape is matched as sent.
    expect(router.match('GET', '/files/100%')?.pathParameters).toEqual({ name: '100%' });
  });

  it('keeps the first of two routes with the same key', () => {
    const router = compileRoutes([r('GET /x', 'first'), r('GET /x', 'second')]);
    expect(router.match('GET', '/x')?.route.functionName).toBe('first');
  });

  it('rejects paths API Gateway rejects', () => {
    expect(() => compileRoutes([r('GET /a/{proxy+}/b')])).toThrow(/greedy/);
    expect(() => compileRoutes([r('GET /a/x{id}')])).toThrow(/whole segment/);
  });

  it('matches many requests quickly (no per-request compilation)', () => {
    const routes: RouteDef[] = [];
    for (let i = 0; i < 50; i++) routes.push(r(`GET /svc${i}/items/{id}`), r(`POST /svc${i}/items`));
    routes.push(r('ANY /{proxy+}'));
    const router = compileRoutes(routes);
    let hits = 0;
    for (let i = 0; i < 20000; i++) if (router.match('GET', `/svc${i % 50}/items/${i}`)?.pathParameters.id === String(i)) hits++;
    expect(hits).toBe(20000);
  });
});

describe('splitPathAndQuery / decodeRequestPath', () => {
  it('splits off the query string and drops a fragment', () => {
    expect(splitPathAndQuery('/hello?name=Ada&x=1#top')).toEqual({ path: '/hello', rawQueryString: 'name=Ada&x=1' });
    expect(splitPathAndQuery('/hello')).toEqual({ path: '/hello', rawQueryString: '' });
    expect(splitPathAndQuery('?a=1')).toEqual({ path: '/', rawQueryString: 'a=1' });
  });

  it('decodes percent escapes and leaves malformed ones', () => {
    expect(decodeRequestPath('/a%20b')).toBe('/a b');
    expect(decodeRequestPath('/a%zz')).toBe('/a%zz');
    expect(decodeRequestPath('/plain')).toBe('/plain');
  });
});
