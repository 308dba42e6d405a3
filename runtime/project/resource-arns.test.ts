import { describe, expect, it } from 'vitest';
import {
  bucketArn, bucketNameFromArn, busNameFromArn, eventBusArn, functionArn, parseArn, queueArn, queueNameFromArn, queueUrl,
  tableArn, tableFromArn, tableStreamArn, topicArn, topicNameFromArn,
} from './resource-arns';

const R = 'us-east-1';
const A = '123456789012';

describe('resource ARNs', () => {
  it('builds ARNs and URLs as AWS formats them', () => {
    expect(bucketArn('uploads')).toBe('arn:aws:s3:::uploads');
    expect(queueArn(R, A, 'orders')).toBe('arn:aws:sqs:us-east-1:123456789012:orders');
    expect(queueUrl(R, A, 'orders')).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/orders');
    expect(topicArn(R, A, 'alerts')).toBe('arn:aws:sns:us-east-1:123456789012:alerts');
    expect(tableArn(R, A, 'items')).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/items');
    expect(tableStreamArn(R, A, 'items')).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/items/stream/2026-01-01T00:00:00.000');
    expect(eventBusArn(R, A, 'shop')).toBe('arn:aws:events:us-east-1:123456789012:event-bus/shop');
    expect(functionArn(R, A, 'svc-dev-f')).toBe('arn:aws:lambda:us-east-1:123456789012:function:svc-dev-f');
  });

  it('reads names back from ARNs, and refuses ARNs of other services', () => {
    expect(queueNameFromArn(queueArn(R, A, 'orders.fifo'))).toBe('orders.fifo');
    expect(queueNameFromArn(topicArn(R, A, 'alerts'))).toBeNull();
    expect(topicNameFromArn(topicArn(R, A, 'alerts'))).toBe('alerts');
    expect(bucketNameFromArn(bucketArn('uploads'))).toBe('uploads');
    expect(busNameFromArn(eventBusArn(R, A, 'shop'))).toBe('shop');
    expect(tableFromArn(tableStreamArn(R, A, 'items'))).toEqual({ table: 'items', stream: true });
    expect(tableFromArn(tableArn(R, A, 'items'))).toEqual({ table: 'items', stream: false });
    expect(parseArn('https://sqs.us-east-1.amazonaws.com/1/q')).toBeNull();
    expect(parseArn('arn:aws:lambda:us-east-1:1:function:f:live')).toEqual({ service: 'lambda', region: 'us-east-1', account: '1', resource: 'function:f:live' });
  });
});
