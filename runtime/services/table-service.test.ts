import { describe, expect, it } from 'vitest';
import type { TableDef } from '../project/types';
import { VirtualClock } from '../clock';
import { marshallItem, TableService, unmarshallItem } from './table-service';
import type { TableChange } from './types';

const orders: TableDef = {
  logicalId: 'OrdersTable', name: 'orders', line: 1,
  hashKey: { name: 'pk', type: 'S' }, rangeKey: { name: 'sk', type: 'N' }, streamViewType: 'NEW_AND_OLD_IMAGES',
};
const users: TableDef = { logicalId: null, name: 'users', line: 2, hashKey: { name: 'id', type: 'S' }, streamViewType: null };

function setup(defs: TableDef[] = [orders, users]) {
  const changes: TableChange[] = [];
  const clock = new VirtualClock();
  const svc = new TableService({ clock, region: () => 'us-east-1', account: '123456789012' }, (c) => changes.push(c));
  svc.deploy(defs);
  return { svc, changes, clock };
}

const S = (s: string) => ({ S: s });
const N = (n: number | string) => ({ N: String(n) });

function fill(svc: TableService) {
  for (const [pk, sk] of [['a', 3], ['a', 1], ['a', 2], ['a', 10], ['b', 1]] as const) {
    svc.handle('PutItem', { TableName: 'orders', Item: { pk: S(pk), sk: N(sk), amount: N(sk * 10) } });
  }
}

