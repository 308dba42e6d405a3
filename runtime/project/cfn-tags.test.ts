import { describe, expect, it } from 'vitest';
import { parseDocument, type Node } from 'yaml';
import { cloudFormationTags, intrinsicName } from './cfn-tags';

const parse = (text: string) => parseDocument(text, { customTags: cloudFormationTags });

describe('cloudFormationTags', () => {
  it('parses every short form to its long JSON shape', () => {
    const doc = parse(
      [
        'ref: !Ref Queue',
        'att: !GetAtt Queue.Arn',
        'attNested: !GetAtt Table.StreamArn.Extra',
        'attList: !GetAtt [Queue, Arn]',
        'sub: !Sub "${AWS::StackName}-x"',
        'subList: !Sub ["${A}-b", { A: !Ref Thing }]',
        "join: !Join ['', [!Ref AWS::Region, '-x']]",
        "select: !Select [0, !GetAZs '']",
        "split: !Split [',', 'a,b']",
        'imp: !ImportValue shared-arn',
        'cond: !If [IsProd, !Base64 abc, !Not [!Equals [a, b]]]',
        'logic: !And [!Or [c, d], !Condition IsProd]',
        'map: !FindInMap [RegionMap, !Ref AWS::Region, Ami]',
        'cidr: !Cidr [10.0.0.0/16, 4, 8]',
        'b64map: !Base64 { Ref: X }',
      ].join('\n'),
    );
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    expect(doc.toJS()).toEqual({
      ref: { Ref: 'Queue' },
      att: { 'Fn::GetAtt': ['Queue', 'Arn'] },
      attNested: { 'Fn::GetAtt': ['Table', 'StreamArn.Extra'] },
      attList: { 'Fn::GetAtt': ['Queue', 'Arn'] },
      sub: { 'Fn::Sub': '${AWS::StackName}-x' },
      subList: { 'Fn::Sub': ['${A}-b', { A: { Ref: 'Thing' } }] },
      join: { 'Fn::Join': ['', [{ Ref: 'AWS::Region' }, '-x']] },
      select: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      split: { 'Fn::Split': [',', 'a,b'] },
      imp: { 'Fn::ImportValue': 'shared-arn' },
      cond: { 'Fn::If': ['IsProd', { 'Fn::Base64': 'abc' }, { 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] }] },
      logic: { 'Fn::And': [{ 'Fn::Or': ['c', 'd'] }, { Condition: 'IsProd' }] },
      map: { 'Fn::FindInMap': ['RegionMap', { Ref: 'AWS::Region' }, 'Ami'] },
      cidr: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      b64map: { 'Fn::Base64': { Ref: 'X' } },
    });
  });

  it('names the intrinsic a node holds, in short or long form', () => {
    const doc = parse('a: !GetAtt Q.Arn\nb: { Ref: X }\nc: { "Fn::Join": ["", []] }\nd: plain\ne: { Ref: X, Other: 1 }\nf: !Sub [x, {}]');
    const at = (key: string) => intrinsicName(doc.get(key, true) as Node);
    expect([at('a'), at('b'), at('c'), at('d'), at('e'), at('f')]).toEqual(['Fn::GetAtt', 'Ref', 'Fn::Join', null, null, 'Fn::Sub']);
  });
});
