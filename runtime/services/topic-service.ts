/** Simulated SNS: the deployed topics, the Publish calls functions make, and the notices each publish sends to subscriptions. */
import { newRequestId } from '../ids';
import { AwsError } from './aws-error';
import type { ServiceEnv, TopicNotice, TopicView } from './types';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;
type Attributes = TopicNotice['messageAttributes'];

/** SNS messages are at most 256 KB. */
const MAX_MESSAGE_BYTES = 262_144;
const MAX_BATCH = 10;

export const topicNotFound = () => new AwsError('NotFoundException', 'Topic does not exist', 404);

export class TopicService {
  private readonly published = new Map<string, number>();

  constructor(
    private readonly env: ServiceEnv,
    private readonly onPublish: (notice: TopicNotice) => void,
  ) {}

  /** The deployed topics: kept ones keep their counts, new ones start at 0, undeclared ones are gone. */
  deploy(names: string[]): void {
    const keep = new Set(names);
    for (const name of this.published.keys()) if (!keep.has(name)) this.published.delete(name);
    for (const name of names) if (!this.published.has(name)) this.published.set(name, 0);
  }

  has(name: string): boolean {
    return this.published.has(name);
  }

  arn(name: string): string {
    return `arn:aws:sns:${this.env.region()}:${this.env.account}:${name}`;
  }

  /** An SDK call: operation is the command name without 'Command'. Throws AwsError. */
  handle(operation: string, input: Input): Output {
    switch (operation) {
      case 'Publish': {
        const topic = this.topicOf(input.TopicArn ?? input.TargetArn, 'TopicArn');
        const n = this.publish(topic, messageOf(input.Message), { subject: subjectOf(input.Subject), attributes: attributesOf(input.MessageAttributes) });
        return { MessageId: n.messageId };
      }
      case 'PublishBatch':
        return this.publishBatch(input);
      case 'ListTopics':
        return { Topics: [...this.published.keys()].sort().map((name) => ({ TopicArn: this.arn(name) })) };
      case 'GetTopicAttributes': {
        const topic = this.topicOf(input.TopicArn, 'TopicArn');
        return { Attributes: { TopicArn: this.arn(topic), Owner: this.env.account, DisplayName: '' } };
      }
      default:
        throw new AwsError('NotImplemented', `SNS ${operation} is not simulated yet in the playground`, 501);
    }
  }

  /** Publishes to a deployed topic and tells its subscriptions. Throws NotFoundException for any other name. */
  publish(topic: string, message: string, opts: { subject?: string; attributes?: Attributes } = {}): TopicNotice {
    const count = this.published.get(topic);
    if (count === undefined) throw topicNotFound();
    const notice: TopicNotice = {
      topic,
      topicArn: this.arn(topic),
      messageId: newRequestId(),
      message,
      ...(opts.subject !== undefined ? { subject: opts.subject } : {}),
      messageAttributes: opts.attributes ?? {},
      time: this.env.clock.now(),
    };
    this.published.set(topic, count + 1);
    this.onPublish(notice);
    return notice;
  }

  views(subscribers: (topic: string) => string[]): TopicView[] {
    return [...this.published].map(([name, published]) => ({ name, arn: this.arn(name), subscribers: subscribers(name), published }));
  }

  /** A topic named by an ARN of this account and region; any other topic does not exist, as for SNS. */
  private topicOf(arn: unknown, param: string): string {
    if (typeof arn !== 'string' || !/^arn:aws[\w-]*:sns:[\w-]+:\d+:[\w.-]+$/.test(arn)) {
      throw new AwsError('InvalidParameterException', `Invalid parameter: ${param}`, 400);
    }
    const [, , , region, account, name] = arn.split(':');
    if (region !== this.env.region() || account !== this.env.account || !this.published.has(name)) throw topicNotFound();
    return name;
  }

  /** PublishBatch: entries are checked as a whole first (count, distinct ids), then each succeeds or fails alone. */
  private publishBatch(input: Input): Output {
    const topic = this.topicOf(input.TopicArn, 'TopicArn');
    const entries = Array.isArray(input.PublishBatchRequestEntries) ? (input.PublishBatchRequestEntries as Input[]) : [];
    if (entries.length === 0) throw new AwsError('EmptyBatchRequestException', "The batch request doesn't contain any entries.");
    if (entries.length > MAX_BATCH) throw new AwsError('TooManyEntriesInBatchRequestException', 'The batch request contains more entries than permissible.');
    if (new Set(entries.map((e) => e.Id)).size !== entries.length) {
      throw new AwsError('BatchEntryIdsNotDistinctException', 'Two or more batch entries in the request have the same Id.');
    }
    const successful: Output[] = [];
    const failed: Output[] = [];
    for (const e of entries) {
      try {
        const n = this.publish(topic, messageOf(e.Message), { subject: subjectOf(e.Subject), attributes: attributesOf(e.MessageAttributes) });
        successful.push({ Id: e.Id, MessageId: n.messageId });
      } catch (err) {
        if (!(err instanceof AwsError)) throw err;
        failed.push({ Id: e.Id, Code: err.code.replace(/Exception$/, ''), Message: err.message, SenderFault: true });
      }
    }
    return { Successful: successful, Failed: failed };
  }
}

function messageOf(v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) throw new AwsError('InvalidParameterException', 'Invalid parameter: Empty message');
  if (new TextEncoder().encode(v).length > MAX_MESSAGE_BYTES) throw new AwsError('InvalidParameterException', 'Invalid parameter: Message too long');
  return v;
}

function subjectOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > 100) throw new AwsError('InvalidParameterException', 'Invalid parameter: Subject');
  return v;
}

/** The SDK's { DataType, StringValue | BinaryValue } as SNS delivers it to Lambda: { Type, Value } (binary as base64). */
function attributesOf(v: unknown): Attributes {
  if (!v || typeof v !== 'object') return {};
  const out: Attributes = {};
  for (const [name, a] of Object.entries(v as Record<string, { DataType?: unknown; StringValue?: unknown; BinaryValue?: unknown }>)) {
    const type = typeof a?.DataType === 'string' ? a.DataType : '';
    if (!/^(String|Number|Binary)(\..+)?$/.test(type)) {
      throw new AwsError('InvalidParameterException', `Invalid parameter: MessageAttributes. Reason: The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    }
    if (type.startsWith('Binary')) out[name] = { Type: type, Value: base64(a.BinaryValue) };
    else if (typeof a.StringValue === 'string') out[name] = { Type: type, Value: a.StringValue };
    else throw new AwsError('InvalidParameterException', `Invalid parameter: MessageAttributes. Reason: The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${type}'.`);
  }
  return out;
}

function base64(v: unknown): string {
  const bytes = v instanceof Uint8Array ? v : typeof v === 'string' ? new TextEncoder().encode(v) : new Uint8Array(0);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
