import { describe, expect, it } from 'vitest';
import { filterPolicyMatches } from './sns-filter-policy';

const s = (Value: string) => ({ Type: 'String', Value });
const n = (Value: string) => ({ Type: 'Number', Value });
const attrs = { store: s('example_corp'), event: s('order_placed'), price: n('210.75'), tags: { Type: 'String.Array', Value: '["vip","eu"]' } };
const m = (policy: Record<string, unknown>) => filterPolicyMatches(policy, attrs);

describe('filterPolicyMatches', () => {
  it('lets everything through without a policy', () => {
    expect(filterPolicyMatches(undefined, {})).toBe(true);
  });

  it('matches exact strings (OR within a key, AND across keys)', () => {
    expect(m({ store: ['example_corp'] })).toBe(true);
    expect(m({ store: ['other', 'example_corp'] })).toBe(true);
    expect(m({ store: ['other'] })).toBe(false);
    expect(m({ store: ['example_corp'], event: ['order_cancelled'] })).toBe(false);
    expect(m({ store: ['example_corp'], event: ['order_placed'] })).toBe(true);
    expect(m({ missing: ['x'] })).toBe(false);
  });

  it('matches a String.Array attribute when one element matches', () => {
    expect(m({ tags: ['vip'] })).toBe(true);
    expect(m({ tags: ['us'] })).toBe(false);
  });

  it('matches numbers exactly and by range', () => {
    expect(m({ price: [210.75] })).toBe(true);
    expect(m({ price: [210] })).toBe(false);
    expect(m({ price: [{ numeric: ['>', 100] }] })).toBe(true);
    expect(m({ price: [{ numeric: ['>=', 0, '<', 200] }] })).toBe(false);
    expect(m({ price: [{ numeric: ['=', 210.75] }] })).toBe(true);
    expect(m({ store: [{ numeric: ['>', 0] }] })).toBe(false);
  });

  it('matches prefix, suffix and equals-ignore-case', () => {
    expect(m({ event: [{ prefix: 'order_' }] })).toBe(true);
    expect(m({ event: [{ prefix: 'refund_' }] })).toBe(false);
    expect(m({ event: [{ suffix: '_placed' }] })).toBe(true);
    expect(m({ store: [{ 'equals-ignore-case': 'EXAMPLE_CORP' }] })).toBe(true);
  });

  it('matches anything-but, which a missing attribute never satisfies', () => {
    expect(m({ store: [{ 'anything-but': 'other' }] })).toBe(true);
    expect(m({ store: [{ 'anything-but': ['other', 'example_corp'] }] })).toBe(false);
    expect(m({ event: [{ 'anything-but': { prefix: 'order_' } }] })).toBe(false);
    expect(m({ price: [{ 'anything-but': [100] }] })).toBe(true);
    expect(m({ missing: [{ 'anything-but': 'x' }] })).toBe(false);
  });

  it('matches exists true and false', () => {
    expect(m({ store: [{ exists: true }] })).toBe(true);
    expect(m({ missing: [{ exists: true }] })).toBe(false);
    expect(m({ missing: [{ exists: false }] })).toBe(true);
    expect(m({ store: [{ exists: false }] })).toBe(false);
  });
});
