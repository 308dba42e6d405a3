import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import { VariableResolver } from './manifest-variables';
import type { ManifestResult } from './types';

const yml = (lines: string[]) => lines.join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);

describe('Serverless Framework variables', () => {
  it('resolves self, sls, aws and custom variables in resources, events and environment', () => {
    const r = parseManifest(
      yml([
        'service: shop',
        'custom:',
        '  prefix: ${self:service}-${sls:stage}',
        '  batch: 5',
        'provider:',
        '  name: aws',
        "  stage: ${opt:stage, 'test'}",
        '  region: eu-central-1',
        '  memorySize: ${self:custom.memory, 512}',
        '  environment:',
        '    STAGE: ${self:provider.stage}',
        '    WHERE: ${aws:region}/${aws:accountId}',
        '    QUEUE: ${self:custom.prefix}-orders',
        'functions:',
        '  f:',
        '    handler: h.f',
        '    events:',
        '      - sqs: { arn: !GetAtt Orders.Arn, batchSize: "${self:custom.batch}" }',
        '      - s3: ${self:custom.prefix}-uploads',
        'resources:',
        '  Resources:',
        '    Orders:',
        '      Type: AWS::SQS::Queue',
        '      Properties:',
        '        QueueName: ${self:custom.prefix}-orders',
        '    Topic:',
        '      Type: AWS::SNS::Topic',
        "      Properties: { TopicName: !Sub '${self:service}-${AWS::Region}' }",
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    const p = r.project!;
    expect(p.provider).toMatchObject({ stage: 'test', region: 'eu-central-1', memorySize: 512 });
    expect(p.provider.environment).toEqual({ STAGE: 'test', WHERE: 'eu-central-1/123456789012', QUEUE: 'shop-test-orders' });
    expect(p.functions.f.events).toMatchObject([{ kind: 'sqs', queue: 'shop-test-orders', batchSize: 5 }, { kind: 's3', bucket: 'shop-test-uploads' }]);
    expect(p.resources.topics).toEqual([{ logicalId: 'Topic', name: 'shop-eu-central-1', line: 26 }]);
  });

  it('warns at the value about a variable it cannot resolve, and leaves it as written', () => {
    const r = parseManifest(
      yml(['service: shop', 'provider:', '  name: aws', '  environment:', '    TOKEN: ${env:TOKEN}', '    SECRET: x-${ssm:/app/secret}', '    GONE: ${self:custom.nothing}']),
    );
    expect(brief(r)).toEqual([
      ['warning', 1, 1, "No functions: add one under 'functions:' to have something to run"],
      ['warning', 5, 12, "${env:TOKEN} is not resolved (the playground has no environment variables; give a fallback, like ${env:TOKEN, 'value'}); it is left as written"],
      ['warning', 6, 13, "${ssm:/app/secret} is not resolved (the playground does not resolve 'ssm' variables); it is left as written"],
      ['warning', 7, 11, '${self:custom.nothing} is not resolved (nothing is set at custom.nothing); it is left as written'],
    ]);
    expect(r.project!.provider.environment).toEqual({ TOKEN: '${env:TOKEN}', SECRET: 'x-${ssm:/app/secret}', GONE: '${self:custom.nothing}' });
  });

  it('expands nested variables and fallbacks, keeps types for a whole-value variable, and leaves Fn::Sub placeholders alone', () => {
    const v = new VariableResolver({
      service: 'svc',
      provider: { stage: 'prod' },
      custom: { tables: { prod: 'orders-prod' }, n: 3, obj: { a: 1 }, loop: '${self:custom.loop}' },
    });
    expect(v.expand('${self:custom.tables.${sls:stage}}').value).toBe('orders-prod');
    expect(v.expand('${opt:region, self:provider.region}').value).toBe('us-east-1');
    expect(v.expand('${env:X, ${self:service}}').value).toBe('svc');
    expect(v.expand('${self:custom.n}').value).toBe(3);
    expect(v.expand('${self:custom.obj}').value).toEqual({ a: 1 });
    expect(v.expand('n=${self:custom.n}').value).toBe('n=3');
    expect(v.expand('${AWS::Region}-${Bucket.Arn}-${self:service}').value).toBe('${AWS::Region}-${Bucket.Arn}-svc');
    expect(v.expand("${opt:stage, 'a, b'}").value).toBe('a, b');
    expect(v.expand('${self:custom.loop}').unresolved).toEqual([
      { text: '${self:custom.loop}', reason: 'variables refer to each other in a loop' },
    ]);
  });
});
