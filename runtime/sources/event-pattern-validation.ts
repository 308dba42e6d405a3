/**
 * EventBridge's checks on an event pattern (PutRule's InvalidEventPatternException), with the reasons AWS gives:
 * every leaf is an array, each match expression has one known operator, numeric ranges are well formed.
 */
import { parseCidr } from './cidr';

export type PatternCheck = { ok: true } | { ok: false; message: string };

class PatternError extends Error {}

function fail(reason: string): never {
  throw new PatternError(`Event pattern is not valid. Reason: ${reason}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `$or` is a list of pattern objects; any other `$or` is an ordinary field name (as event-ruler treats it). */
export function isOrList(rule: unknown): rule is Record<string, unknown>[] {
  return Array.isArray(rule) && rule.length > 0 && rule.every(isObject);
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function validatePattern(pattern: unknown): PatternCheck {
  try {
    if (!isObject(pattern)) fail('Filter is not an object');
    checkObject(pattern);
    return { ok: true };
  } catch (err) {
    if (err instanceof PatternError) return { ok: false, message: err.message };
    throw err;
  }
}

function checkObject(pattern: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(pattern)) {
    if (key === '$or' && isOrList(value)) {
      value.forEach(checkObject);
    } else if (isObject(value)) {
      checkObject(value);
    } else if (Array.isArray(value)) {
      if (value.length === 0) fail('Empty arrays are not allowed');
      value.forEach((rule) => checkRule(rule));
    } else {
      fail(`"${key}" must be an object or an array`);
    }
  }
}

/** One member of a leaf array: an exact value, or a match expression `{operator: argument}`. */
function checkRule(rule: unknown): void {
  if (isScalar(rule)) return;
  if (!isObject(rule)) fail('Match value must be String, number, true, false, or null');
  const entries = Object.entries(rule);
  if (entries.length !== 1) fail('Only one key allowed in match expression');
  const [op, arg] = entries[0];
  switch (op) {
    case 'prefix':
    case 'suffix':
      if (isObject(arg)) return checkIgnoreCase(arg, op);
      if (typeof arg !== 'string') fail(`${op} match pattern must be a string`);
      return;
    case 'equals-ignore-case':
      if (typeof arg !== 'string') fail('equals-ignore-case match pattern must be a string');
      return;
    case 'wildcard':
      return checkWildcard(arg);
    case 'exists':
      if (typeof arg !== 'boolean') fail('exists match pattern must be either true or false.');
      return;
    case 'numeric':
      return checkNumeric(arg);
    case 'cidr':
      return checkCidr(arg);
    case 'anything-but':
      return checkAnythingBut(arg);
    default:
      fail(`Unrecognized match type ${op}`);
  }
}

/** `{prefix: {equals-ignore-case: 'x'}}`: the only nested form prefix and suffix take. */
function checkIgnoreCase(arg: Record<string, unknown>, op: string): void {
  const entries = Object.entries(arg);
  if (entries.length !== 1 || entries[0][0] !== 'equals-ignore-case') fail(`Unsupported ${op} pattern: ${entries[0]?.[0] ?? ''}`);
  if (typeof entries[0][1] !== 'string') fail('equals-ignore-case match pattern must be a string');
}

/** anything-but: a string or number, a list of strings or of numbers, or one of prefix/suffix/equals-ignore-case/wildcard. */
function checkAnythingBut(arg: unknown): void {
  if (typeof arg === 'string' || typeof arg === 'number') return;
  if (Array.isArray(arg)) {
    if (arg.length === 0) fail('Empty arrays are not allowed');
    const strings = arg.every((v) => typeof v === 'string');
    const numbers = arg.every((v) => typeof v === 'number');
    if (!strings && !numbers) fail('Inside anything but list, start|null|boolean is not supported.');
    return;
  }
  if (!isObject(arg)) fail('Value of anything-but must be an array or single string/number value.');
  const entries = Object.entries(arg);
  if (entries.length !== 1) fail('Only one key allowed in match expression');
  const [op, inner] = entries[0];
  if (!['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(op)) fail(`Unsupported anything-but pattern: ${op}`);
  const list = Array.isArray(inner) ? inner : [inner];
  if (list.length === 0) fail('Empty arrays are not allowed');
  for (const v of list) {
    if (typeof v !== 'string') fail(`Inside anything-but/${op} list, number|start|null|boolean is not supported.`);
    if (op === 'wildcard') checkWildcard(v);
    else if ((op === 'prefix' || op === 'suffix') && v === '') fail('Null prefix/suffix not allowed');
  }
}

const OPERATORS = ['<', '<=', '=', '>', '>='];

/** `['>', 0]`, `['=', 5]`, or a range `['>', 0, '<=', 5]` (lower bound first, then upper). */
function checkNumeric(arg: unknown): void {
  if (!Array.isArray(arg)) fail('Value of numeric must be an array.');
  const terms: unknown[] = arg;
  if (terms.length === 0) fail('Invalid member in numeric match: ]');
  const [op1, v1, op2, v2] = terms;
  if (typeof op1 !== 'string') fail(`Invalid member in numeric match: ${JSON.stringify(op1)}`);
  if (!OPERATORS.includes(op1 as string)) fail(`Unrecognized numeric range operator: ${op1}`);
  if (typeof v1 !== 'number') fail(`Value of ${op1 === '=' ? 'equals' : op1} must be numeric`);
  if (terms.length === 2) return;
  if (op1 !== '>' && op1 !== '>=') fail('Too many elements in numeric expression');
  if (typeof op2 !== 'string') fail(`Bad value in numeric range: ${JSON.stringify(op2)}`);
  if (op2 !== '<' && op2 !== '<=') fail(`Bad numeric range operator: ${op2}`);
  if (typeof v2 !== 'number') fail(`Value of ${op2} must be numeric`);
  if (v2 <= v1) fail('Bottom must be less than top');
  if (terms.length > 4) fail('Too many terms in numeric range expression');
}

function checkCidr(arg: unknown): void {
  if (typeof arg !== 'string') fail('prefix match pattern must be a string');
  const text = arg;
  const slash = text.indexOf('/');
  if (slash < 0 || text.indexOf('/', slash + 1) >= 0) fail("Malformed CIDR, one '/' required");
  if (!/^\d+$/.test(text.slice(slash + 1))) fail('Malformed CIDR, mask bits must be an integer');
  if (!parseCidr(text)) fail(`Nonstandard IP address: ${text.slice(0, slash)}`);
}

/** AWS limits wildcard complexity; these are the two checks it reports most. */
function checkWildcard(arg: unknown): void {
  if (typeof arg !== 'string') fail('wildcard match pattern must be a string');
  const text = arg;
  const consecutive = text.indexOf('**');
  if (consecutive >= 0) fail(`Consecutive wildcard characters at pos ${consecutive + 1}`);
  if ((text.match(/\*/g) ?? []).length > 5) {
    fail('Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character');
  }
}
