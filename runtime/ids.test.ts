import { describe, expect, it } from 'vitest';
import { functionArn, logGroupName, logStreamName, newApiId, newRequestId } from './ids';

describe('ids', () => {
  it('newRequestId is a UUID v4, different each time', () => {
    const a = newRequestId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newRequestId()).not.toBe(a);
    const many = Array.from({ length: 1000 }, newRequestId); // crosses the random pool's refills
    expect(new Set(many).size).toBe(1000);
    for (const id of many) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('newApiId is 10 lower-case alphanumerics', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = newApiId();
      expect(id).toMatch(/^[a-z0-9]{10}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(200);
  });

  it('functionArn', () => {
    expect(functionArn('us-east-1', '123456789012', 'hello')).toBe('arn:aws:lambda:us-east-1:123456789012:function:hello');
    expect(functionArn('eu-west-1', '123456789012', 'hello', '$LATEST')).toBe('arn:aws:lambda:eu-west-1:123456789012:function:hello:$LATEST');
  });

  it('logGroupName', () => {
    expect(logGroupName('hello-playground-dev-hello')).toBe('/aws/lambda/hello-playground-dev-hello');
  });

  it('logStreamName: UTC date, version, 32 hex', () => {
    const hex = '0123456789abcdef0123456789abcdef';
    expect(logStreamName(new Date(Date.UTC(2026, 10, 22, 23, 59)), hex)).toBe(`2026/11/22/[$LATEST]${hex}`);
    expect(logStreamName(Date.UTC(2026, 0, 5), hex, '3')).toBe(`2026/01/05/[3]${hex}`);
  });

  it('logStreamName hashes other instance ids to a stable 32 hex', () => {
    const a = logStreamName(0, 'hello-1');
    expect(a).toMatch(/^1970\/01\/01\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(logStreamName(0, 'hello-1')).toBe(a);
    expect(logStreamName(0, 'hello-2')).not.toBe(a);
  });
});
