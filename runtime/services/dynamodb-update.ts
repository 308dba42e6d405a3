/** Applies a DynamoDB UpdateExpression (SET, REMOVE, ADD, DELETE) to an item, all right-hand sides read from the item as it was. */
import { AwsError } from './aws-error';
import { addNumbers } from './dynamodb-numbers';
import type { Path, UpdateActions, UpdateValue } from './dynamodb-expression-ast';
import { expressionError } from './dynamodb-expression-tokens';
import { getPath, removePath, setPath } from './dynamodb-paths';
import { cloneItem, equalValues, typeOf, type AttributeValue, type Item } from './dynamodb-values';
import { toBase64 } from '../bytes-json';

const invalid = (msg: string) => new AwsError('ValidationException', msg);
const wrongType = () => invalid('An operand in the update expression has an incorrect data type');

const TYPE_WORDS: Record<string, string> = { S: 'STRING', N: 'NUMBER', B: 'BINARY', BOOL: 'BOOLEAN', NULL: 'NULL', L: 'LIST', M: 'MAP' };

export interface UpdateResult {
  item: Item;
  /** The top-level attributes the update touched (for ReturnValues UPDATED_OLD / UPDATED_NEW). */
  updated: string[];
}

/** `old` is the stored item, or the key alone when UpdateItem creates the item (an upsert). */
export function applyUpdate(old: Item, actions: UpdateActions, keyNames: string[]): UpdateResult {
  const paths: Path[] = [...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)];
  for (const p of paths) {
    if (keyNames.includes(p[0] as string)) throw invalid(`One or more parameter values were invalid: Cannot update attribute ${p[0]}. This attribute is part of the key`);
  }
  checkOperands('ADD', actions.add, ['N', 'SS', 'NS', 'BS']);
  checkOperands('DELETE', actions.delete, ['SS', 'NS', 'BS']);
  const values = actions.set.map((a) => valueOf(old, a.value));
  const item = cloneItem(old);
  actions.set.forEach((a, i) => setPath(item, a.path, values[i]));
  // Removing several elements of one list removes the ones named, so go from the highest index down.
  const removals = [...actions.remove].sort((a, b) => {
    const [x, y] = [a[a.length - 1], b[b.length - 1]];
    return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
  });
  for (const p of removals) removePath(item, p);
  for (const a of actions.add) add(item, a.path, a.value);
  for (const a of actions.delete) remove(item, a.path, a.value);
  return { item, updated: [...new Set(paths.map((p) => p[0] as string))] };
}

function checkOperands(op: string, list: Array<{ value: AttributeValue }>, allowed: string[]): void {
  for (const { value } of list) {
    const t = typeOf(value);
    if (!allowed.includes(t)) throw expressionError('UpdateExpression', `Incorrect operand type for operator or function; operator: ${op}, operand type: ${TYPE_WORDS[t] ?? t}`);
  }
}

function valueOf(item: Item, v: UpdateValue): AttributeValue {
  switch (v.kind) {
    case 'value':
      return v.value;
    case 'path': {
      const got = getPath(item, v.path);
      if (!got) throw invalid('The provided expression refers to an attribute that does not exist in the item');
      return got;
    }
    case 'if_not_exists':
      return getPath(item, v.path) ?? valueOf(item, v.fallback);
    case 'list_append': {
      const [a, b] = [valueOf(item, v.left), valueOf(item, v.right)];
      if (!a.L || !b.L) throw wrongType();
      return { L: [...a.L, ...b.L] };
    }
    case '+': case '-': {
      const [a, b] = [valueOf(item, v.left), valueOf(item, v.right)];
      if (a.N === undefined || b.N === undefined) throw wrongType();
      return { N: addNumbers(a.N, b.N, v.kind === '-') };
    }
  }
}

const setKey = (e: string | Uint8Array) => (typeof e === 'string' ? e : toBase64(e));

/** ADD: adds to a number (a missing one counts as 0) or unions a set. */
function add(item: Item, path: Path, value: AttributeValue): void {
  const cur = getPath(item, path);
  if (!cur) return setPath(item, path, value);
  const t = typeOf(value);
  if (typeOf(cur) !== t) throw wrongType();
  if (t === 'N') return setPath(item, path, { N: addNumbers(cur.N!, value.N!) });
  const have = cur[t as 'SS'] as Array<string | Uint8Array>;
  const keys = new Set(have.map(setKey));
  const added = (value[t as 'SS'] as Array<string | Uint8Array>).filter((e) => !keys.has(setKey(e)));
  setPath(item, path, { [t]: [...have, ...added] } as AttributeValue);
}

/** DELETE: takes elements out of a set; an emptied set is removed (DynamoDB has no empty sets). */
function remove(item: Item, path: Path, value: AttributeValue): void {
  const cur = getPath(item, path);
  if (!cur) return;
  const t = typeOf(value);
  if (typeOf(cur) !== t) throw wrongType();
  const drop = value[t as 'SS'] as Array<string | Uint8Array>;
  const left = (cur[t as 'SS'] as Array<string | Uint8Array>).filter((e) => !drop.some((d) => equalValues({ [t[0]]: e } as AttributeValue, { [t[0]]: d } as AttributeValue)));
  if (left.length === 0) removePath(item, path);
  else setPath(item, path, { [t]: left } as AttributeValue);
}
