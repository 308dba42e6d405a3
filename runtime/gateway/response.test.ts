import { describe, expect, it } from 'vitest';
import { internalErrorResponse, mapLambdaResult, notFoundResponse, tooManyRequestsResponse } from './response';

const JSON_HEADERS = { 'content-type': 'application/json' };
const ISE = { statusCode: 500, headers: JSON_HEADERS, body: '{"message":"Internal Server Error"}', isBase64Encoded: false, cookies: [] };

describe('mapLambdaResult: structured results (with statusCode)', () => {
  it('uses statusCode, headers (lower-cased), body, isBase64Encoded and cookies as given', () => {
    expect(
      mapLambdaResult({
        statusCode: 201,
        headers: { 'Content-Type': 'text/plain', 'X-Count': 3, 'X-Flag': true },
        body: 'Created',
        isBase64Encoded: false,
        cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      }),
    ).toStrictEqual({
      statusCode: 201,
      headers: { 'content-type': 'text/plain', 'x-count': '3', 'x-flag': 'true' },
      body: 'Created',
      isBase64Encoded: false,
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
    });
  });

  it('defaults: no headers, empty body, not base64, no cookies', () => {
    expect(mapLambdaResult({ statusCode: 204 })).toStrictEqual({ statusCode: 204, headers: {}, body: '', isBase64Encoded: false, cookies: [] });
  });

  it('keeps a base64 body encoded and flagged', () => {
    expect(mapLambdaResult({ statusCode: 200, body: 'aGk=', isBase64Encoded: true })).toMatchObject({ body: 'aGk=', isBase64Encoded: true });
  });

  it('ignores multiValueHeaders (format 2.0 has none)', () => {
    expect(mapLambdaResult({ statusCode: 200, multiValueHeaders: { 'x-a': ['1', '2'] }, body: 'ok' }).headers).toEqual({});
  });

  it('malformed responses become 500 Internal Server Error', () => {
    expect(mapLambdaResult({ statusCode: '200', body: 'ok' })).toStrictEqual(ISE);
    expect(mapLambdaResult({ statusCode: 200.5 })).toStrictEqual(ISE);
    expect(mapLambdaResult({ statusCode: 99 })).toStrictEqual(ISE);
    expect(mapLambdaResult({ statusCode: 200, body: { message: 'hi' } })).toStrictEqual(ISE);
    expect(mapLambdaResult({ statusCode: 200, headers: { a: { b: 1 } } })).toStrictEqual(ISE);
    expect(mapLambdaResult({ statusCode: 200, headers: ['x'] })).toStrictEqual(ISE);
    expect(mapLambdaResult({ statusCode: 200, cookies: 'a=1' })).toStrictEqual(ISE);
    expect(mapLambdaResult({ statusCode: 200, isBase64Encoded: 'yes' })).toStrictEqual(ISE);
  });
});

describe('mapLambdaResult: inferred results (no statusCode)', () => {
  const inferred = (body: string) => ({ statusCode: 200, headers: JSON_HEADERS, body, isBase64Encoded: false, cookies: [] });

  it('a string is the body as is', () => {
    expect(mapLambdaResult('Hello from Lambda!')).toStrictEqual(inferred('Hello from Lambda!'));
    expect(mapLambdaResult('')).toStrictEqual(inferred(''));
  });

  it('an object without statusCode is serialised as JSON', () => {
    expect(mapLambdaResult({ message: 'Hello from Lambda!' })).toStrictEqual(inferred('{"message":"Hello from Lambda!"}'));
    expect(mapLambdaResult({ statusCode: undefined, ok: true })).toStrictEqual(inferred('{"ok":true}'));
    expect(mapLambdaResult([1, 'two'])).toStrictEqual(inferred('[1,"two"]'));
  });

  it('numbers, booleans, null and undefined are their JSON text', () => {
    expect(mapLambdaResult(42)).toStrictEqual(inferred('42'));
    expect(mapLambdaResult(false)).toStrictEqual(inferred('false'));
    expect(mapLambdaResult(null)).toStrictEqual(inferred('null'));
    expect(mapLambdaResult(undefined)).toStrictEqual(inferred('null'));
  });

  it('a value that cannot be serialised is a 500', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(mapLambdaResult(loop)).toStrictEqual(ISE);
  });
});

describe('gateway error responses', () => {
  it('404, 500 and 429 with their exact bodies', () => {
    expect(notFoundResponse()).toStrictEqual({ statusCode: 404, headers: JSON_HEADERS, body: '{"message":"Not Found"}', isBase64Encoded: false, cookies: [] });
    expect(internalErrorResponse()).toStrictEqual(ISE);
    expect(tooManyRequestsResponse()).toStrictEqual({ statusCode: 429, headers: JSON_HEADERS, body: '{"message":"Too Many Requests"}', isBase64Encoded: false, cookies: [] });
  });

  it('returns a fresh object each time', () => {
    const a = notFoundResponse();
    a.headers.x = 'y';
    expect(notFoundResponse().headers).toEqual(JSON_HEADERS);
  });
});
