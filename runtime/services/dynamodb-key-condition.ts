/** A Query's KeyConditionExpression: the partition key's value, and a test on the sort key (=, <, <=, >, >=, BETWEEN, begins_with). */
import { evaluate } from './dynamodb-condition';
import type { Condition, Operand } from './dynamodb-expression-ast';
import { expressionError } from './dynamodb-expression-tokens';
import { invalid } from './dynamodb-requests';
import type { Table } from './dynamodb-table';
import { typeOf, type AttributeValue, type Item } from './dynamodb-values';

export interface KeyCondition {
  hash: Item;
  range: ((item: Item) => boolean) | null;
}

const KIND = 'KeyConditionExpression';

function terms(c: Condition): Condition[] {
  if (c.kind === 'and') return [...terms(c.left), ...terms(c.right)];
  if (c.kind === 'or' || c.kind === 'not') throw expressionError(KIND, `Invalid operator used in KeyConditionExpression: ${c.kind.toUpperCase()}`);
  return [c];
}

/** The key attribute a term tests, and the literal values it compares with. */
function parts(c: Condition): { name: string; values: Operand[] } {
  const attrs: Operand[] = [];
  const values: Operand[] = [];
  let operands: Operand[];
  if (c.kind === 'compare') {
    if (c.op === '<>') throw expressionError(KIND, 'Invalid operator used in KeyConditionExpression: <>');
    operands = [c.left, c.right];
  } else if (c.kind === 'between') operands = [c.operand, c.low, c.high];
  else if (c.kind === 'function' && c.name === 'begins_with') operands = c.args;
  else if (c.kind === 'in') throw expressionError(KIND, 'Invalid operator used in KeyConditionExpression: IN');
  else if (c.kind === 'function') throw expressionError(KIND, `Invalid operator used in KeyConditionExpression: ${c.name}`);
  else operands = [];
  for (const o of operands) (o.kind === 'value' ? values : attrs).push(o);
  if (attrs.length !== 1 || attrs[0].kind !== 'path' || attrs[0].path.length !== 1) {
    throw invalid('Query key condition not supported');
  }
  return { name: attrs[0].path[0] as string, values };
}

export function keyCondition(c: Condition, table: Table): KeyCondition {
  const { hashKey, rangeKey } = table.def;
  const list = terms(c);
  const byKey = new Map<string, Condition>();
  for (const t of list) {
    const { name, values } = parts(t);
    if (name !== hashKey.name && name !== rangeKey?.name) {
      const missing = list.some((x) => parts(x).name === hashKey.name) ? rangeKey?.name ?? name : hashKey.name;
      throw invalid(`Query condition missed key schema element: ${missing}`);
    }
    if (byKey.has(name)) throw invalid('KeyConditionExpressions must only contain one condition per key');
    const type = name === hashKey.name ? hashKey.type : rangeKey!.type;
    for (const v of values) {
      if (typeOf((v as { value: AttributeValue }).value) !== type) throw invalid('One or more parameter values were invalid: Condition parameter type does not match schema type');
    }
    byKey.set(name, t);
  }
  const h = byKey.get(hashKey.name);
  if (!h) throw invalid(`Query condition missed key schema element: ${hashKey.name}`);
  if (h.kind !== 'compare' || h.op !== '=') throw invalid('Query key condition not supported');
  const value = h.left.kind === 'value' ? h.left.value : (h.right as { value: AttributeValue }).value;
  const r = rangeKey ? byKey.get(rangeKey.name) : undefined;
  if (r?.kind === 'function' && rangeKey!.type === 'N') {
    throw expressionError(KIND, 'Incorrect operand type for operator or function; operator or function: begins_with, operand type: N');
  }
  return { hash: { [hashKey.name]: value }, range: r ? (item) => evaluate(r, item) : null };
}
