/** Simulated DynamoDB: the deployed tables and their items, the SDK calls functions make, and the changes their streams carry. */
import type { TableDef } from '../project/types';
import { AwsError } from './aws-error';
import { batchGetItem, batchWriteItem, transactWriteItems } from './dynamodb-batch-operations';
import { describeTable, listTables } from './dynamodb-describe';
import { getItem, planDelete, planPut, planUpdate, run } from './dynamodb-item-operations';
import { marshallItem, unmarshallItem } from './dynamodb-marshall';
import { query, scan } from './dynamodb-read-operations';
import { notFound, tableNameOf, type TableHost, type WritePlan } from './dynamodb-requests';
import { Table, tableArn } from './dynamodb-table';
import { equalItems, itemSize, validItem } from './dynamodb-values';
import type { ServiceEnv, TableChange, TableView } from './types';
import { VIEW_LIMIT } from './types';

export { marshallItem, unmarshallItem };

type Operation = (host: TableHost, input: Record<string, unknown>) => Record<string, unknown>;

const OPERATIONS: Record<string, Operation> = {
  PutItem: (h, i) => run(h, planPut(h, i)),
  GetItem: getItem,
  UpdateItem: (h, i) => run(h, planUpdate(h, i)),
  DeleteItem: (h, i) => run(h, planDelete(h, i)),
  Query: query,
  Scan: scan,
  BatchWriteItem: batchWriteItem,
  BatchGetItem: batchGetItem,
  TransactWriteItems: transactWriteItems,
  DescribeTable: describeTable,
  ListTables: listTables,
};

/** DynamoDB stream sequence numbers are 21+ digit decimals, increasing per shard. */
const SEQUENCE_BASE = 10n ** 20n;

export class TableService {
  private readonly tables = new Map<string, Table>();
  /** Restored items of tables not deployed yet: applied when a deploy declares them. */
  private pending: Record<string, Record<string, unknown>[]> = {};
  private readonly host: TableHost;

  constructor(
    readonly env: ServiceEnv,
    private readonly onChange: (change: TableChange) => void,
  ) {
    this.host = {
      table: (name) => {
        const t = this.tables.get(tableNameOf(name));
        if (!t) throw notFound();
        return t;
      },
      tables: () => [...this.tables.values()],
      write: (plan) => this.write(plan),
      region: () => env.region(),
      account: env.account,
    };
  }

  /**
   * The deployed tables: new names are created empty, existing ones keep their items (a changed key schema replaces
   * the table, as CloudFormation does, so its items go). A table no longer declared is undeployed but its items are
   * kept and come back if a later deploy declares it again (with the same keys): a renamed or mistyped table loses
   * nothing. Clear data drops them.
   */
  deploy(defs: TableDef[]): void {
    const keep = new Set(defs.map((d) => d.name));
    for (const [name, t] of this.tables) {
      if (keep.has(name)) continue;
      if (t.itemCount > 0) this.pending[name] = t.all();
      this.tables.delete(name);
    }
    for (const def of defs) {
      const existing = this.tables.get(def.name);
      if (existing && sameKeys(existing.def, def)) {
        existing.def = def;
        continue;
      }
      const table = new Table(def, this.env.clock.now());
      this.tables.set(def.name, table);
      if (this.pending[def.name]) {
        this.fill(table, this.pending[def.name]);
        delete this.pending[def.name];
      }
    }
  }

  has(name: string): boolean {
    return this.tables.has(name);
  }

  /** An SDK call in the wire format; operation is the command name without 'Command'. Throws AwsError. */
  handle(operation: string, input: Record<string, unknown>): Record<string, unknown> {
    const op = OPERATIONS[operation];
    if (!op) throw new AwsError('UnknownOperationException', `The playground does not simulate DynamoDB ${operation}`);
    return op(this.host, input ?? {});
  }

  /** A put from the page (plain JSON, marshalled as the DocumentClient does); stream records follow. Throws AwsError. */
  putPlain(table: string, item: Record<string, unknown>): void {
    this.handle('PutItem', { TableName: table, Item: marshallItem(item) });
  }

  deletePlain(table: string, key: Record<string, unknown>): void {
    this.handle('DeleteItem', { TableName: table, Key: marshallItem(key) });
  }

  views(): TableView[] {
    return [...this.tables.values()].map((t) => ({
      name: t.name,
      arn: tableArn(this.env.region(), this.env.account, t.name),
      hashKey: t.def.hashKey.name,
      ...(t.def.rangeKey ? { rangeKey: t.def.rangeKey.name } : {}),
      streamViewType: t.def.streamViewType,
      itemCount: t.itemCount,
      items: t.all().slice(0, VIEW_LIMIT).map((item) => unmarshallItem(item)),
    }));
  }

  /** Every table's items in the wire format (B as bytes), by table name. */
  snapshot(): Record<string, Record<string, unknown>[]> {
    const out: Record<string, Record<string, unknown>[]> = { ...this.pending };
    for (const t of this.tables.values()) out[t.name] = t.all().map((item) => structuredClone(item));
    return out;
  }

  /** Replaces the items of the tables named (without stream records); tables not deployed yet get them on deploy. */
  restore(data: Record<string, Record<string, unknown>[]>): void {
    for (const [name, items] of Object.entries(data)) {
      const table = this.tables.get(name);
      if (table) this.fill(table, items);
      else this.pending[name] = items;
    }
  }

  clear(): void {
    for (const t of this.tables.values()) t.clear();
    this.pending = {};
  }

  private fill(table: Table, items: Record<string, unknown>[]): void {
    table.clear();
    for (const raw of items) {
      try {
        const item = validItem(raw);
        table.checkItem(item);
        table.put(item);
      } catch {
        // A stored item that no longer fits the key schema is dropped.
      }
    }
  }

  /** Stores a planned write; a stream record follows only when the item really changed (DynamoDB Streams skip no-op writes). */
  private write({ table, key, old, next }: WritePlan): void {
    if (next) table.put(next);
    else table.delete(key);
    const view = table.def.streamViewType;
    if (!view || (old && next && equalItems(old, next)) || (!old && !next)) return;
    const newImage = next && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? structuredClone(next) : undefined;
    const oldImage = old && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? structuredClone(old) : undefined;
    const keys = structuredClone(table.keyOf(next ?? old!));
    table.sequence++;
    this.onChange({
      table: table.name,
      eventName: !old ? 'INSERT' : !next ? 'REMOVE' : 'MODIFY',
      keys,
      ...(newImage ? { newImage } : {}),
      ...(oldImage ? { oldImage } : {}),
      sequenceNumber: (SEQUENCE_BASE + BigInt(table.sequence)).toString(),
      sizeBytes: itemSize(keys) + (newImage ? itemSize(newImage) : 0) + (oldImage ? itemSize(oldImage) : 0),
      time: this.env.clock.now(),
    });
  }
}

function sameKeys(a: TableDef, b: TableDef): boolean {
  const k = (d: TableDef) => `${d.hashKey.name}:${d.hashKey.type}|${d.rangeKey ? `${d.rangeKey.name}:${d.rangeKey.type}` : ''}`;
  return k(a) === k(b);
}

