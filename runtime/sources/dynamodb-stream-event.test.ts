import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { streamArn, streamEvent, streamRecord } from './dynamodb-stream-event';

describe('DynamoDB stream records', () => {
  it('is the record Lambda delivers, key for key, binary as base64', () => {
    const r = streamRecord({
      change: {
        table: 'orders', eventName: 'MODIFY', keys: { pk: { S: 'a' } },
        newImage: { pk: { S: 'a' }, n: { N: '2' }, b: { B: new Uint8Array([104, 105]) }, m: { M: { l: { L: [{ BS: [new Uint8Array([1])] }] } } } },
        oldImage: { pk: { S: 'a' }, n: { N: '1' } },
        sequenceNumber: '100000000000000000002', sizeBytes: 26, time: Date.UTC(2026, 0, 1, 0, 0, 5, 900),
      },
      eventID: '0123456789abcdef0123456789abcdef',
      region: 'eu-west-1',
      streamArn: streamArn('eu-west-1', '123456789012', 'orders'),
      streamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(r).toStrictEqual({
      eventID: '0123456789abcdef0123456789abcdef',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: {
        ApproximateCreationDateTime: Date.UTC(2026, 0, 1, 0, 0, 5) / 1000,
        Keys: { pk: { S: 'a' } },
        NewImage: { pk: { S: 'a' }, n: { N: '2' }, b: { B: 'aGk=' }, m: { M: { l: { L: [{ BS: ['AQ=='] }] } } } },
        OldImage: { pk: { S: 'a' }, n: { N: '1' } },
        SequenceNumber: '100000000000000000002',
        SizeBytes: 26,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000',
    });
  });

  it('leaves out images the view type does not carry', () => {
    const r = streamRecord({
      change: { table: 't', eventName: 'REMOVE', keys: { id: { N: '1' } }, sequenceNumber: '1', sizeBytes: 3, time: 0 },
      eventID: 'x', region: 'us-east-1', streamArn: 's', streamViewType: 'KEYS_ONLY',
    });
    expect(Object.keys(r.dynamodb!)).toEqual(['ApproximateCreationDateTime', 'Keys', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
  });

  it('type-checks as @types/aws-lambda DynamoDBStreamEvent', () => {
    const e = streamEvent([]);
    expectTypeOf(e).toEqualTypeOf<DynamoDBStreamEvent>();
    expectTypeOf(streamRecord).returns.toEqualTypeOf<DynamoDBRecord>();
    expect(e).toEqual({ Records: [] });
  });
});
