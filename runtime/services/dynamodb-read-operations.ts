/** DynamoDB's Query and Scan: key order, Limit and the 1 MB page, ExclusiveStartKey/LastEvaluatedKey, then FilterExpression and projection. */
import { checkCondition, evaluate } from './dynamodb-condition';
import type { Condition, Path } from './dynamodb-expression-ast';
import { parseCondition, parseProjection } from './dynamodb-expression-parser';
import { ExpressionScope } from './dynamodb-expression-scope';
import { keyCondition } from './dynamodb-key-condition';
import { project } from './dynamodb-paths';
import { checkScope, copy, invalid, limitOf, rejectLegacy, required, type TableHost } from './dynamodb-requests';
import type { Table } from './dynamodb-table';
import { itemSize, scalarKey, validItem, type Item } from './dynamodb-values';

type Input = Record<string, unknown>;

/** A Query or Scan stops reading at 1 MB of items, as DynamoDB's pages do. */
const PAGE_BYTES = 1024 * 1024;

interface ReadSpec {
  table: Table;
  filter: Condition | null;
  paths: Path[] | null;
  count: boolean;
  limit: number | undefined;
  start: Item | undefined;
}

function readSpec(host: TableHost, input: Input, scope: ExpressionScope, extra: Record<string, unknown>): ReadSpec {
  const table = host.table(input.TableName);
  if (input.IndexName !== undefined) {
    // Secondary indexes are not simulated: every index is "missing".
    throw invalid(`The table does not have the specified index: ${String(input.IndexName)}`);
  }
  const filter = input.FilterExpression === undefined ? null : parseCondition('FilterExpression', input.FilterExpression, scope);
  if (filter) checkCondition('FilterExpression', filter);
  const paths = input.ProjectionExpression === undefined ? null : parseProjection(input.ProjectionExpression, scope);
  checkScope(scope, { ...extra, FilterExpression: input.FilterExpression, ProjectionExpression: input.ProjectionExpression });
  const select = input.Select ?? (paths ? 'SPECIFIC_ATTRIBUTES' : 'ALL_ATTRIBUTES');
  if (select === 'ALL_PROJECTED_ATTRIBUTES') throw invalid('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  if (select === 'SPECIFIC_ATTRIBUTES' && !paths) throw invalid('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
  if (select === 'COUNT' && paths) throw invalid('Cannot specify the ProjectionExpression when choosing to get only the COUNT');
  if (select === 'ALL_ATTRIBUTES' && paths) throw invalid('Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES');
  if (!['ALL_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'].includes(String(select))) {
    throw invalid(`1 validation error detected: Value '${String(select)}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]`);
  }
  let start: Item | undefined;
  if (input.ExclusiveStartKey !== undefined) {
    start = validItem(input.ExclusiveStartKey);
    try {
      table.checkKey(start);
    } catch {
      throw invalid('The provided starting key is invalid: The provided key element does not match the schema');
    }
  }
  return { table, filter, paths, count: select === 'COUNT', limit: limitOf(input), start };
}

/** Reads `candidates` (already in order) from after the start key: Limit and 1 MB bound what is read, the filter only what is returned. */
function page(spec: ReadSpec, candidates: Item[], forward: boolean): Record<string, unknown> {
  const { table, start } = spec;
  let i = 0;
  if (start) {
    const after = (item: Item) => (forward ? table.compare(item, start) > 0 : table.compare(item, start) < 0);
    while (i < candidates.length && !after(candidates[i])) i++;
  }
  const read: Item[] = [];
  let bytes = 0;
  let stopped = false;
  for (; i < candidates.length; i++) {
    if ((spec.limit !== undefined && read.length >= spec.limit) || bytes >= PAGE_BYTES) {
      stopped = true;
      break;
    }
    read.push(candidates[i]);
    bytes += itemSize(candidates[i]);
  }
  // DynamoDB returns LastEvaluatedKey whenever it stopped at the Limit or the 1 MB page, even if nothing is left.
  if (!stopped && spec.limit !== undefined && read.length === spec.limit) stopped = true;
  if (!stopped && bytes >= PAGE_BYTES) stopped = true;
  const items = spec.filter ? read.filter((item) => evaluate(spec.filter!, item)) : read;
  const out: Record<string, unknown> = {};
  if (!spec.count) out.Items = items.map((item) => copy(spec.paths ? project(item, spec.paths) : item));
  out.Count = items.length;
  out.ScannedCount = read.length;
  if (stopped && read.length > 0) out.LastEvaluatedKey = copy(table.keyOf(read[read.length - 1]));
  return out;
}

export function query(host: TableHost, input: Input): Record<string, unknown> {
  rejectLegacy(input, { KeyConditions: 'KeyConditionExpression', QueryFilter: 'FilterExpression', AttributesToGet: 'ProjectionExpression' });
  const scope = new ExpressionScope(input.ExpressionAttributeNames, input.ExpressionAttributeValues);
  if (input.KeyConditionExpression === undefined) throw invalid('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  const keyCond = parseCondition('KeyConditionExpression', input.KeyConditionExpression, scope);
  const spec = readSpec(host, input, scope, { KeyConditionExpression: input.KeyConditionExpression });
  const { hash, range } = keyCondition(keyCond, spec.table);
  let items = spec.table.partition(hash);
  if (range) items = items.filter(range);
  const forward = input.ScanIndexForward !== false;
  if (!forward) items = [...items].reverse();
  return page(spec, items, forward);
}

export function scan(host: TableHost, input: Input): Record<string, unknown> {
  rejectLegacy(input, { ScanFilter: 'FilterExpression', AttributesToGet: 'ProjectionExpression' });
  const scope = new ExpressionScope(input.ExpressionAttributeNames, input.ExpressionAttributeValues);
  const spec = readSpec(host, input, scope, {});
  let items = spec.table.all();
  if (input.TotalSegments !== undefined || input.Segment !== undefined) {
    const total = Number(required(input, 'TotalSegments', 'totalSegments'));
    const segment = Number(required(input, 'Segment', 'segment'));
    if (!(segment >= 0 && segment < total)) throw invalid(`The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${segment} is not less than TotalSegments: ${total}`);
    const hashName = spec.table.def.hashKey.name;
    items = items.filter((item) => segmentOf(scalarKey(item[hashName]), total) === segment);
  }
  return page(spec, items, true);
}

/** A parallel Scan's segment of a partition key: a stable hash of the key, as DynamoDB spreads partitions over segments. */
function segmentOf(key: string, total: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h % total;
}
