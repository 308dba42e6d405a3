/** DynamoDB's multi-item operations: BatchWriteItem, BatchGetItem and TransactWriteItems (all-or-nothing). */
import { AwsError } from './aws-error';
import { getItem, planDelete, planPut, planUpdate, type Planned } from './dynamodb-item-operations';
import { invalid, required, tableNameOf, type TableHost, type WritePlan } from './dynamodb-requests';
import { scalarKey, validItem, type Item } from './dynamodb-values';

type Input = Record<string, unknown>;

const keyId = (table: string, key: Item) => `${table}\u0000${Object.keys(key).sort().map((k) => scalarKey(key[k])).join('\u0000')}`;

function entries(input: Input, member: string, wireName: string): Array<[string, unknown]> {
  const map = required<Record<string, unknown>>(input, member, wireName);
  const list = Object.entries(map);
  if (list.length === 0) throw invalid(`1 validation error detected: Value '{}' at '${wireName}' failed to satisfy constraint: Member must have length greater than or equal to 1`);
  return list;
}

/** Puts and deletes without conditions; all are checked before any is written. Nothing is ever left unprocessed here. */
export function batchWriteItem(host: TableHost, input: Input): Record<string, unknown> {
  const plans: WritePlan[] = [];
  const seen = new Set<string>();
  const requests = entries(input, 'RequestItems', 'requestItems');
  const total = requests.reduce((n, [, list]) => n + (Array.isArray(list) ? list.length : 0), 0);
  if (total > 25) throw invalid('Too many items requested for the BatchWriteItem call');
  for (const [name, list] of requests) {
    if (!Array.isArray(list) || list.length === 0) throw invalid(`1 validation error detected: Value '[]' at 'requestItems.${name}.member' failed to satisfy constraint: Member must have length greater than or equal to 1`);
    for (const request of list as Array<Record<string, Record<string, unknown> | undefined>>) {
      const put = request?.PutRequest;
      const del = request?.DeleteRequest;
      if (!put === !del) throw invalid('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
      const planned = put ? planPut(host, { TableName: name, Item: put.Item }) : planDelete(host, { TableName: name, Key: del!.Key });
      const table = tableNameOf(name);
      const key = put ? host.table(name).keyOf(validItem(put.Item)) : validItem(del!.Key);
      if (seen.has(keyId(table, key))) throw invalid('Provided list of item keys contains duplicates');
      seen.add(keyId(table, key));
      if (planned.plan) plans.push(planned.plan);
    }
  }
  for (const plan of plans) host.write(plan);
  return { UnprocessedItems: {} };
}

export function batchGetItem(host: TableHost, input: Input): Record<string, unknown> {
  const responses: Record<string, Item[]> = {};
  const requests = entries(input, 'RequestItems', 'requestItems');
  const total = requests.reduce((n, [, r]) => n + (Array.isArray((r as Input)?.Keys) ? ((r as Input).Keys as unknown[]).length : 0), 0);
  if (total > 100) throw invalid('Too many items requested for the BatchGetItem call');
  const seen = new Set<string>();
  for (const [name, raw] of requests) {
    const r = (raw ?? {}) as Input;
    const keys = required<unknown[]>(r, 'Keys', `requestItems.${name}.member.keys`);
    const found: Item[] = [];
    for (const k of keys) {
      const key = validItem(k);
      const id = keyId(tableNameOf(name), key);
      if (seen.has(id)) throw invalid('Provided list of item keys contains duplicates');
      seen.add(id);
      const out = getItem(host, { TableName: name, Key: key, ProjectionExpression: r.ProjectionExpression, ExpressionAttributeNames: r.ExpressionAttributeNames });
      if (out.Item) found.push(out.Item as Item);
    }
    responses[name] = found;
  }
  return { Responses: responses, UnprocessedKeys: {} };
}

/** TransactWriteItems: every condition is checked first; one failure cancels all, with a reason per action. */
export function transactWriteItems(host: TableHost, input: Input): Record<string, unknown> {
  const actions = required<unknown[]>(input, 'TransactItems', 'transactItems');
  if (!Array.isArray(actions) || actions.length < 1 || actions.length > 100) {
    throw invalid(`1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100`);
  }
  const plans: Array<WritePlan | null> = [];
  const reasons: Array<{ Code: string; Message?: string }> = [];
  const seen = new Set<string>();
  for (const raw of actions as Array<Record<string, Input | undefined>>) {
    const kinds = Object.keys(raw ?? {}).filter((k) => raw[k] !== undefined);
    if (kinds.length !== 1) throw invalid('TransactItems can only contain one of Check, Put, Update or Delete');
    const [kind] = kinds;
    const body = raw[kind]!;
    let planned: Planned | null = null;
    try {
      planned = plan(host, kind, body);
      reasons.push({ Code: 'None' });
    } catch (err) {
      if (!(err instanceof AwsError) || err.code !== 'ConditionalCheckFailedException') throw err;
      reasons.push({ Code: 'ConditionalCheckFailed', Message: err.message });
    }
    const table = host.table(body.TableName);
    const key = kind === 'Put' ? table.keyOf(validItem(body.Item)) : validItem(body.Key);
    const id = keyId(table.name, key);
    if (seen.has(id)) throw invalid('Transaction request cannot include multiple operations on one item');
    seen.add(id);
    plans.push(planned?.plan ?? null);
  }
  if (reasons.some((r) => r.Code !== 'None')) {
    throw new AwsError('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`);
  }
  for (const p of plans) if (p) host.write(p);
  return {};
}

function plan(host: TableHost, kind: string, body: Input): Planned {
  switch (kind) {
    case 'Put': return planPut(host, body);
    case 'Delete': return planDelete(host, body);
    case 'Update': return planUpdate(host, body);
    case 'ConditionCheck': {
      if (body.ConditionExpression === undefined) throw invalid("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
      const checked = planDelete(host, { ...body, ReturnValues: undefined });
      return { plan: null, output: checked.output };
    }
  }
  throw invalid(`Unknown transaction action: ${kind}`);
}
