import { describe, expect, it } from 'vitest';
import { matchesPattern, validatePattern } from './event-pattern';

const event = {
  version: '0',
  id: 'e-1',
  'detail-type': 'Order Placed',
  source: 'shop.orders',
  account: '123456789012',
  time: '2026-01-01T00:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:s3:::uploads', 'arn:aws:sqs:us-east-1:123456789012:orders'],
  detail: {
    orderId: 'o-1001',
    total: 42.5,
    count: 3,
    express: true,
    coupon: null,
    state: 'PLACED',
    region: 'eu-west-1',
    file: 'photos/cat.PNG',
    ip: '10.0.0.17',
    ip6: '2001:db8::1',
    tags: ['gift', 'fragile'],
    sizes: [1, 5, 9],
    empty: [],
    customer: { tier: 'gold', address: { country: 'DE' } },
    items: [
      { sku: 'a', qty: 1 },
      { sku: 'b', qty: 7 },
    ],
    text: 'a*b',
  },
};

// [what, pattern, expected]
const cases: Array<[string, Record<string, unknown>, boolean]> = [
  // exact values
  ['exact string', { source: ['shop.orders'] }, true],
  ['exact string is case-sensitive', { source: ['Shop.Orders'] }, false],
  ['values OR together', { source: ['other', 'shop.orders'] }, true],
  ['fields AND together', { source: ['shop.orders'], 'detail-type': ['Order Shipped'] }, false],
  ['all fields match', { source: ['shop.orders'], 'detail-type': ['Order Placed'] }, true],
  ['missing field never matches an exact value', { detail: { nope: ['x'] } }, false],
  ['exact number', { detail: { total: [42.5] } }, true],
  ['numbers compare numerically (3 is 3.0)', { detail: { count: [3.0] } }, true],
  ['a number does not match its string', { detail: { count: ['3'] } }, false],
  ['a string does not match a number', { detail: { orderId: [1001] } }, false],
  ['boolean', { detail: { express: [true] } }, true],
  ['boolean false does not match true', { detail: { express: [false] } }, false],
  ['null matches null', { detail: { coupon: [null] } }, true],
  ['null does not match a missing field', { detail: { nothing: [null] } }, false],
  ['empty string does not match a value', { detail: { state: [''] } }, false],
  // nesting
  ['nested objects recurse', { detail: { customer: { address: { country: ['DE'] } } } }, true],
  ['nested mismatch', { detail: { customer: { address: { country: ['FR'] } } } }, false],
  ['a leaf pattern does not match an object', { detail: { customer: ['gold'] } }, false],
  ['an object pattern does not match a scalar', { detail: { state: { x: ['PLACED'] } } }, false],
  // arrays in the event
  ['array field: one element matching is enough', { detail: { tags: ['fragile'] } }, true],
  ['array field: no element matching', { detail: { tags: ['heavy'] } }, false],
  ['array field with numeric', { detail: { sizes: [{ numeric: ['>', 8] }] } }, true],
  ['resources array', { resources: ['arn:aws:s3:::uploads'] }, true],
  ['array of objects: a nested field in one element', { detail: { items: { sku: ['b'] } } }, true],
  ['array of objects: fields from the same element', { detail: { items: { sku: ['b'], qty: [7] } } }, true],
  ['array of objects: fields from different elements do not combine', { detail: { items: { sku: ['a'], qty: [7] } } }, false],
  // prefix / suffix / equals-ignore-case
  ['prefix', { source: [{ prefix: 'shop.' }] }, true],
  ['prefix mismatch', { source: [{ prefix: 'aws.' }] }, false],
  ['prefix is case-sensitive', { source: [{ prefix: 'SHOP' }] }, false],
  ['prefix equals-ignore-case', { source: [{ prefix: { 'equals-ignore-case': 'SHOP' } }] }, true],
  ['prefix does not match numbers', { detail: { count: [{ prefix: '3' }] } }, false],
  ['suffix', { detail: { file: [{ suffix: '.PNG' }] } }, true],
  ['suffix is case-sensitive', { detail: { file: [{ suffix: '.png' }] } }, false],
  ['suffix equals-ignore-case', { detail: { file: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, true],
  ['equals-ignore-case', { detail: { state: [{ 'equals-ignore-case': 'placed' }] } }, true],
  ['equals-ignore-case is whole-string', { detail: { state: [{ 'equals-ignore-case': 'place' }] } }, false],
  // anything-but
  ['anything-but string', { detail: { state: [{ 'anything-but': 'CANCELLED' }] } }, true],
  ['anything-but the value itself', { detail: { state: [{ 'anything-but': 'PLACED' }] } }, false],
  ['anything-but list', { detail: { state: [{ 'anything-but': ['CANCELLED', 'PLACED'] }] } }, false],
  ['anything-but list without the value', { detail: { state: [{ 'anything-but': ['CANCELLED', 'SHIPPED'] }] } }, true],
  ['anything-but number', { detail: { count: [{ 'anything-but': 3 }] } }, false],
  ['anything-but number list', { detail: { count: [{ 'anything-but': [1, 2] }] } }, true],
  ['anything-but does not match a missing field', { detail: { nothing: [{ 'anything-but': 'x' }] } }, false],
  ['anything-but prefix', { detail: { region: [{ 'anything-but': { prefix: 'us-' } }] } }, true],
  ['anything-but prefix excludes', { detail: { region: [{ 'anything-but': { prefix: 'eu-' } }] } }, false],
  ['anything-but suffix', { detail: { file: [{ 'anything-but': { suffix: '.PNG' } }] } }, false],
  ['anything-but equals-ignore-case', { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'placed' } }] } }, false],
  ['anything-but equals-ignore-case list', { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['a', 'b'] } }] } }, true],
  ['anything-but wildcard', { detail: { file: [{ 'anything-but': { wildcard: 'photos/*' } }] } }, false],
  ['anything-but on an array: another element differs', { detail: { tags: [{ 'anything-but': 'gift' }] } }, true],
  // numeric
  ['numeric >', { detail: { total: [{ numeric: ['>', 42] }] } }, true],
  ['numeric > at the bound', { detail: { total: [{ numeric: ['>', 42.5] }] } }, false],
  ['numeric >= at the bound', { detail: { total: [{ numeric: ['>=', 42.5] }] } }, true],
  ['numeric <', { detail: { total: [{ numeric: ['<', 10] }] } }, false],
  ['numeric <=', { detail: { count: [{ numeric: ['<=', 3] }] } }, true],
  ['numeric =', { detail: { count: [{ numeric: ['=', 3] }] } }, true],
  ['numeric range inside', { detail: { count: [{ numeric: ['>', 0, '<=', 5] }] } }, true],
  ['numeric range at the top', { detail: { count: [{ numeric: ['>', 0, '<', 3] }] } }, false],
  ['numeric range below', { detail: { count: [{ numeric: ['>=', 4, '<', 10] }] } }, false],
  ['numeric does not match strings', { detail: { orderId: [{ numeric: ['>', 0] }] } }, false],
  ['numeric negative', { detail: { count: [{ numeric: ['>', -1e9] }] } }, true],
  // exists
  ['exists true on a present leaf', { detail: { state: [{ exists: true }] } }, true],
  ['exists true on a null leaf', { detail: { coupon: [{ exists: true }] } }, true],
  ['exists true on a missing field', { detail: { nothing: [{ exists: true }] } }, false],
  ['exists false on a missing field', { detail: { nothing: [{ exists: false }] } }, true],
  ['exists false on a present field', { detail: { state: [{ exists: false }] } }, false],
  ['exists false under a missing parent', { detail: { nope: { deeper: [{ exists: false }] } } }, true],
  ['exists true on an object (not a leaf)', { detail: { customer: [{ exists: true }] } }, false],
  ['exists false on an object (not a leaf)', { detail: { customer: [{ exists: false }] } }, true],
  ['exists false on an empty array', { detail: { empty: [{ exists: false }] } }, true],
  ['exists true on an empty array', { detail: { empty: [{ exists: true }] } }, false],
  ['exists ORed with a value', { detail: { nothing: ['x', { exists: false }] } }, true],
  // wildcard
  ['wildcard', { detail: { file: [{ wildcard: 'photos/*.PNG' }] } }, true],
  ['wildcard * matches nothing too', { detail: { file: [{ wildcard: 'photos/cat*.PNG' }] } }, true],
  ['wildcard mismatch', { detail: { file: [{ wildcard: 'docs/*' }] } }, false],
  ['wildcard is whole-string', { detail: { file: [{ wildcard: 'photos' }] } }, false],
  ['wildcard escaped star is literal', { detail: { text: [{ wildcard: 'a\\*b' }] } }, true],
  ['wildcard escaped star does not match other text', { detail: { file: [{ wildcard: 'photos/\\*' }] } }, false],
  ['wildcard regex characters are literal', { detail: { file: [{ wildcard: 'photos/cat.*' }] } }, true],
  ['wildcard regex dot is not any character', { detail: { orderId: [{ wildcard: 'o.1001' }] } }, false],
  // cidr
  ['cidr v4', { detail: { ip: [{ cidr: '10.0.0.0/24' }] } }, true],
  ['cidr v4 outside', { detail: { ip: [{ cidr: '10.0.1.0/24' }] } }, false],
  ['cidr /32', { detail: { ip: [{ cidr: '10.0.0.17/32' }] } }, true],
  ['cidr v6', { detail: { ip6: [{ cidr: '2001:db8::/32' }] } }, true],
  ['cidr v6 outside', { detail: { ip6: [{ cidr: '2001:db9::/32' }] } }, false],
  ['cidr on a non-ip', { detail: { state: [{ cidr: '10.0.0.0/8' }] } }, false],
  // $or
  ['$or: one branch matches', { $or: [{ source: ['nope'] }, { detail: { state: ['PLACED'] } }] }, true],
  ['$or: no branch matches', { $or: [{ source: ['nope'] }, { detail: { state: ['X'] } }] }, false],
  ['$or ANDs with its siblings', { source: ['nope'], $or: [{ detail: { state: ['PLACED'] } }, { detail: { count: [3] } }] }, false],
  ['$or nested in detail', { detail: { $or: [{ count: [{ numeric: ['>', 5] }] }, { express: [true] }] } }, true],
  // the empty pattern
  ['an empty pattern matches every event', {}, true],
];

