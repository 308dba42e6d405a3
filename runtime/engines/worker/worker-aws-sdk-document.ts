/** '@aws-sdk/lib-dynamodb' inside the worker: the DocumentClient, whose commands marshall plain values in and unmarshall them out around client-dynamodb's. */
import type { SdkCore } from './worker-aws-sdk-core';
import type { DynamoMarshall, MarshallOptions, UnmarshallOptions } from './worker-aws-sdk-marshall';

export interface DocumentSdkDeps {
  core: SdkCore;
  /** The '@aws-sdk/client-dynamodb' module (its commands run underneath). */
  dynamodb: Record<string, unknown>;
  util: DynamoMarshall;
}

type Input = Record<string, unknown>;
/** lib-dynamodb's key nodes: null is the value itself, {} every value of a map, [] every member of a list, '*' every key. */
type KeyNodes = null | Record<string, unknown> | unknown[];
interface TranslateConfig {
  marshallOptions?: MarshallOptions;
  unmarshallOptions?: UnmarshallOptions;
}

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createDocumentSdk(deps: DocumentSdkDeps): Record<string, unknown> {
  const { core, dynamodb, util } = deps;
  const V = {};
  const L: unknown[] = [];
  const expected = { '*': { Value: null, AttributeValueList: L } };
  const filter = { '*': { AttributeValueList: L } };
  const metrics = { ItemCollectionKey: V };
  const writes = { '*': { '*': { PutRequest: { Item: V }, DeleteRequest: { Key: V } } } };
  // [doc command, client-dynamodb command, aggregated method, input key nodes, output key nodes], as lib-dynamodb declares them.
  const table: [string, string, string, Record<string, unknown>, Record<string, unknown>][] = [
    ['Put', 'PutItem', 'put', { Item: V, Expected: expected, ExpressionAttributeValues: V }, { Attributes: V, ItemCollectionMetrics: metrics }],
    ['Get', 'GetItem', 'get', { Key: V }, { Item: V }],
    ['Update', 'UpdateItem', 'update', { Key: V, AttributeUpdates: { '*': { Value: null } }, Expected: expected, ExpressionAttributeValues: V }, { Attributes: V, ItemCollectionMetrics: metrics }],
    ['Delete', 'DeleteItem', 'delete', { Key: V, Expected: expected, ExpressionAttributeValues: V }, { Attributes: V, ItemCollectionMetrics: metrics }],
    ['Query', 'Query', 'query', { KeyConditions: filter, QueryFilter: filter, ExclusiveStartKey: V, ExpressionAttributeValues: V }, { Items: { '*': V }, LastEvaluatedKey: V }],
    ['Scan', 'Scan', 'scan', { ScanFilter: filter, ExclusiveStartKey: V, ExpressionAttributeValues: V }, { Items: { '*': V }, LastEvaluatedKey: V }],
    ['BatchWrite', 'BatchWriteItem', 'batchWrite', { RequestItems: writes }, { UnprocessedItems: writes, ItemCollectionMetrics: { '*': { '*': metrics } } }],
    ['BatchGet', 'BatchGetItem', 'batchGet', { RequestItems: { '*': { Keys: { '*': V } } } }, { Responses: { '*': { '*': V } }, UnprocessedKeys: { '*': { Keys: { '*': V } } } }],
    [
      'TransactWrite',
      'TransactWriteItems',
      'transactWrite',
      { TransactItems: { '*': { ConditionCheck: { Key: V, ExpressionAttributeValues: V }, Put: { Item: V, ExpressionAttributeValues: V }, Delete: { Key: V, ExpressionAttributeValues: V }, Update: { Key: V, ExpressionAttributeValues: V } } } },
      { ItemCollectionMetrics: { '*': { '*': metrics } } },
    ],
  ];

  // lib-dynamodb's processObj: an undefined value at a key node is left out, not an error.
  function processObj(obj: unknown, fn: (v: unknown) => unknown, nodes: KeyNodes): unknown {
    if (obj === undefined) return undefined;
    if (nodes === null) return fn(obj);
    const keys = Object.keys(nodes);
    if (keys.length === 0) return processAll(obj, fn);
    if (keys.length === 1 && keys[0] === '*') {
      const acc: Record<string, unknown> | unknown[] = Array.isArray(obj) ? [] : {};
      for (const [k, v] of Object.entries(obj as object)) if (typeof v !== 'function') (acc as Record<string, unknown>)[k] = processObj(v, fn, (nodes as Record<string, KeyNodes>)['*']);
      return acc;
    }
    return processKeys(obj, fn, nodes as Record<string, KeyNodes>);
  }
  function processKeys(obj: unknown, fn: (v: unknown) => unknown, nodes: Record<string, KeyNodes>): unknown {
    if (!obj || typeof obj !== 'object') return obj;
    const o = obj as Record<string, unknown>;
    const acc: Record<string, unknown> | unknown[] = Array.isArray(obj) ? obj.filter((x) => typeof x !== 'function') : {};
    if (!Array.isArray(obj)) for (const [k, v] of Object.entries(o)) if (typeof v !== 'function') (acc as Record<string, unknown>)[k] = v;
    for (const [k, n] of Object.entries(nodes)) {
      if (typeof o[k] === 'function') continue;
      const v = processObj(o[k], fn, n);
      if (v !== undefined) (acc as Record<string, unknown>)[k] = v;
    }
    return acc;
  }
  function processAll(obj: unknown, fn: (v: unknown) => unknown): unknown {
    if (Array.isArray(obj)) return obj.filter((x) => typeof x !== 'function').map((x) => processObj(x, fn, null));
    const acc: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj as object)) {
      if (typeof v === 'function') continue;
      const out = processObj(v, fn, null);
      if (out !== undefined) acc[k] = out;
    }
    return acc;
  }

  const mod: Record<string, unknown> = {};

  class DynamoDBDocumentClient extends core.Client {
    declare readonly translateConfig: TranslateConfig;
    /** Shares the DynamoDBClient's config; sends lib-dynamodb commands (and client-dynamodb ones as they are). */
    constructor(client: { config?: Record<string, unknown> }, translateConfig?: TranslateConfig) {
      super((client && client.config) || {});
      core.hidden(this, 'translateConfig', translateConfig || {});
    }
    static from(client: { config?: Record<string, unknown> }, translateConfig?: TranslateConfig) {
      return new this(client, translateConfig);
    }
    /** lib-dynamodb: destroying the document client leaves the DynamoDBClient it wraps alone. */
    destroy(): void {}
  }
  class DynamoDBDocument extends DynamoDBDocumentClient {}
  mod.DynamoDBDocumentClient = DynamoDBDocumentClient;
  mod.DynamoDBDocument = DynamoDBDocument;
  mod.DynamoDBDocumentClientCommand = core.Command;
  mod.NumberValue = util.NumberValue;

  for (const [name, wireName, method, inNodes, outNodes] of table) {
    const Wire = dynamodb[wireName + 'Command'] as new (input: Input) => Record<PropertyKey, (client: unknown) => Promise<Input>>;
    const cmdName = name + 'Command';
    const Cmd = { [cmdName]: class extends core.Command {} }[cmdName];
    core.hidden(Cmd.prototype, core.RUN, function (this: InstanceType<typeof core.Command>, client: { translateConfig?: TranslateConfig }) {
      const tc = (client && client.translateConfig) || {};
      const mo = Object.assign({ convertTopLevelContainer: true }, tc.marshallOptions);
      const uo = Object.assign({ convertWithoutMapWrapper: true }, tc.unmarshallOptions);
      return Promise.resolve()
        .then(() => processKeys(this.input, (v) => util.marshall(v, mo), inNodes as Record<string, KeyNodes>) as Input)
        .then((wire) => new Wire(wire)[core.RUN](client))
        .then((out) => processKeys(out, (v) => util.unmarshall(v as Input, uo), outNodes as Record<string, KeyNodes>));
    });
    mod[cmdName] = Cmd;
    core.hidden(DynamoDBDocument.prototype, method, function (this: DynamoDBDocumentClient, input: Input, a?: unknown, b?: unknown) {
      return this.send(new Cmd(input), a, b);
    });
  }
  mod.paginateQuery = core.paginator(mod.QueryCommand as new (i: Input) => unknown, 'ExclusiveStartKey', 'LastEvaluatedKey', 'Limit');
  mod.paginateScan = core.paginator(mod.ScanCommand as new (i: Input) => unknown, 'ExclusiveStartKey', 'LastEvaluatedKey', 'Limit');
  return mod;
}
