/** Test projects for the architecture diagram: serverless.yml text read by the real manifest reader. */
import { parseManifest } from '../project/manifest';
import type { Project } from '../project/types';

/** Every source and service kind: routes, schedules, S3 rules, a queue with a DLQ, SNS, EventBridge and streams. */
export const SHOP_YML = `service: shop
provider:
  name: aws
  runtime: nodejs20.x
functions:
  api:
    handler: src/api.handler
    memorySize: 512
    timeout: 10
    events:
      - httpApi: 'GET /orders'
      - httpApi: 'POST /orders'
  health:
    handler: health.get
    runtime: nodejs22.x
    events:
      - httpApi: 'GET /health'
  report:
    handler: jobs.report
    events:
      - schedule: rate(5 minutes)
      - schedule: { rate: cron(0 12 * * ? *), enabled: false }
      - eventBridge: { schedule: rate(1 hour) }
  thumbs:
    handler: jobs.thumbs
    events:
      - s3: { bucket: !Ref Uploads, event: s3:ObjectCreated:*, rules: [{ prefix: images/ }, { suffix: .jpg }] }
      - s3: { bucket: !Ref Uploads, event: s3:ObjectRemoved:* }
  charge:
    handler: jobs.charge
    events:
      - sqs: { arn: !GetAtt Orders.Arn, batchSize: 5 }
  notify:
    handler: jobs.notify
    events:
      - sns: alerts
      - eventBridge: { pattern: { source: [shop.orders] } }
  audit:
    handler: jobs.audit
    events:
      - stream: { type: dynamodb, arn: !GetAtt OrdersTable.StreamArn }
resources:
  Resources:
    Uploads:
      Type: AWS::S3::Bucket
      Properties: { BucketName: shop-uploads }
    Orders:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: orders
        RedrivePolicy: { deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 3 }
    OrdersDlq:
      Type: AWS::SQS::Queue
      Properties: { QueueName: orders-dlq }
    OrdersTable:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: orders
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
        StreamSpecification: { StreamViewType: NEW_IMAGE }
    Sessions:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: sessions
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
`;

/** The project of `yml`; fails the test with the diagnostics when the manifest has errors. */
export function project(yml: string): Project {
  const result = parseManifest(yml);
  if (!result.project) throw new Error(`manifest errors: ${JSON.stringify(result.diagnostics)}`);
  return result.project;
}

/** A minimal manifest with the given `functions:` block lines (and optional `resources.Resources` lines). */
export function manifest(functions: string[], resources: string[] = []): string {
  const res = resources.length > 0 ? ['resources:', '  Resources:', ...resources] : [];
  return ['service: demo', 'provider:', '  name: aws', 'functions:', ...functions, ...res].join('\n') + '\n';
}
