/** The event an HTTP API sends a Lambda integration with payload format version 2.0 (APIGatewayProxyEventV2). */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpRequest } from './types';
import type { RouteMatch } from './routes';
import { decodeRequestPath, splitPathAndQuery } from './routes';

export interface HttpApiEventOptions {
  requestId: string;
  /** Epoch ms of the request. */
  now: number;
  apiId: string;
  /** '$default' unless given. */
  stage?: string;
  accountId?: string;
  region?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Builds the event as AWS sends it:
 * - header names lower-cased, repeated headers joined with ',' (format 2.0 has no multiValueHeaders);
 * - the `cookie` header split on ';' into `cookies` and removed from `headers`;
 * - the headers the gateway itself adds: content-length, host, x-amzn-trace-id, x-forwarded-for (the client's
 *   value with the source IP appended), x-forwarded-port 443, x-forwarded-proto https;
 * - `rawPath` and `requestContext.http.path` percent-decoded (HTTP APIs decode the path), `rawQueryString` as sent;
 * - `queryStringParameters` decoded ('+' is a space), repeated keys joined with ','; omitted when there are none;
 * - `pathParameters` omitted when the route has none; `body` omitted when empty;
 * - a body whose content-type is not text (text/*, application/json, application/xml, application/javascript)
 *   is base64-encoded with `isBase64Encoded: true`. That includes a missing content-type and, as on AWS,
 *   application/x-www-form-urlencoded.
 */
export function buildHttpApiEvent(req: HttpRequest, match: RouteMatch, opts: HttpApiEventOptions): APIGatewayProxyEventV2 {
  const { path, rawQueryString } = splitPathAndQuery(req.path);
  const rawPath = decodeRequestPath(path);
  const region = opts.region ?? 'us-east-1';
  const domainName = `${opts.apiId}.execute-api.${region}.amazonaws.com`;
  const sourceIp = req.sourceIp ?? '127.0.0.1';

  const headers: Record<string, string> = {};
  for (const name in req.headers) {
    addJoined(headers, name.toLowerCase(), req.headers[name]);
  }
  let cookies: string[] | undefined;
  if (Object.hasOwn(headers, 'cookie')) {
    cookies = headers.cookie.split(';').map((c) => c.trim()).filter((c) => c !== '');
    delete headers.cookie;
    if (cookies.length === 0) cookies = undefined;
  }
  const contentType = headers['content-type'];
  const binary = req.body !== '' && !isTextContentType(contentType);
  const bodyBytes = utf8Length(req.body);
  headers['content-length'] = String(bodyBytes);
  headers.host = domainName;
  headers['x-amzn-trace-id'] = traceId(opts.requestId, opts.now);
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-port'] = '443';
  headers['x-forwarded-proto'] = 'https';

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: opts.accountId ?? '123456789012',
      apiId: opts.apiId,
      domainName,
      domainPrefix: opts.apiId,
      http: {
        method: req.method.toUpperCase(),
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: opts.requestId,
      routeKey: match.route.routeKey,
      stage: opts.stage ?? '$default',
      time: formatRequestTime(opts.now),
      timeEpoch: opts.now,
    },
    isBase64Encoded: binary,
  };
  if (cookies) event.cookies = cookies;
  const qs = parseQueryString(rawQueryString);
  if (qs) event.queryStringParameters = qs;
  for (const _ in match.pathParameters) {
    event.pathParameters = { ...match.pathParameters };
    break;
  }
  if (req.body !== '') event.body = binary ? base64Utf8(req.body) : req.body;
  return event;
}

/** 'name=Ada&x=1&x=2&flag' → { name: 'Ada', x: '1,2', flag: '' }; undefined when empty. */
export function parseQueryString(raw: string): Record<string, string> | undefined {
  if (raw === '') return undefined;
  let out: Record<string, string> | undefined;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeQueryComponent(eq >= 0 ? part.slice(0, eq) : part);
    const value = eq >= 0 ? decodeQueryComponent(part.slice(eq + 1)) : '';
    out ??= {};
    addJoined(out, key, value);
  }
  return out;
}

/** Sets `key`, or appends `,value` when it is already there (own keys only, so `toString` or `__proto__` are plain keys). */
function addJoined(obj: Record<string, string>, key: string, value: string): void {
  if (Object.hasOwn(obj, key)) obj[key] = `${obj[key]},${value}`;
  else if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

function decodeQueryComponent(s: string): string {
  const spaced = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Text per HTTP API's split, checked against live APIs: text/*, application/json, application/xml, application/javascript. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semi = contentType.indexOf(';');
  const media = (semi >= 0 ? contentType.slice(0, semi) : contentType).trim().toLowerCase();
  return (
    media.startsWith('text/') ||
    media === 'application/json' ||
    media === 'application/xml' ||
    media === 'application/javascript'
  );
}

/** '12/Mar/2020:19:03:58 +0000', the CLF-style time of requestContext.time (always UTC). */
export function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => (n < 10 ? `0${n}` : String(n));
  return (
    `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
  );
}

/** X-Ray trace header `Root=1-<8 hex epoch seconds>-<24 hex>`, derived from the request id so it is reproducible. */
function traceId(requestId: string, now: number): string {
  const hex = requestId.replace(/[^0-9a-f]/gi, '').toLowerCase().padEnd(24, '0').slice(0, 24);
  return `Root=1-${Math.floor(now / 1000).toString(16).padStart(8, '0')}-${hex}`;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
