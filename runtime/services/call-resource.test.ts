import { describe, expect, it } from 'vitest';
import { resourceOf } from './call-resource';

describe('resourceOf', () => {
  it('names the resource each service call addresses', () => {
    expect(resourceOf({ service: 's3', operation: 'PutObject', input: { Bucket: 'uploads', Key: 'a' } })).toBe('uploads');
    expect(resourceOf({ service: 'sqs', operation: 'SendMessage', input: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders' } })).toBe('orders');
    expect(resourceOf({ service: 'sqs', operation: 'GetQueueUrl', input: { QueueName: 'orders' } })).toBe('orders');
    expect(resourceOf({ service: 'sns', operation: 'Publish', input: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts' } })).toBe('alerts');
    expect(resourceOf({ service: 'eventbridge', operation: 'PutEvents', input: { Entries: [{ Source: 'x' }] } })).toBe('default');
    expect(resourceOf({ service: 'eventbridge', operation: 'PutEvents', input: { Entries: [{ EventBusName: 'arn:aws:events:us-east-1:123456789012:event-bus/shop' }] } })).toBe('shop');
    expect(resourceOf({ service: 'dynamodb', operation: 'PutItem', input: { TableName: 'orders' } })).toBe('orders');
    expect(resourceOf({ service: 'dynamodb', operation: 'BatchWriteItem', input: { RequestItems: { users: [] } } })).toBe('users');
    expect(resourceOf({ service: 's3', operation: 'ListBuckets', input: {} })).toBeNull();
  });
});
