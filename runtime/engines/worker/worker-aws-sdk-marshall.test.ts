import { describe, expect, it } from 'vitest';
import { createDynamoMarshall } from './worker-aws-sdk-marshall';

const { marshall, unmarshall, convertToAttr, NumberValue } = createDynamoMarshall();

describe('util-dynamodb marshall', () => {
  it('maps JavaScript values to AttributeValues, an object to a map of them', () => {
    expect(marshall({ s: 'x', n: 3, b: false, z: null, l: [1, 'a'], m: { k: 2n }, bin: new Uint8Array([1]) })).toEqual({
      s: { S: 'x' }, n: { N: '3' }, b: { BOOL: false }, z: { NULL: true }, l: { L: [{ N: '1' }, { S: 'a' }] }, m: { M: { k: { N: '2' } } }, bin: { B: new Uint8Array([1]) },
    });
    expect(marshall([1])).toEqual([{ N: '1' }]);
    expect(marshall('x')).toEqual({ S: 'x' });
    expect(marshall({ a: 1 }, { convertTopLevelContainer: true })).toEqual({ M: { a: { N: '1' } } });
  });

  it('marshalls Sets by their first member, and Maps as maps', () => {
    expect(convertToAttr(new Set(['a', 'b']))).toEqual({ SS: ['a', 'b'] });
    expect(convertToAttr(new Set([1, 2]))).toEqual({ NS: ['1', '2'] });
    expect(convertToAttr(new Map([['k', true]]))).toEqual({ M: { k: { BOOL: true } } });
    expect(() => convertToAttr(new Set())).toThrow('Pass a non-empty set, or options.convertEmptyValues=true.');
    expect(convertToAttr(new Set(), { convertEmptyValues: true })).toEqual({ NULL: true });
  });

  it('refuses what DynamoDB cannot hold, with the SDK messages', () => {
    expect(() => marshall({ a: undefined })).toThrow('Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.');
    expect(marshall({ a: undefined, b: [undefined, 1] }, { removeUndefinedValues: true })).toEqual({ b: { L: [{ N: '1' }] } });
    expect(() => marshall({ n: NaN })).toThrow('Special numeric value NaN is not allowed');
    expect(() => marshall({ n: 2 ** 60 })).toThrow('Number 1152921504606847000 is greater than Number.MAX_SAFE_INTEGER. Use BigInt.');
    expect(() => marshall({ d: new Date(0) })).toThrow(/^Unsupported type passed: .*\. Pass options\.convertClassInstanceToMap=true to marshall typeof object as map attribute\.$/);
    expect(marshall({ e: '' }, { convertEmptyValues: true })).toEqual({ e: { NULL: true } });
  });
});

describe('util-dynamodb unmarshall', () => {
  it('maps AttributeValues back, large integers to BigInt, sets to Sets', () => {
    expect(unmarshall({ n: { N: '1.25' }, big: { N: '123456789012345678901' }, ss: { SS: ['a'] }, ns: { NS: ['1'] }, l: { L: [{ NULL: true }, { BOOL: true }] } })).toEqual({
      n: 1.25, big: 123456789012345678901n, ss: new Set(['a']), ns: new Set([1]), l: [null, true],
    });
  });

  it('wraps numbers as NumberValue when asked, and reads a bare AttributeValue without the map wrapper', () => {
    const out = unmarshall({ n: { N: '0.1000000000000000000001' } }, { wrapNumbers: true }) as { n: InstanceType<typeof NumberValue> };
    expect(out.n).toBeInstanceOf(NumberValue);
    expect(out.n.toString()).toBe('0.1000000000000000000001');
    expect(marshall({ n: out.n })).toEqual({ n: { N: '0.1000000000000000000001' } });
    expect(unmarshall({ S: 'x' }, { convertWithoutMapWrapper: true })).toBe('x');
    expect(() => unmarshall({ x: { Q: 1 } as never })).toThrow('Unsupported type passed: Q');
  });
});
