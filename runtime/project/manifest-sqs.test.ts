import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const QUEUES = [
  'resources:',
  '  Resources:',
  '    OrdersQueue: { Type: AWS::SQS::Queue, Properties: { QueueName: orders } }',
  '    Jobs: { Type: AWS::SQS::Queue, Properties: { QueueName: jobs.fifo, FifoQueue: true } }',
];
const yml = (events: string[]) =>
  ['service: demo', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f', '    events:', ...events, ...QUEUES].join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);

describe('parseManifest: sqs events', () => {
  it('reads the ARN form and the object form with every setting, and Lambda defaults', () => {
    const r = parseManifest(
      yml([
        '      - sqs: arn:aws:sqs:us-east-1:123456789012:orders', //  8
        '      - sqs:', //                                           9
        '          arn:', //                                         10
        "            Fn::GetAtt: [OrdersQueue, Arn]", //             11
        '          batchSize: 100', //                               12
        '          maximumBatchingWindow: 5', //                     13
        '          functionResponseType: ReportBatchItemFailures', // 14
        '          maximumConcurrency: 4', //                        15
        '          enabled: false', //                               16
        '      - sqs: { arn: !GetAtt Jobs.Arn }', //                 17
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.events).toEqual([
      { kind: 'sqs', queue: 'orders', batchSize: 10, maximumBatchingWindow: 0, reportBatchItemFailures: false, enabled: true, line: 8 },
      {
        kind: 'sqs', queue: 'orders', batchSize: 100, maximumBatchingWindow: 5, reportBatchItemFailures: true, maximumConcurrency: 4,
        enabled: false, line: 9,
      },
      { kind: 'sqs', queue: 'jobs.fifo', batchSize: 10, maximumBatchingWindow: 0, reportBatchItemFailures: false, enabled: true, line: 17 },
    ]);
  });

  it('creates a queue known only by a written ARN, with a warning', () => {
    const r = parseManifest(yml(['      - sqs: arn:aws:sqs:us-east-1:123456789012:legacy']));
    expect(brief(r)).toEqual([
      ['warning', 8, 14, "Queue 'legacy' is not declared in resources.Resources; the playground creates it with SQS's defaults"],
    ]);
    expect(r.project!.resources.queues[2]).toEqual({
      logicalId: null, name: 'legacy', line: 8, visibilityTimeout: 30, messageRetentionPeriod: 345600, delaySeconds: 0, fifo: false,
    });
  });

  it('reports wrong values, a URL instead of an ARN, unknown ids and undeclared computed ARNs at their positions', () => {
    const r = parseManifest(
      yml([
        '      - sqs: { arn: !GetAtt OrderQueue.Arn }', //                                        8
        '      - sqs: { arn: !Ref OrdersQueue }', //                                              9
        '      - sqs: { arn: !GetAtt OrdersQueue.Arn, batchSize: 0 }', //                         10
        '      - sqs: { arn: !GetAtt OrdersQueue.Arn, batchSize: 50 }', //                        11
        '      - sqs: { arn: !GetAtt Jobs.Arn, batchSize: 20, maximumBatchingWindow: 1 }', //     12
        '      - sqs: { arn: !GetAtt OrdersQueue.Arn, functionResponseType: Partial }', //        13
        "      - sqs: { arn: !Sub 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:gone' }", //      14
        '      - sqs: { batchSize: 5 }', //                                                       15
      ]),
    );
    expect(r.project).toBeNull();
    expect(brief(r)).toEqual([
      ['error', 8, 21, "No resource 'OrderQueue' in resources.Resources (did you mean 'OrdersQueue'?)"],
      [
        'error', 9, 21,
        "sqs arn must be a queue's ARN, like !GetAtt OrdersQueue.Arn, not 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'; !Ref gives a queue's URL, !GetAtt OrdersQueue.Arn its ARN",
      ],
      ['error', 10, 57, 'sqs batchSize must be a whole number from 1 to 10000, not 0'],
      ['error', 11, 57, 'A batchSize above 10 needs a maximumBatchingWindow of at least 1 second'],
      ['error', 12, 50, "A FIFO queue's batchSize is at most 10, not 20"],
      ['error', 13, 68, "sqs functionResponseType must be ReportBatchItemFailures, not the text 'Partial'"],
      ['error', 14, 21, "Queue 'gone' is not declared in resources.Resources; add an AWS::SQS::Queue"],
      ['error', 15, 9, "sqs needs an 'arn', like { arn: !GetAtt OrdersQueue.Arn }"],
    ]);
  });
});
