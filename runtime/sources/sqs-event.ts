/** The event an SQS event source mapping sends its function: one record per received message, as Lambda builds it. */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { ReceivedMessage } from '../services/queue-service';
import { recordAttributes } from '../services/sqs-message-attributes';

export function queueArn(region: string, account: string, queue: string): string {
  return `arn:aws:sqs:${region}:${account}:${queue}`;
}

/** A record, keys in Lambda's order; `md5OfMessageAttributes` only when the message has attributes. */
export function sqsRecord(m: ReceivedMessage, eventSourceARN: string, awsRegion: string): SQSRecord {
  const a = m.attributes;
  const record: SQSRecord = {
    messageId: m.messageId,
    receiptHandle: m.receiptHandle,
    body: m.body,
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount,
      SentTimestamp: a.SentTimestamp,
      SenderId: a.SenderId,
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp,
    },
    messageAttributes: recordAttributes(m.messageAttributes),
    md5OfBody: m.md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN,
    awsRegion,
  };
  if (m.md5OfMessageAttributes) record.md5OfMessageAttributes = m.md5OfMessageAttributes;
  return record;
}

export function sqsEvent(messages: ReceivedMessage[], eventSourceARN: string, awsRegion: string): SQSEvent {
  const Records = new Array<SQSRecord>(messages.length);
  for (let i = 0; i < messages.length; i++) Records[i] = sqsRecord(messages[i], eventSourceARN, awsRegion);
  return { Records };
}
