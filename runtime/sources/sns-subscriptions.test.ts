import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { InvokeOutcome } from '../engines/engine';
import type { FunctionDef, FunctionEventDef, Project, SnsEventDef } from '../project/types';
import { TopicService } from '../services/topic-service';
import { subscriptionArn } from './sns-event';
import { TopicSubscriptions } from './sns-subscriptions';
import type { SourceHost } from './types';

const sns = (topic: string, filterPolicy?: Record<string, unknown>): SnsEventDef => ({ kind: 'sns', topic, ...(filterPolicy ? { filterPolicy } : {}), line: 1 });

function project(functions: Record<string, FunctionEventDef[]>): Project {
  const fns: Record<string, FunctionDef> = {};
  for (const [name, events] of Object.entries(functions)) {
    fns[name] = {
      name, handler: `handler.${name}`, handlerModule: 'handler', handlerExport: name, runtime: 'nodejs20.x',
      timeout: 6, memorySize: 1024, environment: {}, events, line: 1,
    };
  }
  return {
    service: 'shop',
    provider: { name: 'aws', runtime: 'nodejs20.x', region: 'us-east-1', stage: 'dev', timeout: 6, memorySize: 1024, environment: {}, httpApi: { cors: null } },
    functions: fns,
    resources: { buckets: [], queues: [], topics: [], buses: [], tables: [] },
    playground: { engine: null, engineLine: 1 },
  };
}

function setup(functions: Record<string, FunctionEventDef[]>, topics = ['alerts']) {
  const clock = new VirtualClock();
  const invoked: Array<{ fn: string; event: SNSEvent }> = [];
  const lines: string[] = [];
  const host: SourceHost = {
    clock, account: '123456789012', region: () => 'us-east-1',
    invokeAsync: async (fn, event) => {
      invoked.push({ fn, event: event as SNSEvent });
    },
    invoke: async () => ({}) as InvokeOutcome,
    log: (fn, level, text) => lines.push(`${fn} ${level} ${text}`),
    changed: () => {},
    cause: () => null,
  };
  const subs = new TopicSubscriptions(host);
  subs.deploy(project(functions));
  const topicService = new TopicService({ clock, region: () => 'us-east-1', account: '123456789012' }, (n) => subs.notify(n));
  topicService.deploy(topics);
  return { subs, topicService, invoked, host, lines };
}

describe('TopicSubscriptions', () => {
  it('fans a publish out to every subscribed function, one invocation each, with its own subscription ARN', () => {
    const { topicService, invoked } = setup({ email: [sns('alerts')], audit: [sns('alerts'), sns('alerts')], other: [sns('orders')] }, ['alerts', 'orders']);
    const n = topicService.publish('alerts', 'disk full', { subject: 'Alarm' });
    expect(invoked.map((i) => i.fn)).toEqual(['email', 'audit']);
    for (const { fn, event } of invoked) {
      expect(event.Records).toHaveLength(1);
      expect(event.Records[0].EventSubscriptionArn).toBe(subscriptionArn('arn:aws:sns:us-east-1:123456789012:alerts', fn));
      expect(event.Records[0].Sns).toMatchObject({ MessageId: n.messageId, Message: 'disk full', Subject: 'Alarm', TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts' });
    }
  });

  it('delivers an SDK Publish the same way', () => {
    const { topicService, invoked } = setup({ email: [sns('alerts')] });
    topicService.handle('Publish', { TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Message: 'm', MessageAttributes: { level: { DataType: 'String', StringValue: 'high' } } });
    expect(invoked[0].event.Records[0].Sns.MessageAttributes).toStrictEqual({ level: { Type: 'String', Value: 'high' } });
    expect(invoked[0].event.Records[0].Sns.Subject).toBeNull();
  });

  it('applies each subscription\'s filter policy to the message attributes', () => {
    const { topicService, invoked } = setup({ high: [sns('alerts', { level: ['high'] })], all: [sns('alerts')] });
    topicService.publish('alerts', 'a', { attributes: { level: { Type: 'String', Value: 'low' } } });
    topicService.publish('alerts', 'b', { attributes: { level: { Type: 'String', Value: 'high' } } });
    topicService.publish('alerts', 'c');
    expect(invoked.map((i) => `${i.fn}:${i.event.Records[0].Sns.Message}`)).toEqual(['all:a', 'high:b', 'all:b', 'all:c']);
  });

  it('lists targets per topic and replaces them on deploy', () => {
    const { subs } = setup({ a: [sns('alerts')], b: [sns('alerts'), sns('orders')] });
    expect(subs.targets('alerts')).toEqual(['a', 'b']);
    expect(subs.targets('orders')).toEqual(['b']);
    expect(subs.targets('none')).toEqual([]);
    subs.deploy(project({ c: [sns('alerts')] }));
    expect(subs.targets('alerts')).toEqual(['c']);
    expect(subs.targets('orders')).toEqual([]);
  });

  it('logs a failed delivery instead of rejecting', async () => {
    const { topicService, host, lines } = setup({ a: [sns('alerts')] });
    host.invokeAsync = () => Promise.reject(new Error('boom'));
    topicService.publish('alerts', 'x');
    await Promise.resolve();
    await Promise.resolve();
    expect(lines).toEqual(['a error SNS delivery from topic alerts failed: boom']);
  });
});
