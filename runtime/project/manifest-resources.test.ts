import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const yml = (lines: string[]) => lines.join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);
const HEADER = ['service: shop', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f'];
const DEFAULT_BUS = { logicalId: null, name: 'default', line: 0 };

describe('parseManifest: resources.Resources', () => {
  it('reads the founding example: an s3 bucket event and an orders queue with a dead-letter queue', () => {
    const r = parseManifest(
      yml([
        'service: uploads-demo', //                           1
        'provider:', //                                       2
        '  name: aws', //                                     3
        'functions:', //                                      4
        '  onUpload:', //                                     5
        '    handler: handler.onUpload', //                   6
        '    events:', //                                     7
        '      - s3: uploads', //                             8
        '  processOrder:', //                                 9
        '    handler: handler.processOrder', //               10
        '    environment:', //                                11
        '      DLQ_URL: !Ref OrdersDlq', //                   12
        '    events:', //                                     13
        '      - sqs: { arn: !GetAtt OrdersQueue.Arn }', //   14
        'resources:', //                                      15
        '  Resources:', //                                    16
        '    OrdersQueue:', //                                17
        '      Type: AWS::SQS::Queue', //                     18
        '      Properties:', //                               19
        '        QueueName: orders', //                       20
        '        VisibilityTimeout: 60', //                   21
        '        RedrivePolicy:', //                          22
        '          deadLetterTargetArn: !GetAtt OrdersDlq.Arn', // 23
        '          maxReceiveCount: 3', //                    24
        '    OrdersDlq:', //                                  25
        '      Type: AWS::SQS::Queue', //                     26
        '      Properties:', //                               27
        '        QueueName: orders-dlq', //                   28
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.resources).toEqual({
      buckets: [{ logicalId: null, name: 'uploads', line: 8 }],
      queues: [
        {
          logicalId: 'OrdersQueue', name: 'orders', line: 17, visibilityTimeout: 60, messageRetentionPeriod: 345600, delaySeconds: 0,
          fifo: false, redrive: { deadLetterQueue: 'orders-dlq', maxReceiveCount: 3 },
        },
        { logicalId: 'OrdersDlq', name: 'orders-dlq', line: 25, visibilityTimeout: 30, messageRetentionPeriod: 345600, delaySeconds: 0, fifo: false },
      ],
      topics: [],
      buses: [DEFAULT_BUS],
      tables: [],
    });
    expect(r.project!.functions.onUpload.events).toEqual([
      { kind: 's3', bucket: 'uploads', event: 's3:ObjectCreated:*', existing: false, line: 8 },
    ]);
    expect(r.project!.functions.processOrder.events).toEqual([
      { kind: 'sqs', queue: 'orders', batchSize: 10, maximumBatchingWindow: 0, reportBatchItemFailures: false, enabled: true, line: 14 },
    ]);
    expect(r.project!.functions.processOrder.environment).toEqual({ DLQ_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq' });
  });

  it('reads every simulated type, names the unnamed ones as CloudFormation would, and resolves names given by functions', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'resources:', //                                   7
        '  Resources:', //                                 8
        '    Uploads:', //                                 9
        '      Type: AWS::S3::Bucket', //                  10
        '    Jobs:', //                                    11
        '      Type: AWS::SQS::Queue', //                  12
        '      Properties:', //                            13
        "        FifoQueue: 'true'", //                    14
        "        DelaySeconds: '5'", //                    15
        '        MessageRetentionPeriod: 60', //           16
        '    Alerts:', //                                  17
        '      Type: AWS::SNS::Topic', //                  18
        '      Properties:', //                            19
        "        TopicName: !Sub '${AWS::StackName}-alerts'", // 20
        '    Items:', //                                   21
        '      Type: AWS::DynamoDB::Table', //             22
        '      Properties:', //                            23
        "        TableName: !Join ['-', [!Ref AWS::StackName, items]]", // 24
        '        BillingMode: PAY_PER_REQUEST', //         25
        '        AttributeDefinitions:', //                26
        '          - { AttributeName: pk, AttributeType: S }', // 27
        '          - { AttributeName: sk, AttributeType: N }', // 28
        '        KeySchema:', //                           29
        '          - { AttributeName: pk, KeyType: HASH }', // 30
        '          - { AttributeName: sk, KeyType: RANGE }', // 31
        '        StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }', // 32
        '    Bus:', //                                     33
        '      Type: AWS::Events::EventBus', //            34
        '      Properties: { Name: shop-bus }', //         35
      ]),
    );
    expect(brief(r)).toEqual([
      ['warning', 25, 9, "'resources.Resources.Items.Properties.BillingMode' has no effect in the playground; it is kept for export"],
    ]);
    expect(r.project!.resources).toEqual({
      buckets: [{ logicalId: 'Uploads', name: 'shop-dev-uploads-rw28pp', line: 9 }],
      queues: [
        { logicalId: 'Jobs', name: 'shop-dev-Jobs-KS5Y1P.fifo', line: 11, visibilityTimeout: 30, messageRetentionPeriod: 60, delaySeconds: 5, fifo: true },
      ],
      topics: [{ logicalId: 'Alerts', name: 'shop-dev-alerts', line: 17 }],
      buses: [DEFAULT_BUS, { logicalId: 'Bus', name: 'shop-bus', line: 33 }],
      tables: [
        {
          logicalId: 'Items', name: 'shop-dev-items', line: 21, hashKey: { name: 'pk', type: 'S' }, rangeKey: { name: 'sk', type: 'N' },
          streamViewType: 'NEW_AND_OLD_IMAGES',
        },
      ],
    });
  });

  it('resolves every Ref and GetAtt form in environment values, provider and function alike', () => {
    const r = parseManifest(
      yml([
        'service: shop',
        'provider:',
        '  name: aws',
        '  region: eu-west-1',
        '  environment:',
        '    BUCKET: !Ref Files',
        '    BUCKET_ARN: !GetAtt Files.Arn',
        '    QUEUE_URL: { Ref: Q }',
        '    QUEUE_ARN: { "Fn::GetAtt": [Q, Arn] }',
        '    QUEUE_NAME: !GetAtt Q.QueueName',
        '    QUEUE_URL2: !GetAtt Q.QueueUrl',
        'functions:',
        '  f:',
        '    handler: h.f',
        '    environment:',
        '      TOPIC: !Ref T',
        '      TOPIC_NAME: !GetAtt T.TopicName',
        '      TABLE: !Ref D',
        '      STREAM: !GetAtt D.StreamArn',
        '      BUS: !Ref B',
        '      BUS_ARN: !GetAtt B.Arn',
        '      FN: !GetAtt FLambdaFunction.Arn',
        "      JOINED: !Join [':', [!Ref AWS::Region, !Ref AWS::AccountId]]",
        "      SUBBED: !Sub 'https://${Files.DomainName}/${D}'",
        'resources:',
        '  Resources:',
        '    Files: { Type: AWS::S3::Bucket, Properties: { BucketName: files } }',
        '    Q: { Type: AWS::SQS::Queue, Properties: { QueueName: q } }',
        '    T: { Type: AWS::SNS::Topic, Properties: { TopicName: t } }',
        '    B: { Type: AWS::Events::EventBus, Properties: { Name: b } }',
        '    D:',
        '      Type: AWS::DynamoDB::Table',
        '      Properties:',
        '        TableName: d',
        '        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
        '        KeySchema: [{ AttributeName: id, KeyType: HASH }]',
        '        StreamSpecification: { StreamViewType: KEYS_ONLY }',
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.environment).toEqual({
      BUCKET: 'files',
      BUCKET_ARN: 'arn:aws:s3:::files',
      QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q',
      QUEUE_ARN: 'arn:aws:sqs:eu-west-1:123456789012:q',
      QUEUE_NAME: 'q',
      QUEUE_URL2: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q',
      TOPIC: 'arn:aws:sns:eu-west-1:123456789012:t',
      TOPIC_NAME: 't',
      TABLE: 'd',
      STREAM: 'arn:aws:dynamodb:eu-west-1:123456789012:table/d/stream/2026-01-01T00:00:00.000',
      BUS: 'b',
      BUS_ARN: 'arn:aws:events:eu-west-1:123456789012:event-bus/b',
      FN: 'arn:aws:lambda:eu-west-1:123456789012:function:shop-dev-f',
      JOINED: 'eu-west-1:123456789012',
      SUBBED: 'https://files.s3.amazonaws.com/d',
    });
  });

  it('reports an unknown logical id with a suggestion, and a missing attribute, at their values', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        '    environment:', //                           7
        '      AA: !Ref OrderQueue', //                  8
        '      BB: !GetAtt OrdersQueue.Url', //          9
        '      CC: !GetAtt Table.StreamArn', //          10
        'resources:',
        '  Resources:',
        '    OrdersQueue: { Type: AWS::SQS::Queue }',
        '    Table:',
        '      Type: AWS::DynamoDB::Table',
        '      Properties:',
        '        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
        '        KeySchema: [{ AttributeName: id, KeyType: HASH }]',
      ]),
    );
    expect(r.project).toBeNull();
    expect(brief(r)).toEqual([
      ['error', 8, 11, "No resource 'OrderQueue' in resources.Resources (did you mean 'OrdersQueue'?)"],
      ['error', 9, 11, "AWS::SQS::Queue 'OrdersQueue' has no attribute 'Url'; use Arn, QueueName, QueueUrl"],
      ['error', 10, 11, "Table 'Table' has no stream; add StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }"],
    ]);
  });

  it('warns about types and sections it does not simulate, at their lines', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        '    environment:',
        '      ROLE: !GetAtt Role.Arn', //                8
        'resources:', //                                  9
        '  Resources:', //                                10
        '    Role:', //                                   11
        '      Type: AWS::IAM::Role', //                  12
        '      Properties: { RoleName: x }', //           13
        '  Outputs:', //                                  14
        '    QueueUrl: { Value: !Ref Role }', //          15
      ]),
    );
    expect(brief(r)).toEqual([
      ['warning', 8, 13, "Environment variable 'ROLE': 'Role' is an AWS::IAM::Role, which the playground does not simulate; it is left unset"],
      ['warning', 11, 5, "'AWS::IAM::Role' resources are not simulated yet; 'Role' is kept for export"],
      ['warning', 14, 3, "'resources.Outputs' is not simulated yet; it is kept for export"],
    ]);
    expect(r.project!.functions.f.environment).toEqual({});
  });
});
