import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { buildHttpApiEvent, formatRequestTime, isTextContentType, parseQueryString } from './http-api-event';
import type { RouteMatch } from './routes';

const NOW = Date.UTC(2026, 2, 12, 19, 3, 58, 390); // 12/Mar/2026:19:03:58 +0000
const OPTS = { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', now: NOW, apiId: 'a1b2c3d4e5' };

const helloRoute: RouteMatch = {
  route: { routeKey: 'GET /hello', method: 'GET', path: '/hello', functionName: 'hello' },
  pathParameters: {},
};

describe('buildHttpApiEvent', () => {
  it('GET with a query string and cookies: the exact event', () => {
    const event: APIGatewayProxyEventV2 = buildHttpApiEvent(
      {
        method: 'GET',
        path: '/hello?name=Ada&tag=a&tag=b&greeting=Hi+there%21',
        headers: { Accept: 'application/json', 'User-Agent': 'curl/8.5.0', Cookie: 'session=abc123; theme=dark', 'X-Custom': 'one' },
        body: '',
        sourceIp: '203.0.113.10',
      },
      helloRoute,
      OPTS,
    );
    expect(event).toStrictEqual({
      version: '2.0',
      routeKey: 'GET /hello',
      rawPath: '/hello',
      rawQueryString: 'name=Ada&tag=a&tag=b&greeting=Hi+there%21',
      cookies: ['session=abc123', 'theme=dark'],
      headers: {
        accept: 'application/json',
        'user-agent': 'curl/8.5.0',
        'x-custom': 'one',
        'content-length': '0',
        host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
        'x-amzn-trace-id': 'Root=1-69b30e1e-c6af9ac67b6111e69a4193e8',
        'x-forwarded-for': '203.0.113.10',
        'x-forwarded-port': '443',
        'x-forwarded-proto': 'https',
      },
      queryStringParameters: { name: 'Ada', tag: 'a,b', greeting: 'Hi there!' },
      requestContext: {
        accountId: '123456789012',
        apiId: 'a1b2c3d4e5',
        domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
        domainPrefix: 'a1b2c3d4e5',
        http: { method: 'GET', path: '/hello', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        routeKey: 'GET /hello',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: NOW,
      },
      isBase64Encoded: false,
    });
  });

  it('POST with a JSON body and a path parameter: the exact event', () => {
    const body = JSON.stringify({ name: 'Ada', lang: 'en' });
    const event = buildHttpApiEvent(
      {
        method: 'post',
        path: '/users/42',
        headers: { 'Content-Type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
        body,
      },
      {
        route: { routeKey: 'POST /users/{id}', method: 'POST', path: '/users/{id}', functionName: 'users' },
        pathParameters: { id: '42' },
      },
      { ...OPTS, accountId: '111122223333', region: 'eu-west-1', stage: 'dev' },
    );
    expect(event).toStrictEqual({
      version: '2.0',
      routeKey: 'POST /users/{id}',
      rawPath: '/users/42',
      rawQueryString: '',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '198.51.100.7, 127.0.0.1',
        'content-length': '26',
        host: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
        'x-amzn-trace-id': 'Root=1-69b30e1e-c6af9ac67b6111e69a4193e8',
        'x-forwarded-port': '443',
        'x-forwarded-proto': 'https',
      },
      requestContext: {
        accountId: '111122223333',
        apiId: 'a1b2c3d4e5',
        domainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
        domainPrefix: 'a1b2c3d4e5',
        http: { method: 'POST', path: '/users/42', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' },
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
        routeKey: 'POST /users/{id}',
        stage: 'dev',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: NOW,
      },
      pathParameters: { id: '42' },
      body: '{"name":"Ada","lang":"en"}',
      isBase64Encoded: false,
    });
  });

  it('omits cookies, queryStringParameters, pathParameters and body when there are none', () => {
    const event = buildHttpApiEvent({ method: 'GET', path: '/hello', headers: {}, body: '' }, helloRoute, OPTS);
    expect(Object.keys(event).sort()).toEqual(['headers', 'isBase64Encoded', 'rawPath', 'rawQueryString', 'requestContext', 'routeKey', 'version']);
  });

  it('joins repeated headers with commas and lower-cases names', () => {
    const event = buildHttpApiEvent({ method: 'GET', path: '/hello', headers: { Accept: 'text/html', accept: 'application/json' }, body: '' }, helloRoute, OPTS);
    expect(event.headers.accept).toBe('text/html,application/json');
  });

  it('base64-encodes a body whose content type is not text, as HTTP APIs do', () => {
    const form = buildHttpApiEvent(
      { method: 'POST', path: '/hello', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Ada+Lovelace' },
      helloRoute,
      OPTS,
    );
    expect(form.isBase64Encoded).toBe(true);
    expect(form.body).toBe('bmFtZT1BZGErTG92ZWxhY2U=');
    const none = buildHttpApiEvent({ method: 'POST', path: '/hello', headers: {}, body: 'héllo' }, helloRoute, OPTS);
    expect(none).toMatchObject({ isBase64Encoded: true, body: 'aMOpbGxv' });
    expect(none.headers['content-length']).toBe('6');
    const text = buildHttpApiEvent({ method: 'POST', path: '/hello', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'héllo' }, helloRoute, OPTS);
    expect(text).toMatchObject({ isBase64Encoded: false, body: 'héllo' });
  });

  it('hands the function the decoded path, and the query string as sent', () => {
    const event = buildHttpApiEvent({ method: 'GET', path: '/files/my%20file.txt?q=a%26b', headers: {}, body: '' }, helloRoute, OPTS);
    expect(event.rawPath).toBe('/files/my file.txt');
    expect(event.requestContext.http.path).toBe('/files/my file.txt');
    expect(event.rawQueryString).toBe('q=a%26b');
    expect(event.queryStringParameters).toEqual({ q: 'a&b' });
  });

  it('replaces a client-sent host with the API domain', () => {
    const event = buildHttpApiEvent({ method: 'GET', path: '/hello', headers: { Host: 'localhost:3000' }, body: '' }, helloRoute, OPTS);
    expect(event.headers.host).toBe('a1b2c3d4e5.execute-api.us-east-1.amazonaws.com');
  });

  it('copies path parameters instead of sharing the match object', () => {
    const match: RouteMatch = { route: helloRoute.route, pathParameters: { id: '1' } };
    const event = buildHttpApiEvent({ method: 'GET', path: '/hello', headers: {}, body: '' }, match, OPTS);
    event.pathParameters!.id = '2';
    expect(match.pathParameters.id).toBe('1');
  });
});

describe('helpers', () => {
  it('parseQueryString', () => {
    expect(parseQueryString('')).toBeUndefined();
    expect(parseQueryString('a=1&&b&c=x%20y&a=2&c=%zz')).toEqual({ a: '1,2', b: '', c: 'x y,%zz' });
    // Keys that exist on Object.prototype are ordinary keys.
    const odd = parseQueryString('toString=1&__proto__=x&constructor=c')!;
    expect(Object.keys(odd)).toEqual(['toString', '__proto__', 'constructor']);
    expect(odd.toString).toBe('1');
    expect(JSON.stringify(odd)).toBe('{"toString":"1","__proto__":"x","constructor":"c"}');
  });

  it('formatRequestTime pads and uses UTC', () => {
    expect(formatRequestTime(Date.UTC(2020, 2, 4, 9, 5, 7))).toBe('04/Mar/2020:09:05:07 +0000');
  });

  it('isTextContentType', () => {
    expect(isTextContentType('application/json; charset=utf-8')).toBe(true);
    expect(isTextContentType('TEXT/HTML')).toBe(true);
    expect(isTextContentType('application/xml')).toBe(true);
    expect(isTextContentType('application/javascript')).toBe(true);
    expect(isTextContentType('application/octet-stream')).toBe(false);
    expect(isTextContentType('application/x-www-form-urlencoded')).toBe(false);
    expect(isTextContentType(undefined)).toBe(false);
  });
});
