/** One DynamoDB table: its key schema and its items, kept by partition and ordered by sort key. */
import type { TableDef } from '../project/types';
import { AwsError } from './aws-error';
import { compareScalars, scalarKey, typeOf, type Item } from './dynamodb-values';

const invalid = (msg: string) => new AwsError('ValidationException', msg);

/** The stream label of every simulated table (DynamoDB's is the stream's creation time). */
export const STREAM_LABEL = '2026-01-01T00:00:00.000';

export function tableArn(region: string, account: string, name: string): string {
  return `arn:aws:dynamodb:${region}:${account}:table/${name}`;
}

export class Table {
  /** hash key text → (range key text → item). */
  private readonly partitions = new Map<string, Map<string, Item>>();
  private size = 0;
  private sorted: Item[] | null = null;
  private readonly sortedPartitions = new Map<string, Item[]>();
  /** The last stream sequence number given out (streams keep counting across deploys). */
  sequence = 0;

  constructor(
    public def: TableDef,
    readonly created: number,
  ) {}

  get name(): string {
    return this.def.name;
  }
  get itemCount(): number {
    return this.size;
  }
  keyNames(): string[] {
    return this.def.rangeKey ? [this.def.hashKey.name, this.def.rangeKey.name] : [this.def.hashKey.name];
  }
  private schema() {
    return this.def.rangeKey ? [this.def.hashKey, this.def.rangeKey] : [this.def.hashKey];
  }

  /** PutItem's check of an item's key attributes. */
  checkItem(item: Item): void {
    for (const k of this.schema()) {
      const v = item[k.name];
      if (!v) throw invalid(`One or more parameter values were invalid: Missing the key ${k.name} in the item`);
      const t = typeOf(v);
      if (t !== k.type) throw invalid(`One or more parameter values were invalid: Type mismatch for key ${k.name} expected: ${k.type} actual: ${t}`);
      if (v.S === '' || v.B?.length === 0) {
        const what = v.S === '' ? 'string' : 'binary';
        throw invalid(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${what} value. Key: ${k.name}`);
      }
    }
  }

  /** The Key parameter of GetItem, DeleteItem, UpdateItem: exactly the key attributes, of the right types. */
  checkKey(key: Item): void {
    const schema = this.schema();
    const names = Object.keys(key);
    const ok = names.length === schema.length && schema.every((k) => key[k.name] && typeOf(key[k.name]) === k.type);
    if (!ok) throw invalid('The provided key element does not match the schema');
    this.checkItem(key);
  }

  keyOf(item: Item): Item {
    const key: Item = {};
    for (const n of this.keyNames()) key[n] = item[n];
    return key;
  }

  private ids(key: Item): [string, string] {
    const range = this.def.rangeKey ? scalarKey(key[this.def.rangeKey.name]) : '';
    return [scalarKey(key[this.def.hashKey.name]), range];
  }

  get(key: Item): Item | undefined {
    const [h, r] = this.ids(key);
    return this.partitions.get(h)?.get(r);
  }

  put(item: Item): void {
    const [h, r] = this.ids(item);
    let p = this.partitions.get(h);
    if (!p) this.partitions.set(h, (p = new Map()));
    if (!p.has(r)) this.size++;
    p.set(r, item);
    this.touched(h);
  }

  delete(key: Item): void {
    const [h, r] = this.ids(key);
    const p = this.partitions.get(h);
    if (!p?.delete(r)) return;
    this.size--;
    if (p.size === 0) this.partitions.delete(h);
    this.touched(h);
  }

  clear(): void {
    this.partitions.clear();
    this.sortedPartitions.clear();
    this.sorted = null;
    this.size = 0;
  }

  private touched(hash: string): void {
    this.sorted = null;
    this.sortedPartitions.delete(hash);
  }

  /** Orders items by hash key, then range key (numbers numerically, strings and binary by bytes). */
  compare = (a: Item, b: Item): number => {
    for (const n of this.keyNames()) {
      const d = compareScalars(a[n], b[n]) ?? 0;
      if (d !== 0) return d;
    }
    return 0;
  };

  /** Every item in key order (a Scan's order here; DynamoDB's is by hashed partition, which is not predictable). */
  all(): Item[] {
    if (!this.sorted) this.sorted = [...this.partitions.values()].flatMap((p) => [...p.values()]).sort(this.compare);
    return this.sorted;
  }

  /** The items of one partition, by range key. */
  partition(hashKeyValue: Item): Item[] {
    const h = scalarKey(hashKeyValue[this.def.hashKey.name]);
    let list = this.sortedPartitions.get(h);
    if (!list) {
      list = [...(this.partitions.get(h)?.values() ?? [])].sort(this.compare);
      this.sortedPartitions.set(h, list);
    }
    return list;
  }
}
