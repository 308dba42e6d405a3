/**
 * EventBridge event patterns (content filtering): whether a rule's pattern matches an event. Fields AND together, a
 * leaf array's conditions OR together, nested objects recurse, and an array in the event matches when one element does.
 */
import { cidrContains } from './cidr';

import { isOrList } from './event-pattern-validation';

export { validatePattern, type PatternCheck } from './event-pattern-validation';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Call only with a pattern `validatePattern` accepts: an invalid one never matches anything here, but is not reported. */
export function matchesPattern(pattern: Json, event: unknown): boolean {
  return objectMatches(pattern, event);
}

/**
 * A pattern object against the event's value at the same place. An array there matches when one element matches the
 * whole object: fields matched under one array element must come from that same element (event-ruler's "array
 * consistency"). A missing or non-object value has no fields, which only `exists: false` conditions accept.
 */
function objectMatches(pattern: Json, node: unknown): boolean {
  if (Array.isArray(node)) return node.length > 0 ? node.some((el) => objectMatches(pattern, el)) : objectMatches(pattern, undefined);
  const fields = isObject(node) ? node : undefined;
  for (const [key, rule] of Object.entries(pattern)) {
    if (key === '$or' && isOrList(rule)) {
      if (!rule.some((alt) => objectMatches(alt, node))) return false;
      continue;
    }
    const present = fields !== undefined && Object.hasOwn(fields, key);
    const value = present ? fields[key] : undefined;
    if (Array.isArray(rule)) {
      if (!leafMatches(rule, present ? leavesOf(value) : [])) return false;
    } else if (isObject(rule)) {
      if (!objectMatches(rule, value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

type Leaf = string | number | boolean | null;

/** The scalar values at a field: itself, or every scalar in a (nested) array. Objects are not leaves. */
function leavesOf(value: unknown): Leaf[] {
  if (Array.isArray(value)) return value.flatMap(leavesOf);
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [value];
  return [];
}

function leafMatches(conditions: unknown[], values: Leaf[]): boolean {
  return conditions.some((c) => {
    // `exists` works on leaves only: an object-valued field, a missing field and an empty array all "do not exist".
    if (isObject(c) && 'exists' in c) return c.exists === values.length > 0;
    return values.some((v) => conditionMatches(c, v));
  });
}

function conditionMatches(c: unknown, v: Leaf): boolean {
  if (!isObject(c)) return exactMatches(c, v);
  const [op, arg] = Object.entries(c)[0] ?? [];
  switch (op) {
    case 'prefix':
      return stringTest(arg, v, (s, a) => s.startsWith(a));
    case 'suffix':
      return stringTest(arg, v, (s, a) => s.endsWith(a));
    case 'equals-ignore-case':
      return typeof v === 'string' && typeof arg === 'string' && v.toLowerCase() === arg.toLowerCase();
    case 'wildcard':
      return typeof v === 'string' && typeof arg === 'string' && wildcardRegExp(arg).test(v);
    case 'anything-but':
      return !anythingButExcludes(arg, v);
    case 'numeric':
      return typeof v === 'number' && Array.isArray(arg) && numericMatches(arg, v);
    case 'cidr':
      return typeof v === 'string' && typeof arg === 'string' && cidrContains(arg, v);
    default:
      return false;
  }
}

/** Exact values: strings and booleans by identity, numbers numerically (300 matches 300.0), null only null. */
function exactMatches(c: unknown, v: Leaf): boolean {
  return c === v;
}

/** `{prefix: 'a'}` or `{prefix: {'equals-ignore-case': 'a'}}` (and the same for suffix); strings only. */
function stringTest(arg: unknown, v: Leaf, test: (s: string, a: string) => boolean): boolean {
  if (typeof v !== 'string') return false;
  if (typeof arg === 'string') return test(v, arg);
  if (isObject(arg) && typeof arg['equals-ignore-case'] === 'string') return test(v.toLowerCase(), arg['equals-ignore-case'].toLowerCase());
  return false;
}

/** What an `anything-but` leaves out: a value, a list of values, or `{prefix|suffix|equals-ignore-case|wildcard}` (one or a list). */
function anythingButExcludes(arg: unknown, v: Leaf): boolean {
  if (Array.isArray(arg)) return arg.some((x) => exactMatches(x, v));
  if (!isObject(arg)) return exactMatches(arg, v);
  const [op, inner] = Object.entries(arg)[0] ?? [];
  const list = Array.isArray(inner) ? inner : [inner];
  return list.some((x) => conditionMatches({ [op]: x }, v));
}

function numericMatches(terms: unknown[], v: number): boolean {
  for (let i = 0; i + 1 < terms.length; i += 2) {
    const bound = terms[i + 1];
    if (typeof bound !== 'number') return false;
    const ok =
      terms[i] === '=' ? v === bound
      : terms[i] === '>' ? v > bound
      : terms[i] === '>=' ? v >= bound
      : terms[i] === '<' ? v < bound
      : terms[i] === '<=' ? v <= bound
      : false;
    if (!ok) return false;
  }
  return terms.length >= 2;
}

const wildcards = new Map<string, RegExp>();

/** `*` matches any run of characters, including none; `\*` is a literal star and `\\` a backslash. */
function wildcardRegExp(pattern: string): RegExp {
  let re = wildcards.get(pattern);
  if (re) return re;
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) src += escapeRegExp(pattern[++i]);
    else if (ch === '*') src += '[\\s\\S]*';
    else src += escapeRegExp(ch);
  }
  re = new RegExp(`^${src}$`);
  wildcards.set(pattern, re);
  return re;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
