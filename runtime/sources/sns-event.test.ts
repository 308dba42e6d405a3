import type { SNSEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TopicNotice } from '../services/types';
import { snsEvent, subscriptionArn } from './sns-event';

const ARN = 'arn:aws:sns:eu-west-1:123456789012:alerts';
const notice: TopicNotice = {
  topic: 'alerts', topicArn: ARN, messageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e', message: 'Hello from SNS!',
  messageAttributes: { level: { Type: 'String', Value: 'high' } }, time: Date.UTC(2026, 0, 1, 9, 30, 0, 42),
};

describe('snsEvent', () => {
  it('is the record SNS delivers to Lambda, key for key', () => {
    const sub = subscriptionArn(ARN, 'notify');
    const e = snsEvent(notice, sub);
    const sns = e.Records[0].Sns;
    expect(e).toStrictEqual({
      Records: [{
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: sub,
        Sns: {
          Type: 'Notification',
          MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
          TopicArn: ARN,
          Subject: null,
          Message: 'Hello from SNS!',
          Timestamp: '2026-01-01T09:30:00.042Z',
          SignatureVersion: '1',
          Signature: sns.Signature,
          SigningCertUrl: sns.SigningCertUrl,
          UnsubscribeUrl: `https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sub}`,
          MessageAttributes: { level: { Type: 'String', Value: 'high' } },
        },
      }],
    });
    expect(Object.keys(sns)).toEqual(['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertUrl', 'UnsubscribeUrl', 'MessageAttributes']);
    expect(sns.Signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(sns.SigningCertUrl).toMatch(/^https:\/\/sns\.eu-west-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/);
    expect(JSON.stringify(e)).toContain('"Subject":null');
  });

  it('carries the subject when the publisher gave one', () => {
    expect(snsEvent({ ...notice, subject: 'Alarm' }, 's').Records[0].Sns.Subject).toBe('Alarm');
  });

  it('names a subscription by the topic ARN and a stable UUID per function', () => {
    const a = subscriptionArn(ARN, 'notify');
    expect(a).toMatch(/^arn:aws:sns:eu-west-1:123456789012:alerts:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(subscriptionArn(ARN, 'notify')).toBe(a);
    expect(subscriptionArn(ARN, 'audit')).not.toBe(a);
  });

  it('type-checks as @types/aws-lambda SNSEvent', () => {
    const e = snsEvent(notice, 's');
    expectTypeOf(e).toEqualTypeOf<SNSEvent>();
    const typed: SNSEvent = e;
    expect(typed.Records[0].Sns.Message).toBe('Hello from SNS!');
  });
});
