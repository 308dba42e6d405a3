/** Evaluates DynamoDB condition and filter expressions against an item. */
import type { Condition, Operand } from './dynamodb-expression-ast';
import { expressionError, type ExpressionKind } from './dynamodb-expression-tokens';
import { getPath } from './dynamodb-paths';
import { ATTRIBUTE_TYPES, compareBytes, compareScalars, equalValues, typeOf, utf8, type AttributeValue, type Item } from './dynamodb-values';

const SCALAR = ['S', 'N', 'B'];

/**
 * Checks what DynamoDB rejects before reading any item: literal operands of the wrong type for an ordering operator or
 * function, an unknown attribute_type name, BETWEEN bounds in the wrong order, IN with more than 100 values.
 */
export function checkCondition(kind: ExpressionKind, c: Condition): void {
  const literalType = (o: Operand, op: string, allowed: string[]) => {
    if (o.kind !== 'value') return;
    const t = typeOf(o.value);
    if (!allowed.includes(t)) throw expressionError(kind, `Incorrect operand type for operator or function; operator or function: ${op}, operand type: ${t}`);
  };
  switch (c.kind) {
    case 'and': case 'or':
      checkCondition(kind, c.left);
      checkCondition(kind, c.right);
      return;
    case 'not':
      return checkCondition(kind, c.cond);
    case 'compare':
      if (c.op !== '=' && c.op !== '<>') [c.left, c.right].forEach((o) => literalType(o, c.op, SCALAR));
      return;
    case 'between':
      [c.operand, c.low, c.high].forEach((o) => literalType(o, 'BETWEEN', SCALAR));
      if (c.low.kind === 'value' && c.high.kind === 'value' && (compareScalars(c.low.value, c.high.value) ?? 0) > 0) {
        throw expressionError(kind, `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {${typeOf(c.low.value)}:${show(c.low.value)}}, upper bound operand: AttributeValue: {${typeOf(c.high.value)}:${show(c.high.value)}}`);
      }
      return;
    case 'in':
      if (c.list.length > 100) throw expressionError(kind, `Too many operands for operator or function; operator or function: IN, number of operands: ${c.list.length}`);
      return;
    case 'function':
      if (c.name === 'begins_with') c.args.forEach((o) => literalType(o, 'begins_with', ['S', 'B']));
      if (c.name === 'attribute_type') {
        literalType(c.args[1], 'attribute_type', ['S']);
        const t = c.args[1].kind === 'value' ? c.args[1].value.S : undefined;
        if (t !== undefined && !(ATTRIBUTE_TYPES as string[]).includes(t)) {
          throw expressionError(kind, `Invalid attribute type name found; type: ${t}, valid types: { S,SS,N,NS,B,BS,BOOL,NULL,L,M }`);
        }
      }
  }
}

function show(v: AttributeValue): string {
  return v.S ?? v.N ?? '…';
}

function sizeOf(v: AttributeValue): number | undefined {
  if (v.S !== undefined) return utf8(v.S).length;
  if (v.B !== undefined) return v.B.length;
  if (v.L !== undefined) return v.L.length;
  if (v.M !== undefined) return Object.keys(v.M).length;
  const set = v.SS ?? v.NS ?? v.BS;
  return set?.length;
}

function resolve(item: Item, o: Operand): AttributeValue | undefined {
  if (o.kind === 'value') return o.value;
  const v = getPath(item, o.path);
  if (o.kind === 'path' || v === undefined) return v;
  const n = sizeOf(v);
  return n === undefined ? undefined : { N: String(n) };
}

function order(a: AttributeValue | undefined, b: AttributeValue | undefined): number | null {
  return a && b ? compareScalars(a, b) : null;
}

/** Whether the item (an empty map when it does not exist) satisfies the condition. */
export function evaluate(c: Condition, item: Item): boolean {
  switch (c.kind) {
    case 'and': return evaluate(c.left, item) && evaluate(c.right, item);
    case 'or': return evaluate(c.left, item) || evaluate(c.right, item);
    case 'not': return !evaluate(c.cond, item);
    case 'compare': {
      const [a, b] = [resolve(item, c.left), resolve(item, c.right)];
      // A missing attribute is "not equal" to anything: `status <> :s` holds for an item without status.
      if (c.op === '=') return !!a && !!b && equalValues(a, b);
      if (c.op === '<>') return !a || !b || !equalValues(a, b);
      const d = order(a, b);
      if (d === null) return false;
      return c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : d >= 0;
    }
    case 'between': {
      const v = resolve(item, c.operand);
      const lo = order(v, resolve(item, c.low));
      const hi = order(v, resolve(item, c.high));
      return lo !== null && hi !== null && lo >= 0 && hi <= 0;
    }
    case 'in': {
      const v = resolve(item, c.operand);
      return !!v && c.list.some((o) => {
        const w = resolve(item, o);
        return !!w && equalValues(v, w);
      });
    }
    case 'function':
      return callFunction(c.name, c.args.map((o) => resolve(item, o)));
  }
}

function callFunction(name: string, [a, b]: Array<AttributeValue | undefined>): boolean {
  switch (name) {
    case 'attribute_exists': return a !== undefined;
    case 'attribute_not_exists': return a === undefined;
    case 'attribute_type': return !!a && !!b && typeOf(a) === b.S;
    case 'begins_with':
      if (a?.S !== undefined && b?.S !== undefined) return a.S.startsWith(b.S);
      if (a?.B !== undefined && b?.B !== undefined) return a.B.length >= b.B.length && compareBytes(a.B.subarray(0, b.B.length), b.B) === 0;
      return false;
    case 'contains':
      if (!a || !b) return false;
      if (a.S !== undefined) return b.S !== undefined && a.S.includes(b.S);
      if (a.SS) return b.S !== undefined && a.SS.includes(b.S);
      if (a.NS) return b.N !== undefined && a.NS.some((n) => equalValues({ N: n }, b));
      if (a.BS) return b.B !== undefined && a.BS.some((x) => equalValues({ B: x }, b));
      if (a.L) return a.L.some((x) => equalValues(x, b));
      return false;
  }
  return false;
}