describe('TableService items', () => {
  it('puts, gets, deletes; numbers come back canonical', () => {
    const { svc } = setup();
    expect(svc.handle('PutItem', { TableName: 'users', Item: { id: S('u1'), n: N('01.50'), tags: { SS: ['x'] } } })).toEqual({});
    expect(svc.handle('GetItem', { TableName: 'users', Key: { id: S('u1') } })).toEqual({ Item: { id: S('u1'), n: N('1.5'), tags: { SS: ['x'] } } });
    expect(svc.handle('GetItem', { TableName: 'users', Key: { id: S('u1') }, ProjectionExpression: 'n' })).toEqual({ Item: { n: N('1.5') } });
    expect(svc.handle('DeleteItem', { TableName: 'users', Key: { id: S('u1') }, ReturnValues: 'ALL_OLD' })).toEqual({ Attributes: { id: S('u1'), n: N('1.5'), tags: { SS: ['x'] } } });
    expect(svc.handle('GetItem', { TableName: 'users', Key: { id: S('u1') } })).toEqual({});
  });

  it('fails as AWS does for a missing table, a bad key and missing parameters', () => {
    const { svc } = setup();
    const err = (op: string, input: Record<string, unknown>) => {
      try {
        svc.handle(op, input);
      } catch (e) {
        return { name: (e as Error).name, message: (e as Error).message, status: (e as { statusCode: number }).statusCode };
      }
      return null;
    };
    expect(err('GetItem', { TableName: 'nope', Key: { id: S('x') } })).toEqual({ name: 'ResourceNotFoundException', message: 'Requested resource not found', status: 400 });
    expect(err('PutItem', { TableName: 'users', Item: { name: S('x') } })?.message).toBe('One or more parameter values were invalid: Missing the key id in the item');
    expect(err('PutItem', { TableName: 'users', Item: { id: N(1) } })?.message).toBe('One or more parameter values were invalid: Type mismatch for key id expected: S actual: N');
    expect(err('GetItem', { TableName: 'orders', Key: { pk: S('a') } })?.message).toBe('The provided key element does not match the schema');
    expect(err('GetItem', { TableName: 'users' })?.message).toBe("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
    expect(err('PutItem', { Item: {} })?.message).toBe("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
    expect(err('PutItem', { TableName: 'users', Item: { id: S('x') }, ExpressionAttributeValues: { ':v': S('x') } })?.message).toBe('ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null');
    expect(err('PutItem', { TableName: 'users', Item: { id: S('x'), n: N('abc') } })?.message).toBe('A value provided cannot be converted into a number');
    expect(err('PutItem', { TableName: 'users', Item: { id: S('x') }, ReturnValues: 'ALL_NEW' })?.message).toBe('Return values set to invalid value');
    expect(err('Query', { TableName: 'orders', IndexName: 'byTotal', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('a') } })?.message).toBe('The table does not have the specified index: byTotal');
  });

  it('ConditionExpression: a failing condition is ConditionalCheckFailedException and changes nothing', () => {
    const { svc } = setup();
    const put = { TableName: 'users', Item: { id: S('u1'), v: N(1) }, ConditionExpression: 'attribute_not_exists(id)' };
    svc.handle('PutItem', put);
    expect(() => svc.handle('PutItem', { ...put, Item: { id: S('u1'), v: N(2) } })).toThrow(
      expect.objectContaining({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed', statusCode: 400 }),
    );
    expect(() => svc.handle('DeleteItem', { TableName: 'users', Key: { id: S('u1') }, ConditionExpression: 'v > :n', ExpressionAttributeValues: { ':n': N(5) } })).toThrow('The conditional request failed');
    expect(svc.handle('GetItem', { TableName: 'users', Key: { id: S('u1') } })).toEqual({ Item: { id: S('u1'), v: N(1) } });
  });

  it('UpdateItem creates a missing item (upsert) and returns what ReturnValues asks for', () => {
    const { svc } = setup();
    const upd = (rv: string, expr = 'SET #c = if_not_exists(#c, :z) + :one, note = :s') =>
      svc.handle('UpdateItem', {
        TableName: 'users', Key: { id: S('u1') }, UpdateExpression: expr, ReturnValues: rv,
        ExpressionAttributeNames: { '#c': 'count' }, ExpressionAttributeValues: expr.includes(':z') ? { ':z': N(0), ':one': N(1), ':s': S('hi') } : { ':one': N(1) },
      });
    expect(upd('ALL_NEW')).toEqual({ Attributes: { id: S('u1'), count: N(1), note: S('hi') } });
    expect(upd('UPDATED_OLD')).toEqual({ Attributes: { count: N(1), note: S('hi') } });
    expect(upd('UPDATED_NEW', 'ADD #c :one')).toEqual({ Attributes: { count: N(3) } });
    expect(upd('ALL_OLD', 'ADD #c :one')).toEqual({ Attributes: { id: S('u1'), count: N(3), note: S('hi') } });
    expect(upd('NONE', 'ADD #c :one')).toEqual({});
    expect(() => upd('ALL_NEW', 'SET id = :one, #c = :one')).toThrow('One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key');
  });

  it('Query: key conditions, order, Limit with LastEvaluatedKey, filter after limit, COUNT, projection', () => {
    const { svc } = setup();
    fill(svc);
    const q = (extra: Record<string, unknown>, values: Record<string, unknown> = {}) =>
      svc.handle('Query', { TableName: 'orders', KeyConditionExpression: 'pk = :p', ...extra, ExpressionAttributeValues: { ':p': S('a'), ...values } });
    const sks = (out: Record<string, unknown>) => (out.Items as Array<{ sk: { N: string } }>).map((i) => Number(i.sk.N));
    expect(sks(q({}))).toEqual([1, 2, 3, 10]);
    expect(sks(q({ ScanIndexForward: false }))).toEqual([10, 3, 2, 1]);
    expect(sks(q({ KeyConditionExpression: 'pk = :p AND sk > :two' }, { ':two': N(2) }))).toEqual([3, 10]);
    expect(sks(q({ KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi' }, { ':lo': N(2), ':hi': N(3) }))).toEqual([2, 3]);
    const page1 = q({ Limit: 2 });
    expect(page1).toEqual({ Items: expect.any(Array), Count: 2, ScannedCount: 2, LastEvaluatedKey: { pk: S('a'), sk: N(2) } });
    expect(sks(q({ Limit: 2, ExclusiveStartKey: page1.LastEvaluatedKey }))).toEqual([3, 10]);
    const filtered = q({ Limit: 2, FilterExpression: 'amount > :t' }, { ':t': N(15) });
    expect(filtered).toMatchObject({ Count: 1, ScannedCount: 2, LastEvaluatedKey: { pk: S('a'), sk: N(2) } });
    expect(q({ Select: 'COUNT' })).toEqual({ Count: 4, ScannedCount: 4 });
    expect(q({ ProjectionExpression: 'amount', Limit: 1 }).Items).toEqual([{ amount: N(10) }]);
    expect(() => svc.handle('Query', { TableName: 'orders', KeyConditionExpression: 'sk = :n', ExpressionAttributeValues: { ':n': N(1) } })).toThrow('Query condition missed key schema element: pk');
    expect(() => q({ KeyConditionExpression: 'pk = :p AND sk = :p' })).toThrow('One or more parameter values were invalid: Condition parameter type does not match schema type');
    expect(() => q({ KeyConditionExpression: 'pk > :p' })).toThrow('Query key condition not supported');
    expect(() => q({ KeyConditionExpression: 'pk = :p OR sk = :p' })).toThrow('Invalid operator used in KeyConditionExpression: OR');
  });

  it('Query begins_with on a string sort key; strings order by UTF-8 bytes', () => {
    const { svc } = setup([{ ...users, name: 'events', rangeKey: { name: 'sk', type: 'S' } }]);
    for (const sk of ['ORDER#2', 'ORDER#10', 'USER#1', '\u{FF61}', '\u{1F600}']) svc.handle('PutItem', { TableName: 'events', Item: { id: S('x'), sk: S(sk) } });
    const out = svc.handle('Query', { TableName: 'events', KeyConditionExpression: 'id = :x AND begins_with(sk, :o)', ExpressionAttributeValues: { ':x': S('x'), ':o': S('ORDER#') } });
    expect((out.Items as Array<{ sk: { S: string } }>).map((i) => i.sk.S)).toEqual(['ORDER#10', 'ORDER#2']);
    const all = svc.handle('Scan', { TableName: 'events' }).Items as Array<{ sk: { S: string } }>;
    expect(all.map((i) => i.sk.S).slice(-2)).toEqual(['\u{FF61}', '\u{1F600}']);
  });

  it('Scan pages through every item with Limit and ExclusiveStartKey', () => {
    const { svc } = setup();
    fill(svc);
    const seen: string[] = [];
    let start: unknown;
    let pages = 0;
    do {
      const out = svc.handle('Scan', { TableName: 'orders', Limit: 2, ...(start ? { ExclusiveStartKey: start } : {}) });
      for (const i of out.Items as Array<{ pk: { S: string }; sk: { N: string } }>) seen.push(`${i.pk.S}${i.sk.N}`);
      start = out.LastEvaluatedKey;
      pages++;
    } while (start);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'a10', 'b1']);
    expect(pages).toBe(3);
    expect(svc.handle('Scan', { TableName: 'orders', FilterExpression: 'amount >= :t', ExpressionAttributeValues: { ':t': N(30) } })).toMatchObject({ Count: 2, ScannedCount: 5 });
  });

  it('BatchWriteItem, BatchGetItem, TransactWriteItems, DescribeTable, ListTables', () => {
    const { svc } = setup();
    expect(svc.handle('BatchWriteItem', { RequestItems: { users: [{ PutRequest: { Item: { id: S('a') } } }, { PutRequest: { Item: { id: S('b') } } }] } })).toEqual({ UnprocessedItems: {} });
    expect(svc.handle('BatchGetItem', { RequestItems: { users: { Keys: [{ id: S('a') }, { id: S('zz') }] } } })).toEqual({ Responses: { users: [{ id: S('a') }] }, UnprocessedKeys: {} });
    expect(() => svc.handle('BatchWriteItem', { RequestItems: { users: [{ PutRequest: { Item: { id: S('a') } } }, { DeleteRequest: { Key: { id: S('a') } } }] } })).toThrow('Provided list of item keys contains duplicates');
    expect(() => svc.handle('TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 'users', Item: { id: S('c') } } },
        { ConditionCheck: { TableName: 'users', Key: { id: S('zz') }, ConditionExpression: 'attribute_exists(id)' } },
      ],
    })).toThrow(expect.objectContaining({ name: 'TransactionCanceledException', message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]' }));
    expect(svc.handle('GetItem', { TableName: 'users', Key: { id: S('c') } })).toEqual({});
    const d = svc.handle('DescribeTable', { TableName: 'orders' }).Table as Record<string, unknown>;
    expect(d).toMatchObject({
      TableName: 'orders', TableStatus: 'ACTIVE', ItemCount: 0,
      TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      LatestStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(svc.handle('ListTables', {})).toEqual({ TableNames: ['orders', 'users'] });
    expect(svc.handle('ListTables', { Limit: 1 })).toEqual({ TableNames: ['orders'], LastEvaluatedTableName: 'orders' });
  });
});

describe('TableService stream changes', () => {
  it('INSERT, MODIFY, REMOVE with images per view type; no record for a no-op write', () => {
    for (const view of ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] as const) {
      const { svc, changes } = setup([{ ...users, streamViewType: view }]);
      svc.handle('PutItem', { TableName: 'users', Item: { id: S('u'), v: N(1) } });
      svc.handle('PutItem', { TableName: 'users', Item: { id: S('u'), v: N(1) } });
      svc.handle('UpdateItem', { TableName: 'users', Key: { id: S('u') }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': N(2) } });
      svc.handle('DeleteItem', { TableName: 'users', Key: { id: S('u') } });
      svc.handle('DeleteItem', { TableName: 'users', Key: { id: S('u') } });
      expect(changes.map((c) => c.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
      expect(changes.map((c) => c.sequenceNumber)).toEqual(['100000000000000000001', '100000000000000000002', '100000000000000000003']);
      const withNew = view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES';
      const withOld = view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES';
      expect(changes[1]).toEqual({
        table: 'users', eventName: 'MODIFY', keys: { id: S('u') },
        ...(withNew ? { newImage: { id: S('u'), v: N(2) } } : {}),
        ...(withOld ? { oldImage: { id: S('u'), v: N(1) } } : {}),
        sequenceNumber: '100000000000000000002', sizeBytes: 3 + (withNew ? 6 : 0) + (withOld ? 6 : 0), time: Date.UTC(2026, 0, 1),
      });
    }
  });

  it('tables without a stream send nothing; the page puts plain JSON', () => {
    const { svc, changes } = setup();
    svc.putPlain('users', { id: 'u1', n: 5, tags: new Set(['a']), nested: { ok: true, none: null, list: [1, 'x'] } });
    expect(changes).toEqual([]);
    expect(svc.views().find((v) => v.name === 'users')).toEqual({
      name: 'users', arn: 'arn:aws:dynamodb:us-east-1:123456789012:table/users', hashKey: 'id', streamViewType: null, itemCount: 1,
      items: [{ id: 'u1', n: 5, tags: ['a'], nested: { ok: true, none: null, list: [1, 'x'] } }],
    });
    svc.deletePlain('users', { id: 'u1' });
    expect(svc.views().find((v) => v.name === 'users')?.itemCount).toBe(0);
  });
});

describe('TableService persistence', () => {
  it('snapshot and restore round-trip without stream records; restored data waits for its table', () => {
    const { svc, changes } = setup();
    fill(svc);
    const snap = svc.snapshot();
    expect(snap.orders).toHaveLength(5);
    const other = setup([users]);
    other.svc.restore(snap);
    expect(other.changes).toEqual([]);
    other.svc.deploy([users, orders]);
    expect(other.svc.handle('Scan', { TableName: 'orders', Select: 'COUNT' })).toEqual({ Count: 5, ScannedCount: 5 });
    svc.clear();
    expect(svc.handle('Scan', { TableName: 'orders' })).toEqual({ Items: [], Count: 0, ScannedCount: 0 });
    expect(changes).toHaveLength(5);
  });

  it('a redeploy keeps items; a changed key schema replaces the table', () => {
    const { svc } = setup();
    fill(svc);
    svc.deploy([orders, users]);
    expect(svc.views()[0].itemCount).toBe(5);
    svc.deploy([{ ...orders, rangeKey: undefined }]);
    expect(svc.views()).toHaveLength(1);
    expect(svc.views()[0].itemCount).toBe(0);
  });

  it('keeps the items of a table no longer declared, and gives them back when it is declared again', () => {
    const { svc, changes } = setup();
    fill(svc);
    const streamed = changes.length;
    svc.deploy([users, { ...orders, name: 'ordrs' }]); // a typo in the table name
    expect(svc.views().map((v) => v.name)).toEqual(['users', 'ordrs']);
    expect(() => svc.handle('Scan', { TableName: 'orders' })).toThrow(/not found/);
    expect(svc.snapshot().orders).toHaveLength(5); // still persisted
    svc.deploy([users, orders]);
    expect(svc.handle('Scan', { TableName: 'orders', Select: 'COUNT' })).toEqual({ Count: 5, ScannedCount: 5 });
    expect(changes).toHaveLength(streamed); // coming back is not a write: no stream records
    svc.deploy([users]);
    svc.clear();
    svc.deploy([users, orders]);
    expect(svc.views().find((v) => v.name === 'orders')?.itemCount).toBe(0);
  });

  it('marshalls and unmarshalls as the DocumentClient does', () => {
    const wire = marshallItem({ a: 1, b: 'x', c: [true, null], d: { e: new Uint8Array([1]) }, skip: undefined });
    expect(wire).toEqual({ a: N(1), b: S('x'), c: { L: [{ BOOL: true }, { NULL: true }] }, d: { M: { e: { B: new Uint8Array([1]) } } } });
    expect(unmarshallItem(wire)).toEqual({ a: 1, b: 'x', c: [true, null], d: { e: 'AQ==' } });
    expect(unmarshallItem({ big: N('123456789012345678901') })).toEqual({ big: '123456789012345678901' });
  });
});
