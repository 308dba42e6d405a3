import { describe, expect, it } from 'vitest';
import { normaliseMethod, validateRoutePath } from './manifest-http-api';

describe('validateRoutePath', () => {
  it('accepts API Gateway route paths', () => {
    for (const p of ['/', '/hello', '/users/{id}', '/a/{b}/c/{d.e_f-g}', '/files/{proxy+}', '/{proxy+}', '/v1/items/']) {
      expect(validateRoutePath(p)).toBeNull();
    }
  });

  it('explains what is wrong with a bad path', () => {
    expect(validateRoutePath('hello')).toBe("Path must start with '/', not 'hello'");
    expect(validateRoutePath('/a b')).toBe("Path must not contain spaces: '/a b'");
    expect(validateRoutePath('/a//b')).toBe("Path has an empty segment ('//'): '/a//b'");
    expect(validateRoutePath('/{proxy+}/x')).toBe("Greedy parameter {proxy+} must be the last segment of the path: '/{proxy+}/x'");
    expect(validateRoutePath('/users/{user id}')).toBe("Path must not contain spaces: '/users/{user id}'");
    expect(validateRoutePath('/users/{user$}')).toBe("Path parameter name 'user$' may only use letters, digits, '.', '_' and '-'");
    expect(validateRoutePath('/users/{}')).toBe("Path parameter name '' may only use letters, digits, '.', '_' and '-'");
    expect(validateRoutePath('/users/x{id}')).toBe("A path parameter must be a whole segment, like /users/{id}: 'x{id}' in '/users/x{id}'");
    expect(validateRoutePath('/users/{id')).toBe("A path parameter must be a whole segment, like /users/{id}: '{id' in '/users/{id'");
    expect(validateRoutePath('/{id}/x/{id}')).toBe("Path parameter {id} appears twice in '/{id}/x/{id}'");
  });
});

describe('normaliseMethod', () => {
  it('upper-cases methods and maps * to ANY only where the framework allows it', () => {
    expect(normaliseMethod('get', false)).toBe('GET');
    expect(normaliseMethod('Any', false)).toBe('ANY');
    expect(normaliseMethod('*', true)).toBe('ANY');
    expect(normaliseMethod('*', false)).toBeNull();
    expect(normaliseMethod('FETCH', true)).toBeNull();
  });
});
