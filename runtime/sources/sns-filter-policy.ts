/**
 * SNS subscription filter policies on message attributes: every policy key must match (AND), any of a key's values
 * may (OR). Values: exact strings, exact numbers, {prefix}, {suffix}, {equals-ignore-case}, {anything-but},
 * {numeric: ['>', 0, '<=', 5]}, {exists}. A String.Array attribute matches when one of its elements does.
 */
import type { TopicNotice } from '../services/types';

type Attribute = TopicNotice['messageAttributes'][string];

export function filterPolicyMatches(policy: Record<string, unknown> | undefined, attributes: TopicNotice['messageAttributes']): boolean {
  if (!policy) return true;
  return Object.entries(policy).every(([name, rule]) => {
    const conditions = Array.isArray(rule) ? rule : [rule];
    const attr = attributes[name];
    return conditions.some((c) => conditionMatches(c, attr));
  });
}

/** The attribute's values to compare: one, or each element of a String.Array; Binary attributes never match. */
function valuesOf(attr: Attribute): Array<string | number> {
  if (attr.Type.startsWith('Binary')) return [];
  if (attr.Type.startsWith('Number')) return [Number(attr.Value)];
  if (attr.Type === 'String.Array') {
    try {
      const list: unknown = JSON.parse(attr.Value);
      if (Array.isArray(list)) return list.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    } catch {
      return [];
    }
    return [];
  }
  return [attr.Value];
}

function conditionMatches(c: unknown, attr: Attribute | undefined): boolean {
  if (c && typeof c === 'object' && 'exists' in c) return (c as { exists: unknown }).exists === (attr !== undefined);
  // Apart from {exists: false}, a condition never matches a missing attribute (anything-but included).
  if (!attr) return false;
  return valuesOf(attr).some((v) => valueMatches(c, v));
}

function valueMatches(c: unknown, v: string | number): boolean {
  if (typeof c === 'string') return v === c;
  if (typeof c === 'number') return typeof v === 'number' && v === c;
  if (!c || typeof c !== 'object') return false;
  const op = c as Record<string, unknown>;
  if (typeof op.prefix === 'string') return typeof v === 'string' && v.startsWith(op.prefix);
  if (typeof op.suffix === 'string') return typeof v === 'string' && v.endsWith(op.suffix);
  if (typeof op['equals-ignore-case'] === 'string') return typeof v === 'string' && v.toLowerCase() === op['equals-ignore-case'].toLowerCase();
  if ('anything-but' in op) {
    const but = op['anything-but'];
    if (but && typeof but === 'object' && !Array.isArray(but)) return !valueMatches(but, v);
    return !(Array.isArray(but) ? but : [but]).some((x) => valueMatches(x, v));
  }
  if (Array.isArray(op.numeric)) return typeof v === 'number' && numericMatches(op.numeric, v);
  return false;
}

function numericMatches(terms: unknown[], v: number): boolean {
  for (let i = 0; i + 1 < terms.length; i += 2) {
    const bound = Number(terms[i + 1]);
    switch (terms[i]) {
      case '=': if (!(v === bound)) return false; break;
      case '>': if (!(v > bound)) return false; break;
      case '>=': if (!(v >= bound)) return false; break;
      case '<': if (!(v < bound)) return false; break;
      case '<=': if (!(v <= bound)) return false; break;
      default: return false;
    }
  }
  return terms.length >= 2;
}
