import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage } from '../services/queue-service';
import { parseMessageAttributes } from '../services/sqs-message-attributes';
import { queueArn, sqsEvent, sqsRecord } from './sqs-event';

const ARN = 'arn:aws:sqs:eu-west-1:123456789012:orders';

const message = (over: Partial<ReceivedMessage> = {}): ReceivedMessage => ({
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
  body: 'test',
  md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1545082649183', SenderId: 'AIDAIENQZJOLO23YVJ4VO', ApproximateFirstReceiveTimestamp: '1545082649185' },
  messageAttributes: null,
  md5OfMessageAttributes: null,
  cause: null,
  ...over,
});

describe('sqsEvent', () => {
  it('builds the records Lambda sends, typed as @types/aws-lambda SQSEvent', () => {
    const event: SQSEvent = sqsEvent([message()], ARN, 'eu-west-1');
    expect(event).toStrictEqual({
      Records: [
        {
          messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
          receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
          body: 'test',
          attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1545082649183', SenderId: 'AIDAIENQZJOLO23YVJ4VO', ApproximateFirstReceiveTimestamp: '1545082649185' },
          messageAttributes: {},
          md5OfBody: '098f6bcd4621d373cade4e832627b4f6',
          eventSource: 'aws:sqs',
          eventSourceARN: ARN,
          awsRegion: 'eu-west-1',
        },
      ],
    });
    expect(Object.keys(event.Records[0])).toEqual(['messageId', 'receiptHandle', 'body', 'attributes', 'messageAttributes', 'md5OfBody', 'eventSource', 'eventSourceARN', 'awsRegion']);
  });

  it('carries message attributes in the record form, with their digest', () => {
    const attrs = parseMessageAttributes({ kind: { DataType: 'String', StringValue: 'order' } });
    const r: SQSRecord = sqsRecord(message({ messageAttributes: attrs, md5OfMessageAttributes: 'abc' }), ARN, 'eu-west-1');
    expect(r.messageAttributes).toStrictEqual({ kind: { stringValue: 'order', stringListValues: [], binaryListValues: [], dataType: 'String' } });
    expect(r.md5OfMessageAttributes).toBe('abc');
  });

  it('names the queue by its ARN', () => {
    expect(queueArn('us-east-1', '123456789012', 'jobs')).toBe('arn:aws:sqs:us-east-1:123456789012:jobs');
    expect(sqsEvent([message(), message({ messageId: 'b' })], ARN, 'eu-west-1').Records.map((r) => r.messageId)).toEqual(['059f36b4-87a3-44ab-83d2-661975830a7d', 'b']);
  });
});
