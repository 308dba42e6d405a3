import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const TABLES = [
  'resources:',
  '  Resources:',
  '    OrdersTable:',
  '      Type: AWS::DynamoDB::Table',
  '      Properties:',
  '        TableName: orders',
  '        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
  '        KeySchema: [{ AttributeName: id, KeyType: HASH }]',
  '        StreamSpecification: { StreamViewType: NEW_IMAGE }',
  '    Plain:',
  '      Type: AWS::DynamoDB::Table',
  '      Properties:',
  '        TableName: plain',
  '        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
  '        KeySchema: [{ AttributeName: id, KeyType: HASH }]',
];
const yml = (events: string[]) =>
  ['service: demo', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f', '    events:', ...events, ...TABLES].join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);
const STREAM_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000';

describe('parseManifest: stream events', () => {
  it("reads the ARN form and the object form with the framework's defaults (batch 10, TRIM_HORIZON)", () => {
    const r = parseManifest(
      yml([
        `      - stream: ${STREAM_ARN}`, //                                                    8
        '      - stream:', //                                                                   9
        '          type: dynamodb', //                                                          10
        '          arn: { "Fn::GetAtt": [OrdersTable, StreamArn] }', //                         11
        '          batchSize: 100', //                                                          12
        '          startingPosition: LATEST', //                                                13
        '          maximumRetryAttempts: 2', //                                                 14
        '          functionResponseType: ReportBatchItemFailures', //                           15
        '          enabled: false', //                                                          16
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.events).toEqual([
      {
        kind: 'stream', type: 'dynamodb', table: 'orders', batchSize: 10, startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: -1,
        reportBatchItemFailures: false, enabled: true, line: 8,
      },
      {
        kind: 'stream', type: 'dynamodb', table: 'orders', batchSize: 100, startingPosition: 'LATEST', maximumRetryAttempts: 2,
        reportBatchItemFailures: true, enabled: false, line: 9,
      },
    ]);
  });

  it('reports a table without a stream, a table ARN, an undeclared table, and warns that Kinesis is not simulated', () => {
    const r = parseManifest(
      yml([
        '      - stream: { type: dynamodb, arn: !GetAtt Plain.StreamArn }', //                                   8
        '      - stream: arn:aws:dynamodb:us-east-1:123456789012:table/plain/stream/2026-01-01T00:00:00.000', //  9
        '      - stream: { type: dynamodb, arn: !GetAtt OrdersTable.Arn }', //                                   10
        '      - stream: arn:aws:dynamodb:us-east-1:123456789012:table/ghost/stream/1', //                        11
        '      - stream: { type: kinesis, arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks }', //        12
        '      - stream: { arn: !GetAtt OrdersTable.StreamArn, startingPosition: AT_TIMESTAMP }', //              13
      ]),
    );
    expect(brief(r)).toEqual([
      ['error', 8, 40, "Table 'Plain' has no stream; add StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }"],
      ['error', 9, 17, "Table 'plain' has no stream; add StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }"],
      [
        'error', 10, 40,
        "stream arn must be a DynamoDB stream ARN, like !GetAtt OrdersTable.StreamArn, not 'arn:aws:dynamodb:us-east-1:123456789012:table/orders'; that is the table's ARN, use its stream's: !GetAtt OrdersTable.StreamArn",
      ],
      ['error', 11, 17, "Table 'ghost' is not declared in resources.Resources; add an AWS::DynamoDB::Table"],
      ['warning', 12, 9, 'Kinesis streams are not simulated yet; this event is kept for export'],
      ['error', 13, 73, "stream startingPosition must be one of LATEST, TRIM_HORIZON, not the text 'AT_TIMESTAMP'"],
    ]);
  });
});
