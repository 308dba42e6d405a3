/** DynamoDB's single-item operations: PutItem, GetItem, UpdateItem, DeleteItem (each planned first, then written). */
import { evaluate, checkCondition } from './dynamodb-condition';
import { parseCondition, parseProjection, parseUpdate } from './dynamodb-expression-parser';
import { ExpressionScope } from './dynamodb-expression-scope';
import { project } from './dynamodb-paths';
import {
  checkItemSize, checkScope, conditionFailed, copy, rejectLegacy, requiredItem, returnValues, type TableHost, type WritePlan,
} from './dynamodb-requests';
import { applyUpdate } from './dynamodb-update';
import type { Item } from './dynamodb-values';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

/** A planned write and what the operation answers once it is done. */
export interface Planned {
  plan: WritePlan | null;
  output: Output;
}

/** Parses ConditionExpression (if any); the returned check fails with ConditionalCheckFailedException when the stored item does not satisfy it. */
function conditionOf(scope: ExpressionScope, input: Input): (old: Item | undefined) => void {
  if (input.ConditionExpression === undefined) return () => {};
  const cond = parseCondition('ConditionExpression', input.ConditionExpression, scope);
  checkCondition('ConditionExpression', cond);
  return (old) => {
    if (!evaluate(cond, old ?? {})) throw conditionFailed();
  };
}

export function planPut(host: TableHost, input: Input): Planned {
  rejectLegacy(input, { Expected: 'ConditionExpression' });
  const table = host.table(input.TableName);
  const item = requiredItem(input, 'Item', 'item');
  table.checkItem(item);
  checkItemSize(item);
  const rv = returnValues(input, ['NONE', 'ALL_OLD']);
  const key = table.keyOf(item);
  const old = table.get(key);
  const scope = new ExpressionScope(input.ExpressionAttributeNames, input.ExpressionAttributeValues);
  const check = conditionOf(scope, input);
  checkScope(scope, { ConditionExpression: input.ConditionExpression });
  check(old);
  return { plan: { table, key, old, next: item }, output: rv === 'ALL_OLD' && old ? { Attributes: copy(old) } : {} };
}

export function getItem(host: TableHost, input: Input): Output {
  rejectLegacy(input, { AttributesToGet: 'ProjectionExpression' });
  const table = host.table(input.TableName);
  const key = requiredItem(input, 'Key', 'key');
  table.checkKey(key);
  const scope = new ExpressionScope(input.ExpressionAttributeNames, undefined);
  const paths = input.ProjectionExpression === undefined ? null : parseProjection(input.ProjectionExpression, scope);
  checkScope(scope, { ProjectionExpression: input.ProjectionExpression });
  const item = table.get(key);
  if (!item) return {};
  return { Item: copy(paths ? project(item, paths) : item) };
}

export function planDelete(host: TableHost, input: Input): Planned {
  rejectLegacy(input, { Expected: 'ConditionExpression' });
  const table = host.table(input.TableName);
  const key = requiredItem(input, 'Key', 'key');
  table.checkKey(key);
  const rv = returnValues(input, ['NONE', 'ALL_OLD']);
  const old = table.get(key);
  const scope = new ExpressionScope(input.ExpressionAttributeNames, input.ExpressionAttributeValues);
  const check = conditionOf(scope, input);
  checkScope(scope, { ConditionExpression: input.ConditionExpression });
  check(old);
  return { plan: old ? { table, key, old, next: undefined } : null, output: rv === 'ALL_OLD' && old ? { Attributes: copy(old) } : {} };
}

/** UpdateItem creates the item from its key when it does not exist (an upsert), unless the condition says otherwise. */
export function planUpdate(host: TableHost, input: Input): Planned {
  rejectLegacy(input, { AttributeUpdates: 'UpdateExpression', Expected: 'ConditionExpression' });
  const table = host.table(input.TableName);
  const key = requiredItem(input, 'Key', 'key');
  table.checkKey(key);
  const rv = returnValues(input, ['NONE', 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW']);
  const old = table.get(key);
  const scope = new ExpressionScope(input.ExpressionAttributeNames, input.ExpressionAttributeValues);
  const actions = input.UpdateExpression === undefined ? null : parseUpdate(input.UpdateExpression, scope);
  const check = conditionOf(scope, input);
  checkScope(scope, { UpdateExpression: input.UpdateExpression, ConditionExpression: input.ConditionExpression });
  check(old);
  const { item, updated } = actions ? applyUpdate(old ?? key, actions, table.keyNames()) : { item: copy(old ?? key), updated: [] };
  checkItemSize(item, true);
  const pick = (from: Item | undefined) => {
    const out: Item = {};
    for (const n of updated) if (from?.[n]) out[n] = from[n];
    return out;
  };
  const attributes = rv === 'ALL_OLD' ? old : rv === 'ALL_NEW' ? item : rv === 'UPDATED_OLD' ? pick(old) : rv === 'UPDATED_NEW' ? pick(item) : undefined;
  const output = attributes && Object.keys(attributes).length ? { Attributes: copy(attributes) } : {};
  return { plan: { table, key, old, next: item }, output };
}

export function run(host: TableHost, planned: Planned): Output {
  if (planned.plan) host.write(planned.plan);
  return planned.output;
}