describe('matchesPattern', () => {
  it.each(cases)('%s', (_what, pattern, expected) => {
    expect(validatePattern(pattern)).toEqual({ ok: true });
    expect(matchesPattern(pattern, event)).toBe(expected);
  });

  it('matches the fields of an event that is not an object only with exists: false', () => {
    expect(matchesPattern({ source: [{ exists: false }] }, 'text')).toBe(true);
    expect(matchesPattern({ source: ['x'] }, null)).toBe(false);
  });

  it('matches a top-level array of events element by element (a batch never reaches here, but the rule holds)', () => {
    expect(matchesPattern({ source: ['b'] }, [{ source: 'a' }, { source: 'b' }])).toBe(true);
  });

  it('treats a non-object $or as an ordinary field', () => {
    expect(matchesPattern({ $or: ['x'] }, { $or: 'x' })).toBe(true);
  });
});

// [what, pattern, AWS's reason]
const invalid: Array<[string, unknown, string]> = [
  ['not an object', ['source'], 'Filter is not an object'],
  ['null', null, 'Filter is not an object'],
  ['a leaf that is not an array', { source: 'shop.orders' }, '"source" must be an object or an array'],
  ['a nested leaf that is not an array', { detail: { lenderId: 'LenderA' } }, '"lenderId" must be an object or an array'],
  ['a number leaf', { detail: { n: 5 } }, '"n" must be an object or an array'],
  ['an empty array', { source: [] }, 'Empty arrays are not allowed'],
  ['an array inside the array', { source: [['a']] }, 'Match value must be String, number, true, false, or null'],
  ['two operators in one expression', { source: [{ prefix: 'a', suffix: 'b' }] }, 'Only one key allowed in match expression'],
  ['an empty expression', { source: [{}] }, 'Only one key allowed in match expression'],
  ['an unknown operator', { source: [{ contains: 'a' }] }, 'Unrecognized match type contains'],
  ['prefix not a string', { source: [{ prefix: 5 }] }, 'prefix match pattern must be a string'],
  ['suffix not a string', { source: [{ suffix: ['a'] }] }, 'suffix match pattern must be a string'],
  ['prefix with an unknown nested operator', { source: [{ prefix: { wildcard: 'a' } }] }, 'Unsupported prefix pattern: wildcard'],
  ['equals-ignore-case not a string', { source: [{ 'equals-ignore-case': 1 }] }, 'equals-ignore-case match pattern must be a string'],
  ['exists not a boolean', { source: [{ exists: 'true' }] }, 'exists match pattern must be either true or false.'],
  ['numeric not an array', { n: [{ numeric: '>5' }] }, 'Value of numeric must be an array.'],
  ['numeric empty', { n: [{ numeric: [] }] }, 'Invalid member in numeric match: ]'],
  ['numeric unknown operator', { n: [{ numeric: ['!=', 5] }] }, 'Unrecognized numeric range operator: !='],
  ['numeric value not a number', { n: [{ numeric: ['>', '5'] }] }, 'Value of > must be numeric'],
  ['numeric = value not a number', { n: [{ numeric: ['='] }] }, 'Value of equals must be numeric'],
  ['numeric range starting with <', { n: [{ numeric: ['<', 5, '>', 0] }] }, 'Too many elements in numeric expression'],
  ['numeric range with a bad upper operator', { n: [{ numeric: ['>', 0, '>', 5] }] }, 'Bad numeric range operator: >'],
  ['numeric range with an upper value not a number', { n: [{ numeric: ['>', 0, '<', 'x'] }] }, 'Value of < must be numeric'],
  ['numeric range upside down', { n: [{ numeric: ['>', 5, '<', 5] }] }, 'Bottom must be less than top'],
  ['numeric range too long', { n: [{ numeric: ['>', 0, '<', 5, '<', 6] }] }, 'Too many terms in numeric range expression'],
  ['anything-but boolean', { s: [{ 'anything-but': true }] }, 'Value of anything-but must be an array or single string/number value.'],
  ['anything-but null', { s: [{ 'anything-but': null }] }, 'Value of anything-but must be an array or single string/number value.'],
  ['anything-but list of mixed types', { s: [{ 'anything-but': ['a', 1] }] }, 'Inside anything but list, start|null|boolean is not supported.'],
  ['anything-but list with null', { s: [{ 'anything-but': ['a', null] }] }, 'Inside anything but list, start|null|boolean is not supported.'],
  ['anything-but unknown operator', { s: [{ 'anything-but': { numeric: ['>', 1] } }] }, 'Unsupported anything-but pattern: numeric'],
  ['anything-but prefix number', { s: [{ 'anything-but': { prefix: 5 } }] }, 'Inside anything-but/prefix list, number|start|null|boolean is not supported.'],
  ['anything-but empty prefix', { s: [{ 'anything-but': { prefix: '' } }] }, 'Null prefix/suffix not allowed'],
  ['cidr not a string', { ip: [{ cidr: 10 }] }, 'prefix match pattern must be a string'],
  ['cidr without a mask', { ip: [{ cidr: '10.0.0.0' }] }, "Malformed CIDR, one '/' required"],
  ['cidr with a bad mask', { ip: [{ cidr: '10.0.0.0/x' }] }, 'Malformed CIDR, mask bits must be an integer'],
  ['cidr with a bad address', { ip: [{ cidr: '10.0.0.256/8' }] }, 'Nonstandard IP address: 10.0.0.256'],
  ['wildcard not a string', { f: [{ wildcard: 1 }] }, 'wildcard match pattern must be a string'],
  ['wildcard with consecutive stars', { f: [{ wildcard: 'a**b' }] }, 'Consecutive wildcard characters at pos 2'],
  [
    'wildcard too complex',
    { f: [{ wildcard: 'a*b*c*d*e*f*' }] },
    'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
  ],
  ['an invalid rule inside $or', { $or: [{ a: ['x'] }, { b: 'y' }] }, '"b" must be an object or an array'],
];

