import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const TOPICS = ['resources:', '  Resources:', '    AlertsTopic: { Type: AWS::SNS::Topic, Properties: { TopicName: alerts } }'];
const yml = (events: string[]) =>
  ['service: demo', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f', '    events:', ...events, ...TOPICS].join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);

describe('parseManifest: sns events', () => {
  it('reads a topic name, an ARN, !Ref and the object form; creates topics named by events', () => {
    const r = parseManifest(
      yml([
        '      - sns: orders', //                                                          8
        '      - sns: arn:aws:sns:us-east-1:123456789012:alerts', //                       9
        '      - sns: { arn: !Ref AlertsTopic, filterPolicy: { type: [order] } }', //     10
        '      - sns: { topicName: orders, displayName: Orders }', //                     11
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.events).toEqual([
      { kind: 'sns', topic: 'orders', line: 8 },
      { kind: 'sns', topic: 'alerts', line: 9 },
      { kind: 'sns', topic: 'alerts', filterPolicy: { type: ['order'] }, line: 10 },
      { kind: 'sns', topic: 'orders', line: 11 },
    ]);
    expect(r.project!.resources.topics).toEqual([
      { logicalId: 'AlertsTopic', name: 'alerts', line: 14 },
      { logicalId: null, name: 'orders', line: 8 },
    ]);
  });

  it('creates a topic known only by a written ARN with a warning, and reports bad forms', () => {
    const r = parseManifest(
      yml([
        '      - sns: arn:aws:sns:us-east-1:123456789012:other', //   8
        '      - sns: { arn: !GetAtt AlertsTopic.Arn }', //           9
        '      - sns: { filterPolicy: { a: [1] } }', //               10
        '      - sns: { topicName: alerts, filterPolicy: [a] }', //   11
        '      - sns: "bad name"', //                                 12
      ]),
    );
    expect(brief(r)).toEqual([
      ['warning', 8, 14, "Topic 'other' is not declared in resources.Resources; the playground creates it"],
      ['error', 9, 21, "AWS::SNS::Topic 'AlertsTopic' has no attribute 'Arn'; use TopicArn, TopicName"],
      ['error', 10, 9, "sns needs a 'topicName' or an 'arn', like { topicName: alerts } or { arn: !Ref AlertsTopic }"],
      ['error', 11, 49, 'sns filterPolicy must be a mapping like { type: [order] }, not a list'],
      ['error', 12, 14, "Topic name 'bad name' is not valid: use up to 256 letters, digits, hyphens and underscores"],
    ]);
  });
});
