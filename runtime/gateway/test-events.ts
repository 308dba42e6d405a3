/** Test-event templates for the Invoke panel, one per event shape AWS sends, like the Lambda console's templates. */
import type {
  APIGatewayProxyEventV2,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  S3Event,
  ScheduledEvent,
  SNSEvent,
  SQSEvent,
} from 'aws-lambda';
import { buildHttpApiEvent } from './http-api-event';

export interface TestEventTemplate {
  id: string;
  label: string;
  event: unknown;
}

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const TIME = '2026-01-01T12:00:00Z';
const EPOCH_MS = Date.UTC(2026, 0, 1, 12, 0, 0);

/** Fresh objects on every call, so a caller may edit them. */
export function testEventTemplates(): TestEventTemplate[] {
  return [
    { id: 'hello-world', label: 'hello-world', event: helloWorld() },
    { id: 'apigateway-http-api', label: 'API Gateway HTTP API (GET /hello?name=Ada)', event: httpApiGet() },
    { id: 's3-put', label: 'S3 Put', event: s3Put() },
    { id: 'sqs', label: 'SQS message', event: sqsMessage() },
    { id: 'sns', label: 'SNS notification', event: snsNotification() },
    { id: 'eventbridge', label: 'EventBridge event', event: eventBridge() },
    { id: 'scheduled-event', label: 'Scheduled Event', event: scheduled() },
    { id: 'dynamodb-insert', label: 'DynamoDB stream INSERT', event: dynamoInsert() },
  ];
}

/** The Lambda console's default test event. */
function helloWorld(): Record<string, string> {
  return { key1: 'value1', key2: 'value2', key3: 'value3' };
}

/** Exactly what the gateway sends for `GET /hello?name=Ada` on the route `GET /hello`. */
function httpApiGet(): APIGatewayProxyEventV2 {
  return buildHttpApiEvent(
    {
      method: 'GET',
      path: '/hello?name=Ada',
      headers: { accept: '*/*', 'user-agent': 'curl/8.5.0' },
      body: '',
      sourceIp: '203.0.113.10',
    },
    { route: { routeKey: 'GET /hello', method: 'GET', path: '/hello', functionName: 'hello' }, pathParameters: {} },
    { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', now: EPOCH_MS, apiId: 'a1b2c3d4e5' },
  );
}

/** An object created with PUT. The key is URL-encoded as S3 sends it: `my cat.jpg` arrives as `my+cat.jpg`. */
function s3Put(): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: REGION,
        eventTime: '2026-01-01T12:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AIDAJDPLRKLG7UEXAMPLE' },
        requestParameters: { sourceIPAddress: '203.0.113.10' },
        responseElements: {
          'x-amz-request-id': 'C3D13FE58DE4C810',
          'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'uploads-object-created',
          bucket: { name: 'uploads', ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: 'arn:aws:s3:::uploads' },
          object: { key: 'images/my+cat.jpg', size: 1024, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0065925D3E9E4A2F3C' },
        },
      },
    ],
  };
}

function sqsMessage(): SQSEvent {
  return {
    Records: [
      {
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a9Q1pNz0m8Zr0h9b1kqT8cG5gqYJ5y3RLKp0SLVCEyG6v7PTuk+3h8Wf7Q==',
        body: 'Test message.',
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(EPOCH_MS),
          SenderId: 'AIDAIENQZJOLO23YVJ4VO',
          ApproximateFirstReceiveTimestamp: String(EPOCH_MS + 2),
        },
        messageAttributes: {},
        md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:orders`,
        awsRegion: REGION,
      },
    ],
  };
}

function snsNotification(): SNSEvent {
  const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`;
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: '2026-01-01T12:00:00.000Z',
          Signature: 'tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j...65r==',
          SigningCertUrl: `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          Message: 'Hello from SNS!',
          MessageAttributes: {},
          Type: 'Notification',
          UnsubscribeUrl: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55`,
          TopicArn: topicArn,
          Subject: 'TestInvoke',
        },
      },
    ],
  };
}

function eventBridge(): EventBridgeEvent<'Order Placed', { orderId: string; total: number }> {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'Order Placed',
    source: 'shop.orders',
    account: ACCOUNT,
    time: TIME,
    region: REGION,
    resources: [],
    detail: { orderId: 'o-1001', total: 42.5 },
  };
}

/** What an EventBridge schedule rule (`schedule: rate(5 minutes)`) sends. */
function scheduled(): ScheduledEvent {
  return {
    version: '0',
    id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: ACCOUNT,
    time: TIME,
    region: REGION,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/hello-playground-dev-HelloEventsRuleSchedule1`],
    detail: {},
  };
}

function dynamoInsert(): DynamoDBStreamEvent {
  return {
    Records: [
      {
        eventID: 'c4ca4238a0b923820dcc509a6f75849b',
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: REGION,
        dynamodb: {
          ApproximateCreationDateTime: EPOCH_MS / 1000,
          Keys: { orderId: { S: 'o-1001' } },
          NewImage: { orderId: { S: 'o-1001' }, total: { N: '42.5' }, status: { S: 'PLACED' } },
          SequenceNumber: '4421584500000000017450439091',
          SizeBytes: 59,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
        eventSourceARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/Orders/stream/2026-01-01T00:00:00.000`,
      },
    ],
  };
}
