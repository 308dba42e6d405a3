/** provider.httpApi.cors normalised as the Serverless Framework compiles it into the HTTP API's CorsConfiguration. */
import { isMap, isScalar, type Document } from 'yaml';
import type { CorsConfig, HttpApiEventDef } from './types';
import { checkKeys, CORS } from './manifest-keys';
import { describe, readBoolean, readInteger, readStringList } from './manifest-values';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** The framework's defaults for `cors: true` (and for lists the object form leaves out). */
export const DEFAULT_CORS_ORIGINS = ['*'];
export const DEFAULT_CORS_HEADERS = [
  'Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id',
];

/** The methods an `ANY` route adds to the allowed methods, in the framework's order. */
const ANY_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'OPTIONS', 'HEAD', 'DELETE'];
const CORS_METHODS = new Set([...ANY_METHODS, '*']);

/** CORS as written; allowedMethods null means "OPTIONS plus the routes' methods", filled by resolveCors. */
export interface CorsSpec extends Omit<CorsConfig, 'allowedMethods'> {
  allowedMethods: string[] | null;
}

const unique = (list: string[]) => [...new Set(list)];

/** Reads `cors:`: null when CORS is off, undefined after an error. */
export function readCors(sink: DiagnosticSink, e: Entry, doc: Document): CorsSpec | null | undefined {
  if (e.value === null) return null;
  if (isScalar(e.value) && typeof e.value.value === 'boolean') {
    if (!e.value.value) return null;
    return {
      allowedOrigins: [...DEFAULT_CORS_ORIGINS],
      allowedHeaders: [...DEFAULT_CORS_HEADERS],
      allowedMethods: null,
      allowCredentials: false,
      exposedResponseHeaders: [],
    };
  }
  if (!isMap(e.value)) {
    sink.error(e.at, `provider.httpApi.cors must be true, false or a mapping, not ${describe(e.value)}`);
    return undefined;
  }
  return readCorsObject(sink, checkKeys(sink, entries(e.value, doc), CORS, 'provider.httpApi.cors'));
}

function readCorsObject(sink: DiagnosticSink, kept: Entry[]): CorsSpec | undefined {
  const spec: CorsSpec = {
    allowedOrigins: [...DEFAULT_CORS_ORIGINS],
    allowedHeaders: [...DEFAULT_CORS_HEADERS],
    allowedMethods: null,
    allowCredentials: false,
    exposedResponseHeaders: [],
  };
  let ok = true;
  for (const e of kept) {
    const label = `provider.httpApi.cors.${e.key}`;
    if (e.key === 'allowCredentials') {
      const v = readBoolean(sink, e, label);
      if (v === undefined) ok = false;
      else spec.allowCredentials = v;
    } else if (e.key === 'maxAge') {
      // API Gateway accepts Access-Control-Max-Age from 0 to 86400 seconds.
      const v = readInteger(sink, e, label, 0, 86400, 'a whole number of seconds from 0 to 86400');
      if (v === undefined) ok = false;
      else spec.maxAge = v;
    } else {
      const list = readStringList(sink, e, label);
      if (!list) ok = false;
      else if (e.key === 'allowedMethods') ok = readMethods(sink, e, list, spec) && ok;
      else spec[e.key as 'allowedOrigins' | 'allowedHeaders' | 'exposedResponseHeaders'] = unique(list);
    }
  }
  return ok ? spec : undefined;
}

function readMethods(sink: DiagnosticSink, e: Entry, list: string[], spec: CorsSpec): boolean {
  const methods = list.map((m) => m.toUpperCase());
  const bad = methods.find((m) => !CORS_METHODS.has(m));
  if (bad) {
    sink.error(e.at, `'${bad}' is not a method CORS can allow; use ${[...CORS_METHODS].join(', ')}`);
    return false;
  }
  spec.allowedMethods = unique(methods);
  return true;
}

/** The final CorsConfig: unless listed, allowed methods are OPTIONS plus every route's method (ANY adds them all). */
export function resolveCors(spec: CorsSpec | null, routes: HttpApiEventDef[]): CorsConfig | null {
  if (!spec) return null;
  if (spec.allowedMethods) return { ...spec, allowedMethods: spec.allowedMethods };
  const methods = new Set(['OPTIONS']);
  for (const r of routes) {
    if (r.method === 'ANY' || r.method === '*') ANY_METHODS.forEach((m) => methods.add(m));
    else methods.add(r.method);
  }
  return { ...spec, allowedMethods: [...methods] };
}
