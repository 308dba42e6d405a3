import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { AwsError } from './aws-error';
import { TopicService } from './topic-service';
import type { TopicNotice } from './types';

const ARN = 'arn:aws:sns:us-east-1:123456789012:alerts';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(topics = ['alerts']) {
  const clock = new VirtualClock();
  const notices: TopicNotice[] = [];
  const sns = new TopicService({ clock, region: () => 'us-east-1', account: '123456789012' }, (n) => notices.push(n));
  sns.deploy(topics);
  return { sns, notices, clock };
}

function error(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err.info;
    throw err;
  }
  throw new Error('did not throw');
}

describe('TopicService', () => {
  it('publishes to a deployed topic and tells the subscriptions', () => {
    const { sns, notices, clock } = setup();
    clock.advance(1234);
    const n = sns.publish('alerts', 'disk full', { subject: 'Alarm', attributes: { level: { Type: 'String', Value: 'high' } } });
    expect(n).toStrictEqual({
      topic: 'alerts', topicArn: ARN, messageId: n.messageId, message: 'disk full', subject: 'Alarm',
      messageAttributes: { level: { Type: 'String', Value: 'high' } }, time: Date.UTC(2026, 0, 1) + 1234,
    });
    expect(n.messageId).toMatch(UUID);
    expect(notices).toEqual([n]);
    expect(sns.publish('alerts', 'x')).not.toHaveProperty('subject');
  });

  it('answers Publish with the MessageId, converting SDK message attributes to what SNS delivers', () => {
    const { sns, notices } = setup();
    const out = sns.handle('Publish', {
      TopicArn: ARN, Message: '{"a":1}', Subject: 'S',
      MessageAttributes: {
        level: { DataType: 'String', StringValue: 'high' },
        count: { DataType: 'Number', StringValue: '3' },
        blob: { DataType: 'Binary', BinaryValue: new TextEncoder().encode('hi') },
        tags: { DataType: 'String.Array', StringValue: '["a","b"]' },
      },
    });
    expect(Object.keys(out)).toEqual(['MessageId']);
    expect(out.MessageId).toBe(notices[0].messageId);
    expect(notices[0].messageAttributes).toStrictEqual({
      level: { Type: 'String', Value: 'high' },
      count: { Type: 'Number', Value: '3' },
      blob: { Type: 'Binary', Value: 'aGk=' },
      tags: { Type: 'String.Array', Value: '["a","b"]' },
    });
    sns.handle('Publish', { TargetArn: ARN, Message: 'via TargetArn' });
    expect(notices[1].message).toBe('via TargetArn');
  });

  it('refuses a topic that does not exist: NotFoundException 404 "Topic does not exist"', () => {
    const { sns, notices } = setup();
    const notFound = { name: 'NotFoundException', message: 'Topic does not exist', statusCode: 404, fault: 'client' };
    expect(error(() => sns.handle('Publish', { TopicArn: 'arn:aws:sns:us-east-1:123456789012:missing', Message: 'x' }))).toStrictEqual(notFound);
    expect(error(() => sns.handle('Publish', { TopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts', Message: 'x' }))).toStrictEqual(notFound);
    expect(error(() => sns.handle('Publish', { TopicArn: 'arn:aws:sns:us-east-1:999999999999:alerts', Message: 'x' }))).toStrictEqual(notFound);
    expect(error(() => sns.publish('missing', 'x'))).toStrictEqual(notFound);
    expect(notices).toEqual([]);
  });

  it('checks parameters as SNS does', () => {
    const { sns } = setup();
    expect(error(() => sns.handle('Publish', { TopicArn: 'alerts', Message: 'x' }))).toStrictEqual({
      name: 'InvalidParameterException', message: 'Invalid parameter: TopicArn', statusCode: 400, fault: 'client',
    });
    expect(error(() => sns.handle('Publish', { TopicArn: ARN, Message: '' })).message).toBe('Invalid parameter: Empty message');
    expect(error(() => sns.handle('Publish', { TopicArn: ARN, Message: 'x'.repeat(262_145) })).message).toBe('Invalid parameter: Message too long');
    expect(sns.handle('Publish', { TopicArn: ARN, Message: 'x'.repeat(262_144) })).toHaveProperty('MessageId');
    expect(error(() => sns.handle('Publish', { TopicArn: ARN, Message: 'x', MessageAttributes: { a: { DataType: 'Text', StringValue: 'v' } } })).name).toBe('InvalidParameterException');
  });

  it('publishes a batch, each entry on its own', () => {
    const { sns, notices } = setup();
    const out = sns.handle('PublishBatch', {
      TopicArn: ARN,
      PublishBatchRequestEntries: [{ Id: '1', Message: 'one' }, { Id: '2', Message: '' }, { Id: '3', Message: 'three', Subject: 'S' }],
    });
    expect(out).toStrictEqual({
      Successful: [{ Id: '1', MessageId: notices[0].messageId }, { Id: '3', MessageId: notices[1].messageId }],
      Failed: [{ Id: '2', Code: 'InvalidParameter', Message: 'Invalid parameter: Empty message', SenderFault: true }],
    });
    expect(notices.map((n) => n.message)).toEqual(['one', 'three']);
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: String(i), Message: 'm' }));
    expect(error(() => sns.handle('PublishBatch', { TopicArn: ARN, PublishBatchRequestEntries: entries(11) })).name).toBe('TooManyEntriesInBatchRequestException');
    expect(error(() => sns.handle('PublishBatch', { TopicArn: ARN, PublishBatchRequestEntries: [] })).name).toBe('EmptyBatchRequestException');
    expect(error(() => sns.handle('PublishBatch', { TopicArn: ARN, PublishBatchRequestEntries: [{ Id: 'a', Message: 'm' }, { Id: 'a', Message: 'm' }] })).name).toBe('BatchEntryIdsNotDistinctException');
  });

  it('lists topics and their attributes; names operations it does not simulate', () => {
    const { sns } = setup(['b', 'a']);
    expect(sns.handle('ListTopics', {})).toStrictEqual({ Topics: [{ TopicArn: 'arn:aws:sns:us-east-1:123456789012:a' }, { TopicArn: 'arn:aws:sns:us-east-1:123456789012:b' }] });
    expect(sns.handle('GetTopicAttributes', { TopicArn: 'arn:aws:sns:us-east-1:123456789012:a' })).toStrictEqual({
      Attributes: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:a', Owner: '123456789012', DisplayName: '' },
    });
    expect(error(() => sns.handle('Subscribe', {}))).toStrictEqual({ name: 'NotImplemented', message: 'SNS Subscribe is not simulated yet in the playground', statusCode: 501, fault: 'server' });
  });

  it('deploys: kept topics keep their counts, dropped ones are gone', () => {
    const { sns } = setup(['alerts', 'old']);
    sns.publish('alerts', 'x');
    sns.publish('alerts', 'y');
    sns.deploy(['alerts', 'new']);
    expect(sns.has('old')).toBe(false);
    expect(sns.views((t) => (t === 'alerts' ? ['notify', 'audit'] : []))).toStrictEqual([
      { name: 'alerts', arn: ARN, subscribers: ['notify', 'audit'], published: 2 },
      { name: 'new', arn: 'arn:aws:sns:us-east-1:123456789012:new', subscribers: [], published: 0 },
    ]);
  });
});
