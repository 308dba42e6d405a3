import { describe, expect, it } from 'vitest';
import { sdkResult as result, sdkWorker as start } from './worker-test-kit';

const META = { httpStatusCode: 200, requestId: expect.any(String), attempts: 1, totalRetryDelay: 0 };

describe('@aws-sdk/lib-dynamodb', () => {
  const item = { pk: 'u#1', n: 42, f: 1.5, ok: true, none: null, tags: ['a', 2, false], profile: { name: 'Ada', langs: { first: 'en' }, scores: [1, { x: -3 }] } };
  const wire = {
    pk: { S: 'u#1' }, n: { N: '42' }, f: { N: '1.5' }, ok: { BOOL: true }, none: { NULL: true },
    tags: { L: [{ S: 'a' }, { N: '2' }, { BOOL: false }] },
    profile: { M: { name: { S: 'Ada' }, langs: { M: { first: { S: 'en' } } }, scores: { L: [{ N: '1' }, { M: { x: { N: '-3' } } }] } } },
  };

  it('marshalls Put and Get inputs to AttributeValues and unmarshalls the item back', async () => {
    const { w } = start(
      `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
       const { DynamoDBDocumentClient, PutCommand, GetCommand } = require('@aws-sdk/lib-dynamodb');
       const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
       exports.hello = async (item) => {
         await doc.send(new PutCommand({ TableName: 'users', Item: item, ConditionExpression: 'attribute_not_exists(pk) OR n < :max', ExpressionAttributeValues: { ':max': 100 } }));
         const got = await doc.send(new GetCommand({ TableName: 'users', Key: { pk: item.pk } }));
         return got;
       };`,
      { GetItem: { ok: true, output: { Item: wire } } },
    );
    const got = await result(w, item);
    expect(w.calls.map((c) => [c.service, c.operation, c.input])).toEqual([
      ['dynamodb', 'PutItem', { TableName: 'users', Item: wire, ConditionExpression: 'attribute_not_exists(pk) OR n < :max', ExpressionAttributeValues: { ':max': { N: '100' } } }],
      ['dynamodb', 'GetItem', { TableName: 'users', Key: { pk: { S: 'u#1' } } }],
    ]);
    expect(got).toEqual({ $metadata: META, Item: item });
  });

  it('removes undefined values only when asked, and unmarshalls Query items, Sets and keys', async () => {
    const { w } = start(
      `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
       const { DynamoDBDocument } = require('@aws-sdk/lib-dynamodb');
       const strict = DynamoDBDocument.from(new DynamoDBClient({}));
       const loose = DynamoDBDocument.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
       exports.hello = async () => {
         const refused = await strict.put({ TableName: 't', Item: { pk: 'a', nested: { gone: undefined } } }).catch((e) => e.message);
         await loose.put({ TableName: 't', Item: { pk: 'a', top: undefined, nested: { gone: undefined, kept: 1 } } });
         const q = await loose.query({ TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'a' } });
         return { refused, items: q.Items.map((i) => ({ ...i, tags: [...i.tags] })), last: q.LastEvaluatedKey, count: q.Count };
       };`,
      { Query: { ok: true, output: { Items: [{ pk: { S: 'a' }, tags: { SS: ['x', 'y'] } }], Count: 1, LastEvaluatedKey: { pk: { S: 'a' } } } } },
    );
    expect(await result(w)).toEqual({
      refused: 'Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.',
      items: [{ pk: 'a', tags: ['x', 'y'] }], last: { pk: 'a' }, count: 1,
    });
    expect(w.calls.map((c) => c.input)).toEqual([
      { TableName: 't', Item: { pk: { S: 'a' }, nested: { M: { kept: { N: '1' } } } } },
      { TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'a' } } },
    ]);
  });

  it('marshalls BatchWrite requests and rejects with ConditionalCheckFailedException from client-dynamodb', async () => {
    const { w } = start(
      `const { DynamoDBClient, ConditionalCheckFailedException, DynamoDBServiceException } = require('@aws-sdk/client-dynamodb');
       const { DynamoDBDocumentClient, BatchWriteCommand, UpdateCommand } = require('@aws-sdk/lib-dynamodb');
       const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
       exports.hello = async () => {
         const batch = await doc.send(new BatchWriteCommand({ RequestItems: { t: [{ PutRequest: { Item: { pk: 'a', n: 1 } } }, { DeleteRequest: { Key: { pk: 'b' } } }] } }));
         const err = await doc.send(new UpdateCommand({ TableName: 't', Key: { pk: 'a' }, UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': 1 } })).catch((e) => e);
         return { unprocessed: batch.UnprocessedItems, name: err.name, cc: err instanceof ConditionalCheckFailedException, base: err instanceof DynamoDBServiceException, type: err.__type, status: err.$metadata.httpStatusCode };
       };`,
      {
        BatchWriteItem: { ok: true, output: { UnprocessedItems: { t: [{ DeleteRequest: { Key: { pk: { S: 'b' } } } }] } } },
        UpdateItem: { ok: false, error: { name: 'ConditionalCheckFailedException', message: 'The conditional request failed', statusCode: 400, fault: 'client' } },
      },
    );
    expect(await result(w)).toEqual({
      unprocessed: { t: [{ DeleteRequest: { Key: { pk: 'b' } } }] }, name: 'ConditionalCheckFailedException', cc: true, base: true,
      type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', status: 400,
    });
    expect(w.calls[0].input).toEqual({ RequestItems: { t: [{ PutRequest: { Item: { pk: { S: 'a' }, n: { N: '1' } } } }, { DeleteRequest: { Key: { pk: { S: 'b' } } } }] } });
    expect(w.calls[1].input.ExpressionAttributeValues).toEqual({ ':one': { N: '1' } });
  });
});
