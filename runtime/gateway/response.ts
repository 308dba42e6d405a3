/** How an HTTP API turns a Lambda result (payload format 2.0) into the HTTP response, and the gateway's own error responses. */
import type { HttpResponse } from './types';

/**
 * Payload format 2.0 response rules (developer guide, "Lambda function response for format 2.0"):
 * - A result that is an object with a `statusCode` is the response: `statusCode`, `headers`, `body`,
 *   `isBase64Encoded`, `cookies` (each cookie becomes a set-cookie header). Format 2.0 has no `multiValueHeaders`;
 *   a `multiValueHeaders` field is ignored. Header values may be strings, numbers or booleans.
 * - Any other result that is valid JSON is inferred: status 200, content-type application/json, not base64, and the
 *   body is "the function's response": a returned string is the body as is (`"Hello"` → `Hello`), anything else is
 *   its JSON text (`{a:1}` → `{"a":1}`, `42` → `42`). A Node handler that returns nothing sends `null`, so
 *   null and undefined both give the body `null`.
 * - A result with a `statusCode` that is not a valid status, or a body, headers or cookies of the wrong type, is a
 *   malformed Lambda proxy response: the client gets 500 `{"message":"Internal Server Error"}`.
 * Result is JSON-like data (it crossed from the function as JSON would); undefined fields count as absent, as they do
 * once serialised.
 */
export function mapLambdaResult(result: unknown): HttpResponse {
  if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
    const r = result as Record<string, unknown>;
    if (r.statusCode !== undefined) return mapStructured(r) ?? internalErrorResponse();
  }
  let body: string;
  if (typeof result === 'string') body = result;
  else if (result === undefined) body = 'null';
  else {
    try {
      body = JSON.stringify(result) ?? 'null';
    } catch {
      return internalErrorResponse();
    }
  }
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body, isBase64Encoded: false, cookies: [] };
}

function mapStructured(r: Record<string, unknown>): HttpResponse | null {
  const status = r.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return null;

  const headers: Record<string, string> = {};
  if (r.headers !== undefined && r.headers !== null) {
    if (typeof r.headers !== 'object' || Array.isArray(r.headers)) return null;
    for (const [name, value] of Object.entries(r.headers as Record<string, unknown>)) {
      if (value === undefined) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
      const key = name.toLowerCase();
      if (key === '__proto__') continue;
      headers[key] = Object.hasOwn(headers, key) ? `${headers[key]},${String(value)}` : String(value);
    }
  }

  let body = '';
  if (r.body !== undefined && r.body !== null) {
    if (typeof r.body !== 'string') return null;
    body = r.body;
  }

  let isBase64Encoded = false;
  if (r.isBase64Encoded !== undefined && r.isBase64Encoded !== null) {
    if (typeof r.isBase64Encoded !== 'boolean') return null;
    isBase64Encoded = r.isBase64Encoded;
  }

  const cookies: string[] = [];
  if (r.cookies !== undefined && r.cookies !== null) {
    if (!Array.isArray(r.cookies)) return null;
    for (const c of r.cookies) {
      if (typeof c !== 'string') return null;
      cookies.push(c);
    }
  }
  return { statusCode: status, headers, body, isBase64Encoded, cookies };
}

function gatewayError(statusCode: number, message: string): HttpResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
    isBase64Encoded: false,
    cookies: [],
  };
}

/** No route matched (and no $default): 404 `{"message":"Not Found"}`. */
export function notFoundResponse(): HttpResponse {
  return gatewayError(404, 'Not Found');
}

/**
 * 500 `{"message":"Internal Server Error"}`: the function threw or timed out, its response was malformed, or Lambda
 * throttled the gateway's invoke (HTTP APIs turn a Lambda throttle into a 500, not a 429).
 */
export function internalErrorResponse(): HttpResponse {
  return gatewayError(500, 'Internal Server Error');
}

/** A route or stage rate limit on the gateway itself: 429 `{"message":"Too Many Requests"}`. */
export function tooManyRequestsResponse(): HttpResponse {
  return gatewayError(429, 'Too Many Requests');
}
