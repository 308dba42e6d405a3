import { describe, expect, it } from 'vitest';
import util from 'node:util';
import { createFormat } from './worker-format';
import { createInspect } from './worker-inspect';

const inspect = createInspect();
const format = createFormat(inspect);

class Point {
  constructor(public x: number, public y: number) {}
}
class Money {
  constructor(private cents: number) {}
  toString() {
    return '$' + (this.cents / 100).toFixed(2);
  }
}

const circular: Record<string, unknown> = { name: 'root' };
circular.self = circular;
const nullProto = Object.assign(Object.create(null), { a: 1 });
const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
const withGetter = { get g() { return 1; }, set s(_v: number) {} };

// Each value is printed by this module and by Node's own util.inspect: they must agree.
const samples: [string, unknown][] = [
  ['string', 'hi'],
  ['quote in string', "it's"],
  ['number -0', -0],
  ['bigint', 10n],
  ['symbol', Symbol('s')],
  ['null/undefined', [null, undefined]],
  ['flat object', { a: 1, b: 'two', c: true }],
  ['non-identifier keys', { 'a-b': 1, 'x y': 2 }],
  ['nested beyond depth', { a: { b: { c: { d: { e: 1 } } } } }],
  ['array short', [1, 2, 3]],
  ['array grouped', Array.from({ length: 30 }, (_, i) => i * 7)],
  ['array of strings grouped', ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew']],
  ['long array', Array.from({ length: 120 }, (_, i) => i)],
  ['sparse array', sparse],
  ['empty containers', [{}, [], new Map(), new Set()]],
  ['map and set', [new Map<unknown, unknown>([['k', 1], [2, { z: 1 }]]), new Set([1, 'two'])]],
  ['date', new Date(Date.UTC(2026, 0, 2, 3, 4, 5))],
  ['regexp', /ab+c/gi],
  ['functions', [function named() {}, () => {}, async function af() {}, class Foo {}, Point]],
  ['class instance', new Point(1, 2)],
  ['null prototype', nullProto],
  ['circular', circular],
  ['getters', withGetter],
  ['symbol key', { [Symbol('k')]: 1 }],
  ['typed array', new Uint8Array([1, 2, 3])],
  ['boxed', [new Number(3), new String('s'), new Boolean(false)]],
  ['multi-line string nested', { text: 'line one is here\nline two is here\nline three is here, longer than the rest of them all together ok' }],
  ['wide object breaks lines', { alpha: 'a'.repeat(30), beta: 'b'.repeat(30), gamma: 'c'.repeat(30), delta: 'd'.repeat(30), epsilon: 'e'.repeat(30) }],
  ['event-like', { version: '2.0', routeKey: 'GET /hello', rawPath: '/hello', headers: { host: 'localhost', 'user-agent': 'curl/8' }, requestContext: { http: { method: 'GET', path: '/hello' } }, isBase64Encoded: false }],
];

describe('inspect matches Node util.inspect', () => {
  it.each(samples)('%s', (_name, value) => {
    expect(inspect(value)).toBe(util.inspect(value));
  });
  it('prints an error as its stack, and its own properties after it', () => {
    const err = Object.assign(new Error('boom'), { code: 'E_BOOM' });
    expect(inspect(err)).toBe(util.inspect(err));
    const nested = { cause: new TypeError('bad') };
    expect(inspect(nested)).toBe(util.inspect(nested));
  });
  it('honours depth', () => {
    const v = { a: { b: { c: 1 } } };
    expect(inspect(v, { depth: 0 })).toBe('{ a: [Object] }');
  });
});

describe('format matches Node util.format', () => {
  const cases: unknown[][] = [
    ['hello'],
    ['hello %s', 'Ada'],
    ['%s is %d years', 'Ada', 36],
    ['%i and %f', '42.9', '1.5'],
    ['%j', { a: [1, 2] }],
    ['%j', circular],
    ['%o', { a: 1 }],
    ['%O', { a: { b: { c: { d: 1 } } } }],
    ['%s', { a: { b: 1 } }],
    ['%s', new Money(150)],
    ['%s', [1, 2]],
    ['%s', -0],
    ['%d', '0x10'],
    ['%c styled', 'color: red'],
    ['100%% sure', 'extra'],
    ['%s %s', 'only one'],
    ['%x unknown', 1],
    ['no tokens', 1, 'two', { three: 3 }],
    [{ first: 'object' }, 'then string'],
    [1, 2, 3],
    [],
  ];
  it.each(cases.map((c) => [JSON.stringify(c, (_k, v) => (v === circular ? '[circular]' : v)), c]))('%s', (_name, args) => {
    expect(format(...(args as unknown[]))).toBe(util.format(...(args as unknown[])));
  });
});
