import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const yml = (lines: string[]) => lines.join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);

const HEADER = ['service: demo', 'provider:', '  name: aws'];

describe('parseManifest: warnings', () => {
  it('warns at the line of every key it does not simulate or know, and still yields a project', () => {
    const r = parseManifest(
      yml([
        'service: demo', //              1
        'org: acme', //                  2
        'plugins:', //                   3
        '  - serverless-offline', //     4
        'provider:', //                  5
        '  name: aws', //                6
        '  iam:', //                     7
        '    role: arn:aws:iam::1:role/x', // 8
        '  timout: 3', //                9
        '  httpApi:', //                 10
        '    payload: "1.0"', //         11
        'functions:', //                 12
        '  f:', //                       13
        '    handler: h.f', //           14
        '    layers: []', //             15
        '    events:', //                16
        '      - schedule: rate(5 minutes)', // 17
        '      - websocket: $connect', // 18
        '      - carrierPigeon: true', // 19
        '      - httpApi:', //           20
        '          method: get', //      21
        '          path: /x', //         22
        '          authorizer: jwt', //  23
        'stepFunctions:', //             24
        '  stateMachines: {}', //        25
        'custm: {}', //                  26
      ]),
    );
    expect(r.project).not.toBeNull();
    expect(brief(r)).toEqual([
      ['warning', 2, 1, "'org' has no effect in the playground; it is kept for export"],
      ['warning', 3, 1, "'plugins' is not simulated yet; it is kept for export"],
      ['warning', 7, 3, "'provider.iam' is not simulated yet; it is kept for export"],
      ['warning', 9, 3, "Unknown key 'timout' in provider (did you mean 'timeout'?)"],
      ['warning', 11, 5, "'provider.httpApi.payload' is not simulated yet; it is kept for export"],
      ['warning', 15, 5, "'functions.f.layers' is not simulated yet; it is kept for export"],
      ['warning', 18, 9, "'websocket' events are not simulated yet; they are kept for export"],
      ['warning', 19, 9, "Unknown event kind 'carrierPigeon'"],
      ['warning', 23, 11, "'httpApi.authorizer' is not simulated yet; it is kept for export"],
      ['warning', 24, 1, "'stepFunctions' is not simulated yet; it is kept for export"],
      ['warning', 26, 1, "Unknown key 'custm' (did you mean 'custom'?)"],
    ]);
    expect(r.diagnostics[0]).toMatchObject({ file: 'serverless.yml', endLine: 2, endColumn: 4 });
  });

  it('suggests the key an unknown one starts, as for memory → memorySize', () => {
    const r = parseManifest(yml([...HEADER, 'functions:', '  f:', '    handler: h.f', '    memory: 512']));
    expect(brief(r)).toEqual([['warning', 7, 5, "Unknown key 'memory' in functions.f (did you mean 'memorySize'?)"]]);
  });

  it('warns when there are no functions', () => {
    const missing = parseManifest(yml(HEADER));
    expect(brief(missing)).toEqual([['warning', 1, 1, "No functions: add one under 'functions:' to have something to run"]]);
    expect(missing.project!.functions).toEqual({});
    const empty = parseManifest(yml([...HEADER, 'functions:']));
    expect(brief(empty)).toEqual([['warning', 4, 1, "No functions: add one under 'functions:' to have something to run"]]);
  });

  it('leaves unset, with a warning, an environment value whose CloudFormation function the playground cannot evaluate', () => {
    const r = parseManifest(yml([...HEADER, '  environment:', '    SHARED: !ImportValue other-stack-queue', '    PLAIN: ok']));
    expect(brief(r).filter((d) => String(d[3]).startsWith('Env'))).toEqual([
      ['warning', 5, 13, "Environment variable 'SHARED': Fn::ImportValue is not resolved in the playground; it is left unset"],
    ]);
    expect(r.project!.provider.environment).toEqual({ PLAIN: 'ok' });
  });

  it('parses CloudFormation short-form tags instead of failing', () => {
    const r = parseManifest(
      yml([
        ...HEADER,
        'resources:',
        '  Resources:',
        '    Thing:',
        '      Type: Custom::Thing',
        '      Properties:',
        '        TopicName: !Sub "${AWS::StackName}-alerts"',
        '        Arn: !GetAtt Queue.Arn',
        "        Name: !Join ['-', [!Ref AWS::Region, !Select [0, !GetAZs '']]]",
        "        Cond: !If [IsProd, !Base64 abc, !ImportValue other]",
        '        Bits: !Cidr [10.0.0.0/16, 4, 8]',
        "        Parts: !Split [',', 'a,b']",
        '        Logic: !And [!Equals [a, a], !Not [!Or [c, d]]]',
        '        Map: !FindInMap [Map, Key, Value]',
      ]),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(brief(r)).toContainEqual(['warning', 6, 5, "'Custom::Thing' resources are not simulated yet; 'Thing' is kept for export"]);
  });
});
