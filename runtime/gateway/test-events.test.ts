import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, DynamoDBStreamEvent, S3Event, ScheduledEvent, SNSEvent, SQSEvent } from 'aws-lambda';
import { testEventTemplates } from './test-events';

function byId(id: string): unknown {
  const t = testEventTemplates().find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t.event;
}

describe('testEventTemplates', () => {
  it('offers one template per event shape, with unique ids and labels', () => {
    const list = testEventTemplates();
    expect(list.map((t) => t.id)).toEqual([
      'hello-world',
      'apigateway-http-api',
      's3-put',
      'sqs',
      'sns',
      'eventbridge',
      'scheduled-event',
      'dynamodb-insert',
    ]);
    expect(new Set(list.map((t) => t.label)).size).toBe(list.length);
  });

  it('hello-world is the Lambda console default', () => {
    expect(byId('hello-world')).toEqual({ key1: 'value1', key2: 'value2', key3: 'value3' });
  });

  it('the HTTP API event is GET /hello?name=Ada, payload format 2.0', () => {
    const e = byId('apigateway-http-api') as APIGatewayProxyEventV2;
    expect(e).toMatchObject({
      version: '2.0',
      routeKey: 'GET /hello',
      rawPath: '/hello',
      rawQueryString: 'name=Ada',
      queryStringParameters: { name: 'Ada' },
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/hello' }, stage: '$default', accountId: '123456789012' },
    });
    expect(e).not.toHaveProperty('body');
  });

  it('S3, SQS, SNS and DynamoDB records carry their eventSource and us-east-1 ARNs', () => {
    const s3 = (byId('s3-put') as S3Event).Records[0];
    expect(s3).toMatchObject({ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', awsRegion: 'us-east-1' });
    expect(s3.s3.bucket).toMatchObject({ name: 'uploads', arn: 'arn:aws:s3:::uploads' });
    expect(s3.s3.object.key).toBe('images/my+cat.jpg');
    const sqs = (byId('sqs') as SQSEvent).Records[0];
    expect(sqs).toMatchObject({ eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders', body: 'Test message.' });
    expect(sqs.md5OfBody).toBe('e4e68fb7bd0e697a0ae8f1bb342846b3');
    const sns = (byId('sns') as SNSEvent).Records[0];
    expect(sns).toMatchObject({ EventSource: 'aws:sns', Sns: { Type: 'Notification', TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts' } });
    const ddb = (byId('dynamodb-insert') as DynamoDBStreamEvent).Records[0];
    expect(ddb).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { Keys: { orderId: { S: 'o-1001' } } } });
    expect(ddb.eventSourceARN).toMatch(/^arn:aws:dynamodb:us-east-1:123456789012:table\/Orders\/stream\//);
  });

  it('EventBridge and scheduled events have their detail-type and source', () => {
    expect(byId('eventbridge')).toMatchObject({ source: 'shop.orders', 'detail-type': 'Order Placed', account: '123456789012', region: 'us-east-1' });
    const s = byId('scheduled-event') as ScheduledEvent;
    expect(s).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
    expect(s.resources[0]).toMatch(/^arn:aws:events:us-east-1:123456789012:rule\//);
  });

  it('every template is JSON (what the Event box holds) and a fresh copy per call', () => {
    for (const t of testEventTemplates()) expect(JSON.parse(JSON.stringify(t.event))).toEqual(t.event);
    const a = testEventTemplates()[0].event as Record<string, string>;
    a.key1 = 'changed';
    expect((testEventTemplates()[0].event as Record<string, string>).key1).toBe('value1');
  });
});
