/** The event SNS sends a subscribed function: one record per message, as Lambda receives it. */
import type { SNSEvent } from 'aws-lambda';
import { hashHex, hashUuid } from '../services/stable-hash';
import type { TopicNotice } from '../services/types';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A Lambda subscription's ARN: the topic's ARN and a UUID, stable for the topic and function. */
export function subscriptionArn(topicArn: string, functionName: string): string {
  return `${topicArn}:${hashUuid(`${topicArn}|${functionName}`)}`;
}

function regionOf(topicArn: string): string {
  return topicArn.split(':')[3] ?? 'us-east-1';
}

/**
 * The record SNS delivers. `Subject` is null when the publisher gave none (as SNS sends it; @types/aws-lambda types it
 * `string | undefined`). The signature is a stand-in of the right shape: SHA1withRSA, 344 base64 characters.
 */
export function snsEvent(notice: TopicNotice, subscription: string): SNSEvent {
  const region = regionOf(notice.topicArn);
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: subscription,
        Sns: {
          Type: 'Notification',
          MessageId: notice.messageId,
          TopicArn: notice.topicArn,
          Subject: (notice.subject ?? null) as string,
          Message: notice.message,
          Timestamp: new Date(notice.time).toISOString(),
          SignatureVersion: '1',
          Signature: signatureOf(notice.messageId),
          SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-${hashHex(`cert:${region}`, 32)}.pem`,
          UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscription}`,
          MessageAttributes: { ...notice.messageAttributes },
        },
      },
    ],
  };
}

function signatureOf(messageId: string): string {
  const hex = hashHex(`sig:${messageId}`, 2 * 342);
  let out = '';
  for (let i = 0; i < 342; i++) out += B64[parseInt(hex.slice(2 * i, 2 * i + 2), 16) % 64];
  return `${out}==`;
}
