/**
 * An HTTP API's built-in CORS (provider.httpApi.cors): it answers preflights itself and sets the CORS headers on
 * every other response, replacing whatever CORS headers the function returned.
 *
 * What AWS does (developer guide, "Configuring CORS for an HTTP API"):
 * - With CORS configured, API Gateway answers an OPTIONS preflight (Origin + Access-Control-Request-Method) itself,
 *   even with no OPTIONS route: 204 with access-control-allow-origin/-methods/-headers, -max-age when set and
 *   -allow-credentials when true. No function runs. For an origin that is not allowed it still answers 204 itself,
 *   without any access-control-* header, so the browser blocks the call.
 * - An OPTIONS request without those two headers is not a preflight and goes through routing like any request.
 * - For other requests from an allowed origin it adds access-control-allow-origin, -allow-credentials (when true)
 *   and -expose-headers (when set). "If you configure CORS for an API, API Gateway ignores CORS headers returned
 *   from your backend integration": the function's access-control-* headers are dropped.
 * - Allowed origins are exact (`https://app.example.com`), `*`, or a wildcard subdomain (`https://*.example.com`).
 *   With `*` the header is `*`; otherwise the request's origin is echoed. Allowed methods or headers `*` echo
 *   what the preflight asked for.
 */
import type { CorsConfig } from '../project/types';
import type { HttpRequest, HttpResponse } from './types';

/** The gateway's own answer to a CORS preflight, or null when the request is not one (or CORS is off). */
export function preflightResponse(cors: CorsConfig | null, req: HttpRequest): HttpResponse | null {
  if (!cors || req.method.toUpperCase() !== 'OPTIONS') return null;
  const origin = header(req, 'origin');
  const requestMethod = header(req, 'access-control-request-method');
  if (origin === undefined || requestMethod === undefined) return null;

  const headers: Record<string, string> = {};
  const allowOrigin = allowedOriginValue(cors, origin);
  if (allowOrigin !== null) {
    headers['access-control-allow-origin'] = allowOrigin;
    if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
    const methods = cors.allowedMethods.includes('*') ? requestMethod.toUpperCase() : cors.allowedMethods.join(',');
    if (methods) headers['access-control-allow-methods'] = methods;
    const requested = header(req, 'access-control-request-headers');
    const allowHeaders = cors.allowedHeaders.includes('*') ? (requested ?? '') : cors.allowedHeaders.join(',');
    if (allowHeaders) headers['access-control-allow-headers'] = allowHeaders.toLowerCase();
    if (cors.maxAge !== undefined) headers['access-control-max-age'] = String(cors.maxAge);
  }
  return { statusCode: 204, headers, body: '', isBase64Encoded: false, cookies: [] };
}

/** The response as the client receives it with CORS configured (unchanged when CORS is off). */
export function applyCors(cors: CorsConfig | null, req: HttpRequest, res: HttpResponse): HttpResponse {
  if (!cors) return res;
  const headers: Record<string, string> = {};
  for (const name in res.headers) if (!name.startsWith('access-control-')) headers[name] = res.headers[name];
  const origin = header(req, 'origin');
  const allowOrigin = origin === undefined ? null : allowedOriginValue(cors, origin);
  if (allowOrigin !== null) {
    headers['access-control-allow-origin'] = allowOrigin;
    if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
    if (cors.exposedResponseHeaders.length > 0) {
      headers['access-control-expose-headers'] = cors.exposedResponseHeaders.join(',').toLowerCase();
    }
  }
  return { ...res, headers };
}

/** '*' or the echoed origin when allowed, null when not. */
function allowedOriginValue(cors: CorsConfig, origin: string): string | null {
  let echo = false;
  for (const allowed of cors.allowedOrigins) {
    if (allowed === '*') return '*';
    if (originMatches(allowed, origin)) echo = true;
  }
  return echo ? origin : null;
}

function originMatches(allowed: string, origin: string): boolean {
  const a = allowed.toLowerCase();
  const o = origin.toLowerCase();
  const star = a.indexOf('*');
  if (star < 0) return a === o;
  const prefix = a.slice(0, star);
  const suffix = a.slice(star + 1);
  return o.length > prefix.length + suffix.length && o.startsWith(prefix) && o.endsWith(suffix);
}

function header(req: HttpRequest, lowerName: string): string | undefined {
  for (const name in req.headers) if (name.toLowerCase() === lowerName) return req.headers[name];
  return undefined;
}
