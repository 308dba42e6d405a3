/**
 * HTTP API route selection: `GET /pets/{id}`, `ANY /files/{proxy+}` and `$default`, precompiled into a segment trie.
 *
 * What API Gateway HTTP APIs do (developer guide, "Routing API requests"), and what this follows:
 * - The most specific route wins: a full match for route and method (static or with `{param}`s), then a route with
 *   a greedy `{proxy+}`, then `$default`. Nothing matches: 404 `{"message":"Not Found"}`.
 * - Between full matches, a literal segment beats a `{param}` at the first position where they differ
 *   (`GET /pets/dog/1` beats `GET /pets/dog/{id}` beats `GET /pets/{type}/{id}`). Between greedy routes the one with
 *   the longer matched prefix wins (`GET /pets/{proxy+}` beats `ANY /{proxy+}`).
 * - For the same path, a route for the request's method beats `ANY` ("ANY matches all methods you haven't defined").
 *   A path whose routes have neither the method nor ANY does not match, and selection goes on to less specific paths.
 * - `{param}` spans exactly one non-empty segment; `{proxy+}` must end the route and takes one or more segments, so
 *   `/files/{proxy+}` does not match `/files`.
 * - Trailing slash: significant, as in HTTP APIs (unlike REST APIs). `/hello/` is the segments `hello` and `` (empty),
 *   so it does not match `GET /hello`; it does match `/hello/{proxy+}` with `proxy` = ``. `/` matches `GET /` and
 *   `/{proxy+}` (proxy = ``). (AWS's own local emulator, Amazon.Lambda.TestTool, encodes the same rules.)
 * - Percent-decoding: HTTP APIs decode the path before routing and hand the decoded path to the function (captures
 *   of live HTTP APIs show `rawPath` decoded; REST APIs and function URLs keep it encoded). So `/files/a%2Fb` is the
 *   path `/files/a/b`. Literal segments match case-sensitively.
 */

export interface RouteDef {
  /** As API Gateway names it: 'GET /hello', 'ANY /x', '$default'. */
  routeKey: string;
  /** Upper case, 'ANY', or '*' for $default. */
  method: string;
  /** '/a/{id}', '/f/{proxy+}', or '*' for $default. */
  path: string;
  functionName: string;
}

export interface RouteMatch {
  route: RouteDef;
  pathParameters: Record<string, string>;
}

export interface Router {
  /** `rawPath` is the path as the client sent it, without the query string; it is percent-decoded here. */
  match(method: string, rawPath: string): RouteMatch | null;
  readonly routes: readonly RouteDef[];
}

interface Target {
  route: RouteDef;
  /** Names of the route's `{param}`s in order, then its greedy name if any. */
  names: string[];
}

/** Routes ending at one trie position, by method. */
interface Targets {
  byMethod: Map<string, Target>;
  any: Target | null;
}

interface Node {
  literal: Map<string, Node> | null;
  param: Node | null;
  /** Routes that end here. */
  end: Targets | null;
  /** Routes whose greedy `{proxy+}` segment starts here. */
  greedy: Targets | null;
}

const newNode = (): Node => ({ literal: null, param: null, end: null, greedy: null });
const newTargets = (): Targets => ({ byMethod: new Map(), any: null });

/**
 * Compiles routes once per deployment. Throws on a path API Gateway would reject (a greedy segment that is not last,
 * a variable that is not a whole segment). A duplicate route key keeps the first definition (the manifest parser
 * reports duplicates; API Gateway refuses to create them).
 */
