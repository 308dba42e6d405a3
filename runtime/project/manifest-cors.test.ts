import { describe, expect, it } from 'vitest';
import { DEFAULT_CORS_HEADERS, resolveCors, type CorsSpec } from './manifest-cors';
import type { HttpApiEventDef } from './types';

const route = (method: string, path = '/x'): HttpApiEventDef => ({
  kind: 'httpApi', method, path, routeKey: method === '*' ? '$default' : `${method} ${path}`, line: 1,
});
const spec = (allowedMethods: string[] | null): CorsSpec => ({
  allowedOrigins: ['*'], allowedHeaders: [...DEFAULT_CORS_HEADERS], allowedMethods, allowCredentials: false, exposedResponseHeaders: [],
});

describe('resolveCors', () => {
  it('is null when CORS is off', () => {
    expect(resolveCors(null, [route('GET')])).toBeNull();
  });

  it('fills OPTIONS plus each route method once, in the order routes appear', () => {
    expect(resolveCors(spec(null), [route('DELETE'), route('GET'), route('DELETE', '/y')])!.allowedMethods).toEqual(['OPTIONS', 'DELETE', 'GET']);
  });

  it('lets an ANY or catch-all route allow every method, as the framework does', () => {
    const all = ['OPTIONS', 'GET', 'POST', 'PUT', 'PATCH', 'HEAD', 'DELETE'];
    expect(resolveCors(spec(null), [route('ANY')])!.allowedMethods).toEqual(all);
    expect(resolveCors(spec(null), [route('*', '*')])!.allowedMethods).toEqual(all);
  });

  it('keeps allowedMethods that were written', () => {
    expect(resolveCors(spec(['GET']), [route('POST')])!.allowedMethods).toEqual(['GET']);
  });
});
