/** DynamoDB's DescribeTable and ListTables over the deployed tables. */
import { invalid, limitOf, type TableHost } from './dynamodb-requests';
import { STREAM_LABEL, tableArn, type Table } from './dynamodb-table';
import { itemSize } from './dynamodb-values';

export function describeTable(host: TableHost, input: Record<string, unknown>): Record<string, unknown> {
  return { Table: tableDescription(host, host.table(input.TableName)) };
}

export function tableDescription(host: TableHost, t: Table): Record<string, unknown> {
  const arn = tableArn(host.region(), host.account, t.name);
  const keys = t.def.rangeKey ? [t.def.hashKey, t.def.rangeKey] : [t.def.hashKey];
  const view = t.def.streamViewType;
  return {
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    TableName: t.name,
    KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    TableStatus: 'ACTIVE',
    CreationDateTime: new Date(t.created),
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    TableSizeBytes: t.all().reduce((n, item) => n + itemSize(item), 0),
    ItemCount: t.itemCount,
    TableArn: arn,
    TableId: tableId(arn),
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    ...(view
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: view }, LatestStreamLabel: STREAM_LABEL, LatestStreamArn: `${arn}/stream/${STREAM_LABEL}` }
      : {}),
    DeletionProtectionEnabled: false,
  };
}

/** A UUID-shaped table id, stable per table ARN. */
function tableId(arn: string): string {
  let hex = '';
  for (let k = 0; hex.length < 32; k++) {
    let h = (0x811c9dc5 ^ k) >>> 0;
    for (let i = 0; i < arn.length; i++) h = Math.imul(h ^ arn.charCodeAt(i), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** ListTables: names in order, paged by Limit (up to 100) and ExclusiveStartTableName. */
export function listTables(host: TableHost, input: Record<string, unknown>): Record<string, unknown> {
  const limit = limitOf(input) ?? 100;
  if (limit > 100) throw invalid(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`);
  const start = typeof input.ExclusiveStartTableName === 'string' ? input.ExclusiveStartTableName : null;
  const names = host.tables().map((t) => t.name).sort().filter((n) => start === null || n > start);
  const page = names.slice(0, limit);
  return names.length > limit ? { TableNames: page, LastEvaluatedTableName: page[page.length - 1] } : { TableNames: page };
}
