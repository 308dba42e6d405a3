/** The SQS SDK operations functions call (@aws-sdk/client-sqs v3, JSON protocol shapes), answered from the simulated queues. */
import { AwsError } from './aws-error';
import type { QueueService, ReceivedMessage } from './queue-service';
import { invalidValue, MAX_MESSAGE_BYTES, MAX_VISIBILITY_SECONDS, missingParameter, queueDoesNotExist } from './sqs-limits';
import { attributesSize, md5OfAttributes, selectAttributes, utf8Length } from './sqs-message-attributes';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

const MAX_BATCH = 10;
const BATCH_ID = /^[\w-]{1,80}$/;
const SYSTEM_ATTRIBUTES = ['SenderId', 'SentTimestamp', 'ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp'] as const;
const QUEUE_ATTRIBUTES = [
  'QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp', 'LastModifiedTimestamp', 'VisibilityTimeout', 'MaximumMessageSize', 'MessageRetentionPeriod', 'DelaySeconds',
  'ReceiveMessageWaitTimeSeconds', 'RedrivePolicy', 'SqsManagedSseEnabled', 'FifoQueue', 'ContentBasedDeduplication',
  'Policy', 'RedriveAllowPolicy', 'KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'DeduplicationScope', 'FifoThroughputLimit',
];

export function sqsOperation(sqs: QueueService, operation: string, input: Input, senderId: string): Output {
  switch (operation) {
    case 'SendMessage':
      return sendOutput(sqs.send(queueOf(sqs, input), input.MessageBody as string, { ...sendOptions(input), senderId }));
    case 'SendMessageBatch':
      return sendMessageBatch(sqs, input, senderId);
    case 'ReceiveMessage':
      return receiveMessage(sqs, input);
    case 'DeleteMessage':
      sqs.delete(queueOf(sqs, input), required(input, 'ReceiptHandle'));
      return {};
    case 'DeleteMessageBatch': {
      const queue = queueOf(sqs, input);
      return batch(input, 'DeleteMessageBatchRequestEntry', (e) => {
        sqs.delete(queue, required(e, 'ReceiptHandle'));
        return {};
      });
    }
    case 'ChangeMessageVisibility':
      sqs.changeVisibility(queueOf(sqs, input), required(input, 'ReceiptHandle'), visibilityOf(input));
      return {};
    case 'ChangeMessageVisibilityBatch': {
      const queue = queueOf(sqs, input);
      return batch(input, 'ChangeMessageVisibilityBatchRequestEntry', (e) => {
        sqs.changeVisibility(queue, required(e, 'ReceiptHandle'), visibilityOf(e));
        return {};
      });
    }
    case 'GetQueueUrl': {
      const name = required(input, 'QueueName');
      const owner = input.QueueOwnerAWSAccountId;
      if (!sqs.has(name) || (owner !== undefined && owner !== sqs.env.account)) throw queueDoesNotExist();
      return { QueueUrl: sqs.url(name) };
    }
    case 'GetQueueAttributes':
      return getQueueAttributes(sqs, queueOf(sqs, input), input.AttributeNames);
    case 'PurgeQueue':
      sqs.purge(queueOf(sqs, input));
      return {};
    case 'ListQueues':
      return listQueues(sqs, input);
    default:
      throw new AwsError('NotImplemented', `SQS ${operation} is not simulated yet in the playground`, 501);
  }
}

/** A QueueUrl names its queue by its last path segment; a queue of another account or region does not exist here. */
function queueOf(sqs: QueueService, input: Input): string {
  const url = required(input, 'QueueUrl');
  const name = url.slice(url.lastIndexOf('/') + 1);
  if (!sqs.has(name)) throw queueDoesNotExist();
  return name;
}

function required(input: Input, param: string): string {
  const v = input[param];
  if (typeof v !== 'string' || v === '') throw missingParameter(param);
  return v;
}

