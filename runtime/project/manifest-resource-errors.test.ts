import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const yml = (lines: string[]) => lines.join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);
const HEADER = ['service: shop', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f'];

describe('parseManifest: resources.Resources errors', () => {
  it('reports wrong queue settings, a FIFO name without .fifo, and a dead-letter queue that does not exist', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'resources:', //                                         7
        '  Resources:', //                                       8
        '    A:', //                                             9
        '      Type: AWS::SQS::Queue', //                        10
        '      Properties:', //                                  11
        '        VisibilityTimeout: 50000', //                   12
        '        QueueName: a', //                               13
        '        FifoQueue: true', //                            14
        '    B:', //                                             15
        '      Type: AWS::SQS::Queue', //                        16
        '      Properties:', //                                  17
        '        RedrivePolicy:', //                             18
        '          deadLetterTargetArn: !Sub "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:gone"', // 19
        '          maxReceiveCount: 3', //                       20
        '    C:', //                                             21
        '      Type: AWS::SQS::Queue', //                        22
        '      Properties:', //                                  23
        '        RedrivePolicy: { maxReceiveCount: 0 }', //      24
      ]),
    );
    expect(r.project).toBeNull();
    expect(brief(r)).toEqual([
      ['error', 12, 28, 'resources.Resources.A.Properties.VisibilityTimeout must be a whole number from 0 to 43200, not 50000'],
      ['error', 13, 20, "A FIFO queue's name must end in '.fifo', not 'a'"],
      ['error', 19, 32, "Queue 'gone' is not declared in resources.Resources; add an AWS::SQS::Queue"],
      [
        'error', 24, 9,
        'resources.Resources.C.Properties.RedrivePolicy needs deadLetterTargetArn and maxReceiveCount, like { deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn, maxReceiveCount: 3 }',
      ],
    ]);
  });

  it('creates a dead-letter queue known only by a written ARN, with a warning, and reads a JSON RedrivePolicy', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'resources:',
        '  Resources:',
        '    Q:',
        '      Type: AWS::SQS::Queue',
        '      Properties:',
        '        QueueName: q',
        `        RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:shared-dlq","maxReceiveCount":"5"}'`, // 13
      ]),
    );
    expect(brief(r)).toEqual([
      ['warning', 13, 24, "Queue 'shared-dlq' is not declared in resources.Resources; the playground creates it with SQS's defaults"],
    ]);
    expect(r.project!.resources.queues.map((q) => [q.logicalId, q.name, q.redrive])).toEqual([
      ['Q', 'q', { deadLetterQueue: 'shared-dlq', maxReceiveCount: 5 }],
      [null, 'shared-dlq', undefined],
    ]);
  });

  it('reports table key schema errors and bucket names S3 refuses', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'resources:', //                                                   7
        '  Resources:', //                                                 8
        '    T1:', //                                                      9
        '      Type: AWS::DynamoDB::Table', //                             10
        '      Properties:', //                                            11
        '        AttributeDefinitions: [{ AttributeName: id, AttributeType: X }]', // 12
        '        KeySchema: [{ AttributeName: id, KeyType: HASH }]', //    13
        '    T2:', //                                                      14
        '      Type: AWS::DynamoDB::Table', //                             15
        '      Properties:', //                                            16
        '        KeySchema: [{ AttributeName: id, KeyType: HASH }]', //    17
        '    T3:', //                                                      18
        '      Type: AWS::DynamoDB::Table', //                             19
        '    Up:', //                                                      20
        '      Type: AWS::S3::Bucket', //                                  21
        '      Properties: { BucketName: My_Uploads }', //                 22
      ]),
    );
    expect(brief(r)).toEqual([
      ['error', 12, 68, "resources.Resources.T1.Properties.AttributeDefinitions AttributeType must be one of S, N, B, not the text 'X'"],
      ['error', 17, 38, "Key attribute 'id' is not in AttributeDefinitions; add { AttributeName: id, AttributeType: S }"],
      ['error', 18, 5, 'resources.Resources.T3.Properties needs a KeySchema, like [{ AttributeName: id, KeyType: HASH }]'],
      ['error', 22, 33, "Bucket name 'My_Uploads' is not valid: use 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit"],
    ]);
  });

  it('reports a missing Type, a non-alphanumeric logical id, a bus without Name and two queues with one name', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'resources:', //                                                 7
        '  Resources:', //                                               8
        '    NoType: { Properties: {} }', //                             9
        '    my-queue: { Type: AWS::SQS::Queue }', //                    10
        '    Bus: { Type: AWS::Events::EventBus }', //                   11
        '    Q1: { Type: AWS::SQS::Queue, Properties: { QueueName: same } }', // 12
        '    Q2: { Type: AWS::SQS::Queue, Properties: { QueueName: same } }', // 13
      ]),
    );
    expect(brief(r)).toEqual([
      ['error', 9, 5, "resources.Resources.NoType needs a Type, like 'Type: AWS::SQS::Queue'"],
      ['error', 10, 5, "Logical id 'my-queue' may only use letters and digits (CloudFormation's rule)"],
      ['error', 11, 5, "resources.Resources.Bus needs Properties.Name, the event bus's name"],
      ['error', 13, 59, "'same' is already the name of 'Q1' (line 12)"],
    ]);
  });

  it('reads the framework list form of resources and warns about file items it cannot read', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'resources:', //                                         7
        '  - Resources:', //                                     8
        '      A: { Type: AWS::SNS::Topic, Properties: { TopicName: a } }',
        '  - Resources:',
        '      B: { Type: AWS::SNS::Topic, Properties: { TopicName: b } }',
        '  - ${file(resources/more.yml)}', //                    12
      ]),
    );
    expect(brief(r)).toEqual([
      ['warning', 12, 5, '${file(resources/more.yml)} is not resolved (the playground does not resolve \'file\' variables); it is left as written'],
      ['warning', 12, 5, "resources item '${file(resources/more.yml)}' is not read (file variables are not resolved); it is kept for export"],
    ]);
    expect(r.project!.resources.topics.map((t) => t.name)).toEqual(['a', 'b']);
  });
});