describe('validatePattern', () => {
  it.each(invalid)('rejects %s', (_what, pattern, reason) => {
    expect(validatePattern(pattern)).toEqual({ ok: false, message: `Event pattern is not valid. Reason: ${reason}` });
  });

  it('accepts every operator in its documented form', () => {
    const pattern = {
      source: ['a', 1, true, null, ''],
      detail: {
        a: [{ prefix: 'x' }, { prefix: { 'equals-ignore-case': 'x' } }, { suffix: 'x' }, { suffix: { 'equals-ignore-case': 'x' } }],
        b: [{ 'anything-but': 'x' }, { 'anything-but': 1 }, { 'anything-but': ['x', 'y'] }, { 'anything-but': [1, 2] }],
        c: [{ 'anything-but': { prefix: 'x' } }, { 'anything-but': { suffix: ['x', 'y'] } }, { 'anything-but': { wildcard: '*x' } }],
        d: [{ numeric: ['>', 0] }, { numeric: ['=', 5] }, { numeric: ['>=', 0, '<', 5] }],
        e: [{ exists: true }, { exists: false }, { 'equals-ignore-case': 'x' }, { wildcard: 'a*b' }, { cidr: '10.0.0.0/8' }, { cidr: '::1/128' }],
        $or: [{ f: ['x'] }, { g: { h: ['y'] } }],
      },
    };
    expect(validatePattern(pattern)).toEqual({ ok: true });
  });
});