function visibilityOf(input: Input): number {
  if (input.VisibilityTimeout === undefined || input.VisibilityTimeout === null) throw missingParameter('VisibilityTimeout');
  return input.VisibilityTimeout as number;
}

function sendOptions(e: Input) {
  return {
    ...(e.DelaySeconds !== undefined ? { delaySeconds: e.DelaySeconds as number } : {}),
    ...(e.MessageAttributes !== undefined ? { attributes: e.MessageAttributes as never } : {}),
  };
}

function sendOutput(r: { messageId: string; md5OfBody: string; md5OfMessageAttributes: string | null }): Output {
  return { MD5OfMessageBody: r.md5OfBody, ...(r.md5OfMessageAttributes ? { MD5OfMessageAttributes: r.md5OfMessageAttributes } : {}), MessageId: r.messageId };
}

/** Batch requests are checked whole (entries, count, ids), then each entry succeeds or fails alone. */
function batch(input: Input, entryName: string, each: (entry: Input) => Output): Output {
  const entries = Array.isArray(input.Entries) ? (input.Entries as Input[]) : [];
  if (entries.length === 0) throw new AwsError('EmptyBatchRequest', `There should be at least one ${entryName} in the request.`);
  if (entries.length > MAX_BATCH) {
    throw new AwsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are ${MAX_BATCH}. You have sent ${entries.length}.`);
  }
  const ids = new Set<unknown>();
  for (const e of entries) {
    if (typeof e.Id !== 'string' || !BATCH_ID.test(e.Id)) {
      throw new AwsError('InvalidBatchEntryId', 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
    }
    if (ids.has(e.Id)) throw new AwsError('BatchEntryIdsNotDistinct', `Id ${e.Id} repeated.`);
    ids.add(e.Id);
  }
  const successful: Output[] = [];
  const failed: Output[] = [];
  for (const e of entries) {
    try {
      successful.push({ Id: e.Id, ...each(e) });
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      failed.push({ Id: e.Id, SenderFault: err.statusCode < 500, Code: err.code, Message: err.message });
    }
  }
  return { Successful: successful, Failed: failed };
}

function sendMessageBatch(sqs: QueueService, input: Input, senderId: string): Output {
  const queue = queueOf(sqs, input);
  const entries = Array.isArray(input.Entries) ? (input.Entries as Input[]) : [];
  let total = 0;
  for (const e of entries) total += (typeof e.MessageBody === 'string' ? utf8Length(e.MessageBody) : 0) + attributesSize((e.MessageAttributes as never) ?? null);
  if (total > MAX_MESSAGE_BYTES) {
    throw new AwsError('BatchRequestTooLong', `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.`);
  }
  return batch(input, 'SendMessageBatchRequestEntry', (e) => {
    const { MD5OfMessageBody, MD5OfMessageAttributes, MessageId } = sendOutput(sqs.send(queue, e.MessageBody as string, { ...sendOptions(e), senderId }));
    return { MessageId, MD5OfMessageBody, ...(MD5OfMessageAttributes ? { MD5OfMessageAttributes } : {}) };
  });
}

function intParam(input: Input, param: string, fallback: number | undefined, min: number, max: number, reason: string): number | undefined {
  const v = input[param];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalidValue(param, v, reason);
  return v;
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : [];
}

/** ReceiveMessage answers at once: WaitTimeSeconds is checked but not waited (no long polling in the simulation). */
function receiveMessage(sqs: QueueService, input: Input): Output {
  const queue = queueOf(sqs, input);
  const max = intParam(input, 'MaxNumberOfMessages', 1, 1, MAX_BATCH, 'Must be between 1 and 10, if provided.') as number;
  const visibility = intParam(input, 'VisibilityTimeout', undefined, 0, MAX_VISIBILITY_SECONDS, `Must be between 0 and ${MAX_VISIBILITY_SECONDS}, if provided.`);
  intParam(input, 'WaitTimeSeconds', 0, 0, 20, 'Must be >= 0 and <= 20, if provided.');
  const wanted = [...names(input.AttributeNames), ...names(input.MessageSystemAttributeNames)];
  const all = wanted.includes('All');
  const system = SYSTEM_ATTRIBUTES.filter((a) => all || wanted.includes(a));
  const attributeNames = names(input.MessageAttributeNames);
  const messages = sqs.receive(queue, max, visibility).map((m) => messageOutput(m, system, attributeNames));
  // The JSON protocol leaves Messages out of an empty receive: the SDK's `Messages` is undefined then.
  return messages.length > 0 ? { Messages: messages } : {};
}

function messageOutput(m: ReceivedMessage, system: readonly (typeof SYSTEM_ATTRIBUTES)[number][], attributeNames: string[]): Output {
  const out: Output = { MessageId: m.messageId, ReceiptHandle: m.receiptHandle, MD5OfBody: m.md5OfBody, Body: m.body };
  if (system.length > 0) {
    const attrs: Record<string, string> = {};
    for (const a of system) attrs[a] = m.attributes[a];
    out.Attributes = attrs;
  }
  const selected = selectAttributes(m.messageAttributes, attributeNames);
  if (selected) {
    out.MD5OfMessageAttributes = selected === m.messageAttributes ? m.md5OfMessageAttributes : md5OfAttributes(selected);
    out.MessageAttributes = selected;
  }
  return out;
}

function getQueueAttributes(sqs: QueueService, queue: string, requested: unknown): Output {
  const wanted = names(requested);
  for (const n of wanted) if (n !== 'All' && !QUEUE_ATTRIBUTES.includes(n)) throw new AwsError('InvalidAttributeName', `Unknown Attribute ${n}.`);
  if (wanted.length === 0) return {};
  const q = sqs.queue(queue);
  const c = q.counts;
  const s = q.settings;
  const created = String(Math.floor(q.createdAt / 1000));
  const values: Record<string, string> = {
    QueueArn: sqs.arn(queue),
    ApproximateNumberOfMessages: String(c.visible),
    ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
    ApproximateNumberOfMessagesDelayed: String(c.delayed),
    CreatedTimestamp: created,
    LastModifiedTimestamp: created,
    VisibilityTimeout: String(s.visibilityTimeout),
    MaximumMessageSize: String(MAX_MESSAGE_BYTES),
    MessageRetentionPeriod: String(s.messageRetentionPeriod),
    DelaySeconds: String(s.delaySeconds),
    ReceiveMessageWaitTimeSeconds: '0',
    SqsManagedSseEnabled: 'true',
  };
  if (s.redrive) values.RedrivePolicy = JSON.stringify({ deadLetterTargetArn: sqs.arn(s.redrive.deadLetterQueue), maxReceiveCount: s.redrive.maxReceiveCount });
  if (s.fifo) Object.assign(values, { FifoQueue: 'true', ContentBasedDeduplication: 'false' });
  const all = wanted.includes('All');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (all || wanted.includes(k)) out[k] = v;
  return { Attributes: out };
}

/** ListQueues by prefix; MaxResults pages with a NextToken (the index to go on from). */
function listQueues(sqs: QueueService, input: Input): Output {
  const prefix = typeof input.QueueNamePrefix === 'string' ? input.QueueNamePrefix : '';
  const urls = sqs.names().filter((n) => n.startsWith(prefix)).sort().map((n) => sqs.url(n));
  const max = intParam(input, 'MaxResults', undefined, 1, 1000, 'Must be between 1 and 1000, if provided.');
  if (max === undefined) return urls.length > 0 ? { QueueUrls: urls } : {};
  const start = typeof input.NextToken === 'string' ? Number(input.NextToken) || 0 : 0;
  const page = urls.slice(start, start + max);
  return { ...(page.length > 0 ? { QueueUrls: page } : {}), ...(start + max < urls.length ? { NextToken: String(start + max) } : {}) };
}
