import { describe, expect, it } from 'vitest';
import { intrinsicKey, resolveIntrinsic, type IntrinsicScope, type ResourceRefs } from './intrinsics';

const RESOURCES: Record<string, ResourceRefs> = {
  OrdersQueue: {
    type: 'AWS::SQS::Queue',
    ref: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
    attributes: { Arn: 'arn:aws:sqs:eu-west-1:123456789012:orders', QueueName: 'orders' },
  },
  Table: {
    type: 'AWS::DynamoDB::Table',
    ref: 'items',
    attributes: { Arn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/items' },
    unavailable: { StreamArn: "Table 'Table' has no stream" },
  },
  Role: { type: 'AWS::IAM::Role', attributes: {} },
};

const scope: IntrinsicScope = {
  region: 'eu-west-1',
  accountId: '123456789012',
  stackName: 'shop-dev',
  resource: (id) => RESOURCES[id],
  logicalIds: () => Object.keys(RESOURCES),
};

const resolve = (value: unknown) => resolveIntrinsic(value, scope);

describe('resolveIntrinsic', () => {
  it('resolves Ref to a resource and to pseudo parameters', () => {
    expect(resolve({ Ref: 'OrdersQueue' })).toEqual({ ok: true, value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders' });
    expect(resolve({ Ref: 'Table' })).toEqual({ ok: true, value: 'items' });
    expect(resolve({ Ref: 'AWS::Region' })).toEqual({ ok: true, value: 'eu-west-1' });
    expect(resolve({ Ref: 'AWS::AccountId' })).toEqual({ ok: true, value: '123456789012' });
    expect(resolve({ Ref: 'AWS::StackName' })).toEqual({ ok: true, value: 'shop-dev' });
    expect(resolve({ Ref: 'AWS::Partition' })).toEqual({ ok: true, value: 'aws' });
  });

  it('resolves Fn::GetAtt in its list form and its dotted text form', () => {
    expect(resolve({ 'Fn::GetAtt': ['OrdersQueue', 'Arn'] })).toEqual({ ok: true, value: 'arn:aws:sqs:eu-west-1:123456789012:orders' });
    expect(resolve({ 'Fn::GetAtt': 'OrdersQueue.QueueName' })).toEqual({ ok: true, value: 'orders' });
  });

  it('suggests the nearest logical id for an unknown one', () => {
    expect(resolve({ Ref: 'OrderQueue' })).toEqual({
      ok: false, unsupported: false, message: "No resource 'OrderQueue' in resources.Resources (did you mean 'OrdersQueue'?)",
    });
    expect(resolve({ 'Fn::GetAtt': ['Nothing', 'Arn'] })).toEqual({
      ok: false, unsupported: false, message: "No resource 'Nothing' in resources.Resources",
    });
  });

  it('names the attributes a resource has, and why one is missing', () => {
    expect(resolve({ 'Fn::GetAtt': ['OrdersQueue', 'Url'] })).toEqual({
      ok: false, unsupported: false, message: "AWS::SQS::Queue 'OrdersQueue' has no attribute 'Url'; use Arn, QueueName",
    });
    expect(resolve({ 'Fn::GetAtt': ['Table', 'StreamArn'] })).toEqual({ ok: false, unsupported: false, message: "Table 'Table' has no stream" });
    expect(resolve({ 'Fn::GetAtt': ['OrdersQueue'] })).toMatchObject({ ok: false, message: 'Fn::GetAtt takes [LogicalId, Attribute], like !GetAtt OrdersQueue.Arn' });
  });

  it('substitutes ${Name}, ${Name.Attr}, pseudo parameters, own variables, and keeps ${!Literal}', () => {
    expect(resolve({ 'Fn::Sub': '${AWS::StackName}-${Table}-${OrdersQueue.QueueName}' })).toEqual({ ok: true, value: 'shop-dev-items-orders' });
    expect(resolve({ 'Fn::Sub': 'arn:aws:s3:::${AWS::AccountId}-${!NotMe}' })).toEqual({ ok: true, value: 'arn:aws:s3:::123456789012-${NotMe}' });
    expect(resolve({ 'Fn::Sub': ['${Prefix}/${Name}', { Prefix: 'p', Name: { Ref: 'Table' } }] })).toEqual({ ok: true, value: 'p/items' });
    expect(resolve({ 'Fn::Sub': '${Missing}' })).toMatchObject({ ok: false, message: "No resource 'Missing' in resources.Resources" });
  });

  it('joins resolved values, numbers included', () => {
    expect(resolve({ 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'orders', 2]] })).toEqual({ ok: true, value: 'shop-dev-orders-2' });
    expect(resolve({ 'Fn::Join': ['', [{ 'Fn::Sub': '${Table}' }, { 'Fn::GetAtt': ['OrdersQueue', 'QueueName'] }]] })).toEqual({
      ok: true, value: 'itemsorders',
    });
    expect(resolve({ 'Fn::Join': ['-'] })).toMatchObject({ ok: false, unsupported: false });
  });

  it('marks what the playground cannot evaluate as unsupported', () => {
    expect(resolve({ 'Fn::ImportValue': 'x' })).toEqual({ ok: false, unsupported: true, message: 'Fn::ImportValue is not resolved in the playground' });
    expect(resolve({ Ref: 'Role' })).toEqual({ ok: false, unsupported: true, message: "'Role' is an AWS::IAM::Role, which the playground does not simulate" });
    expect(resolve({ Ref: 'AWS::NotificationARNs' })).toMatchObject({ ok: false, unsupported: true });
  });

  it('passes plain text and numbers through and rejects other shapes', () => {
    expect(resolve('plain')).toEqual({ ok: true, value: 'plain' });
    expect(resolve(30)).toEqual({ ok: true, value: '30' });
    expect(resolve({ a: 1, b: 2 })).toMatchObject({ ok: false, unsupported: false });
    expect(intrinsicKey({ 'Fn::Sub': 'x' })).toBe('Fn::Sub');
    expect(intrinsicKey({ Other: 'x' })).toBeNull();
  });
});
