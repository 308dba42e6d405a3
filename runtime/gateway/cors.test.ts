import { describe, expect, it } from 'vitest';
import type { CorsConfig } from '../project/types';
import type { HttpRequest, HttpResponse } from './types';
import { applyCors, preflightResponse } from './cors';

const OPEN: CorsConfig = {
  allowedOrigins: ['*'],
  allowedHeaders: ['Content-Type', 'X-Amz-Date', 'Authorization'],
  allowedMethods: ['GET', 'POST', 'OPTIONS'],
  allowCredentials: false,
  exposedResponseHeaders: [],
};

const STRICT: CorsConfig = {
  allowedOrigins: ['https://app.example.com', 'https://*.example.org'],
  allowedHeaders: ['*'],
  allowedMethods: ['*'],
  allowCredentials: true,
  exposedResponseHeaders: ['X-Request-Id', 'Date'],
  maxAge: 300,
};

function preflight(origin: string | null, extra: Record<string, string> = {}): HttpRequest {
  const headers: Record<string, string> = { 'Access-Control-Request-Method': 'PUT', ...extra };
  if (origin !== null) headers.Origin = origin;
  return { method: 'OPTIONS', path: '/items/1', headers, body: '' };
}

const fnResponse: HttpResponse = {
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'access-control-allow-origin': 'https://evil.example', 'access-control-max-age': '1' },
  body: '{}',
  isBase64Encoded: false,
  cookies: [],
};

describe('preflightResponse', () => {
  it('answers a preflight with 204 and the configured headers (origin *)', () => {
    expect(preflightResponse(OPEN, preflight('https://anywhere.test'))).toStrictEqual({
      statusCode: 204,
      headers: {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET,POST,OPTIONS',
        'access-control-allow-headers': 'content-type,x-amz-date,authorization',
      },
      body: '',
      isBase64Encoded: false,
      cookies: [],
    });
  });

  it('echoes an allowed origin, the requested method and headers when configured with *, credentials and max-age', () => {
    const res = preflightResponse(STRICT, preflight('https://app.example.com', { 'Access-Control-Request-Headers': 'Content-Type, X-Trace' }));
    expect(res?.headers).toStrictEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': 'content-type, x-trace',
      'access-control-max-age': '300',
    });
  });

  it('matches wildcard subdomains', () => {
    expect(preflightResponse(STRICT, preflight('https://shop.example.org'))?.headers['access-control-allow-origin']).toBe('https://shop.example.org');
    expect(preflightResponse(STRICT, preflight('https://example.org'))?.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 204 without access-control headers for an origin that is not allowed', () => {
    expect(preflightResponse(STRICT, preflight('https://evil.example'))).toStrictEqual({
      statusCode: 204,
      headers: {},
      body: '',
      isBase64Encoded: false,
      cookies: [],
    });
  });

  it('is not a preflight without CORS, without Origin, without Access-Control-Request-Method, or not OPTIONS', () => {
    expect(preflightResponse(null, preflight('https://app.example.com'))).toBeNull();
    expect(preflightResponse(OPEN, preflight(null))).toBeNull();
    expect(preflightResponse(OPEN, { method: 'OPTIONS', path: '/', headers: { Origin: 'https://a.test' }, body: '' })).toBeNull();
    expect(preflightResponse(OPEN, { ...preflight('https://a.test'), method: 'GET' })).toBeNull();
  });
});

describe('applyCors', () => {
  it('leaves the response alone without CORS', () => {
    expect(applyCors(null, { method: 'GET', path: '/', headers: { Origin: 'https://a.test' }, body: '' }, fnResponse)).toBe(fnResponse);
  });

  it('replaces the function’s CORS headers with the configured ones for an allowed origin', () => {
    const res = applyCors(STRICT, { method: 'GET', path: '/', headers: { origin: 'https://app.example.com' }, body: '' }, fnResponse);
    expect(res).toStrictEqual({
      ...fnResponse,
      headers: {
        'content-type': 'application/json',
        'access-control-allow-origin': 'https://app.example.com',
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'x-request-id,date',
      },
    });
    expect(fnResponse.headers['access-control-allow-origin']).toBe('https://evil.example');
  });

  it('sends * for an open API, and no CORS headers for a disallowed origin or no Origin', () => {
    const open = applyCors(OPEN, { method: 'GET', path: '/', headers: { Origin: 'https://a.test' }, body: '' }, fnResponse);
    expect(open.headers).toStrictEqual({ 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    const denied = applyCors(STRICT, { method: 'GET', path: '/', headers: { Origin: 'https://evil.example' }, body: '' }, fnResponse);
    expect(denied.headers).toStrictEqual({ 'content-type': 'application/json' });
    const noOrigin = applyCors(OPEN, { method: 'GET', path: '/', headers: {}, body: '' }, fnResponse);
    expect(noOrigin.headers).toStrictEqual({ 'content-type': 'application/json' });
  });
});
