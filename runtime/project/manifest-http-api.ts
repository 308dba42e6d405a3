/** A function's `- httpApi:` event, read as the Serverless Framework turns it into an API Gateway HTTP API route. */
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { HttpApiEventDef } from './types';
import { checkKeys, HTTP_API_EVENT } from './manifest-keys';
import { describe } from './manifest-values';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;

const PARAM_SEGMENT = /^\{([^{}]*?)(\+?)\}$/;
const PARAM_NAME = /^[A-Za-z0-9._-]+$/;

/** Why a route path is invalid for API Gateway, or null when it is fine. */
export function validateRoutePath(path: string): string | null {
  if (!path.startsWith('/')) return `Path must start with '/', not '${path}'`;
  if (/\s/.test(path)) return `Path must not contain spaces: '${path}'`;
  const segments = path.slice(1).split('/');
  const seen = new Set<string>();
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === '' && i < segments.length - 1) return `Path has an empty segment ('//'): '${path}'`;
    if (!segment.includes('{') && !segment.includes('}')) continue;
    const m = PARAM_SEGMENT.exec(segment);
    if (!m) return `A path parameter must be a whole segment, like /users/{id}: '${segment}' in '${path}'`;
    const [, name, greedy] = m;
    if (!PARAM_NAME.test(name)) {
      return `Path parameter name '${name}' may only use letters, digits, '.', '_' and '-'`;
    }
    if (greedy && i < segments.length - 1) return `Greedy parameter {${name}+} must be the last segment of the path: '${path}'`;
    if (seen.has(name)) return `Path parameter {${name}} appears twice in '${path}'`;
    seen.add(name);
  }
  return null;
}

/** 'get' → 'GET', '*' → 'ANY'; null when it is not an HTTP API method. */
export function normaliseMethod(method: string, allowStar: boolean): string | null {
  const upper = method.toUpperCase();
  if (upper === '*' && allowStar) return 'ANY';
  return (HTTP_METHODS as readonly string[]).includes(upper) ? upper : null;
}

const CATCH_ALL = { kind: 'httpApi', method: '*', path: '*', routeKey: '$default' } as const;

/** Reads `httpApi: 'GET /hello'`, `httpApi: '*'` or `httpApi: { method, path }`; errors go to the sink. */
export function readHttpApiEvent(sink: DiagnosticSink, e: Entry, doc: Document): HttpApiEventDef | undefined {
  const line = sink.lineOf(e.keyNode);
  if (isScalar(e.value) && typeof e.value.value === 'string') return fromString(sink, e.value, e.value.value.trim(), line);
  if (isMap(e.value)) return fromObject(sink, e, entries(e.value, doc), line);
  sink.error(e.at, `httpApi must be a route like 'GET /hello', '*', or { method, path }, not ${describe(e.value)}`);
  return undefined;
}

function fromString(sink: DiagnosticSink, node: Node, text: string, line: number): HttpApiEventDef | undefined {
  if (text === '*') return { ...CATCH_ALL, line };
  const m = /^(\S+)\s+(\S+)$/.exec(text);
  if (!m) {
    sink.error(node, `httpApi must be a method and a path like 'GET /hello', or '*', not '${text}'`);
    return undefined;
  }
  return route(sink, node, m[1], node, m[2], line, false);
}

function fromObject(sink: DiagnosticSink, e: Entry, list: Entry[], line: number): HttpApiEventDef | undefined {
  const kept = checkKeys(sink, list, HTTP_API_EVENT, 'httpApi');
  const methodEntry = kept.find((k) => k.key === 'method');
  const pathEntry = kept.find((k) => k.key === 'path');
  const method = methodEntry && scalarText(sink, methodEntry, 'httpApi method');
  const path = pathEntry && scalarText(sink, pathEntry, 'httpApi path');
  if (method === null || path === null) return undefined;
  if (path === undefined) {
    sink.error(e.keyNode, "httpApi needs a 'path', like { method: GET, path: /hello }");
    return undefined;
  }
  if (path === '*') {
    // The framework only allows the catch-all path with no method or method '*'.
    if (method === undefined || method === '*') return { ...CATCH_ALL, line };
    sink.error(methodEntry!.at, `The catch-all path '*' takes no method (or method '*'), not '${method}'`);
    return undefined;
  }
  if (method === undefined) {
    sink.error(e.keyNode, `httpApi needs a 'method' for path '${path}', like GET or ANY`);
    return undefined;
  }
  return route(sink, methodEntry!.at, method, pathEntry!.at, path, line, true);
}

function scalarText(sink: DiagnosticSink, e: Entry, label: string): string | null {
  if (isScalar(e.value) && typeof e.value.value === 'string') return e.value.value.trim();
  sink.error(e.at, `${label} must be text, not ${describe(e.value)}`);
  return null;
}

function route(
  sink: DiagnosticSink,
  methodAt: Node,
  rawMethod: string,
  pathAt: Node,
  path: string,
  line: number,
  allowStar: boolean,
): HttpApiEventDef | undefined {
  const method = normaliseMethod(rawMethod, allowStar);
  if (!method) {
    sink.error(methodAt, `'${rawMethod}' is not an HTTP API method; use one of ${HTTP_METHODS.join(', ')}`);
    return undefined;
  }
  const problem = validateRoutePath(path);
  if (problem) {
    sink.error(pathAt, problem);
    return undefined;
  }
  return { kind: 'httpApi', method, path, routeKey: `${method} ${path}`, line };
}