export function compileRoutes(routes: RouteDef[]): Router {
  const root = newNode();
  let fallback: Target | null = null;
  for (const route of routes) {
    if (route.method === '*' || route.path === '*' || route.routeKey === '$default') {
      fallback ??= { route, names: [] };
      continue;
    }
    const segs = splitSegments(route.path);
    const names: string[] = [];
    let node = root;
    let greedy = false;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      const v = /^\{([^{}+]+)(\+?)\}$/.exec(seg);
      if (v) {
        names.push(v[1]);
        if (v[2]) {
          if (i !== segs.length - 1) throw new Error(`Route '${route.routeKey}': a greedy path variable must be the last segment`);
          greedy = true;
          break;
        }
        node = node.param ??= newNode();
      } else {
        if (seg.includes('{') || seg.includes('}')) throw new Error(`Route '${route.routeKey}': a path variable must be a whole segment`);
        node.literal ??= new Map();
        let next = node.literal.get(seg);
        if (!next) node.literal.set(seg, (next = newNode()));
        node = next;
      }
    }
    const targets = greedy ? (node.greedy ??= newTargets()) : (node.end ??= newTargets());
    const target = { route, names };
    const method = route.method.toUpperCase();
    if (method === 'ANY') targets.any ??= target;
    else if (!targets.byMethod.has(method)) targets.byMethod.set(method, target);
  }

  const frozen = Object.freeze(routes.slice());
  return {
    routes: frozen,
    match(method: string, rawPath: string): RouteMatch | null {
      const segs = splitSegments(decodeRequestPath(rawPath));
      const m = method.toUpperCase();
      const values: string[] = [];
      const full = findFull(root, segs, 0, m, values);
      if (full) return toMatch(full, values);
      values.length = 0;
      const g = findGreedy(root, segs, 0, m, values);
      if (g) return toMatch(g, values);
      return fallback ? { route: fallback.route, pathParameters: {} } : null;
    },
  };
}

function pick(t: Targets | null, method: string): Target | null {
  if (!t) return null;
  return t.byMethod.get(method) ?? t.any;
}

/** Depth-first, literal before param: the first full match found is the most specific one. */
function findFull(node: Node, segs: string[], i: number, method: string, values: string[]): Target | null {
  if (i === segs.length) return pick(node.end, method);
  const seg = segs[i];
  const lit = node.literal?.get(seg);
  if (lit) {
    const t = findFull(lit, segs, i + 1, method, values);
    if (t) return t;
  }
  if (node.param && seg !== '') {
    values.push(seg);
    const t = findFull(node.param, segs, i + 1, method, values);
    if (t) return t;
    values.pop();
  }
  return null;
}

/** Deepest greedy route first (longest matched prefix), literal before param; `{proxy+}` needs at least one segment. */
function findGreedy(node: Node, segs: string[], i: number, method: string, values: string[]): Target | null {
  if (i >= segs.length) return null;
  const seg = segs[i];
  const lit = node.literal?.get(seg);
  if (lit) {
    const t = findGreedy(lit, segs, i + 1, method, values);
    if (t) return t;
  }
  if (node.param && seg !== '') {
    values.push(seg);
    const t = findGreedy(node.param, segs, i + 1, method, values);
    if (t) return t;
    values.pop();
  }
  const here = pick(node.greedy, method);
  if (here) {
    values.push(segs.slice(i).join('/'));
    return here;
  }
  return null;
}

function toMatch(t: Target, values: string[]): RouteMatch {
  const pathParameters: Record<string, string> = {};
  for (let k = 0; k < t.names.length; k++) pathParameters[t.names[k]] = values[k];
  return { route: t.route, pathParameters };
}

/** '/a/b' → ['a','b']; '/a/' → ['a','']; '/' → ['']. */
function splitSegments(path: string): string[] {
  return (path.charCodeAt(0) === 47 /* / */ ? path.slice(1) : path).split('/');
}

/** Percent-decodes a request path as HTTP APIs do before routing; a malformed escape leaves the path as sent. */
export function decodeRequestPath(rawPath: string): string {
  if (!rawPath.includes('%')) return rawPath;
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

/** Splits '/hello?name=Ada#x' into the path '/hello' and the raw query string 'name=Ada' (the fragment is dropped). */
export function splitPathAndQuery(pathWithQuery: string): { path: string; rawQueryString: string } {
  let s = pathWithQuery;
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash);
  const q = s.indexOf('?');
  const path = q >= 0 ? s.slice(0, q) : s;
  return { path: path === '' ? '/' : path, rawQueryString: q >= 0 ? s.slice(q + 1) : '' };
}
