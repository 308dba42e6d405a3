/** Simulated SQS: the deployed queues, the SDK calls functions make, what event source mappings receive and delete, and the Resources view. */
import { newRequestId } from '../ids';
import type { QueueDef } from '../project/types';
import { AwsError } from './aws-error';
import { md5Hex } from './md5';
import { DELAYED, IN_FLIGHT, Queue, VISIBLE, type QueueCounts, type QueueSettings, type StoredMessage } from './queue';
import { sqsOperation } from './sqs-api';
import { invalidReceiptHandle, invalidValue, MAX_DELAY_SECONDS, MAX_MESSAGE_BYTES, MAX_VISIBILITY_SECONDS, missingParameter, queueDoesNotExist } from './sqs-limits';
import { attributesSize, md5OfAttributes, parseMessageAttributes, type SdkMessageAttributes } from './sqs-message-attributes';
import { VIEW_LIMIT, type CallOrigin, type MessageView, type QueueView, type ServiceEnv } from './types';

/** SenderId of a message sent from the Events panel (an IAM user's id) or by a function (its role's id and session). */
export const CONSOLE_SENDER = 'AIDAPLAYGROUNDCONSOLE';
export const functionSender = (functionName: string) => `AROAPLAYGROUNDROLE:${functionName}`;

/** SQS accepts #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF in a body. */
const INVALID_CHARS = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const encoder = new TextEncoder();

export interface SendOptions {
  delaySeconds?: number;
  /** As the SDK takes them: { name: { DataType, StringValue } } or BinaryValue. */
  attributes?: Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>;
  /** Who sent it (the record's SenderId): the console user unless given. */
  senderId?: string;
}

export interface SentMessage {
  messageId: string;
  md5OfBody: string;
  md5OfMessageAttributes: string | null;
}

/** A received message: what ReceiveMessage returns and what an SQS record is built from. */
export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  /** The system attributes an SQS record carries (epoch ms as decimal strings). */
  attributes: { ApproximateReceiveCount: string; SentTimestamp: string; SenderId: string; ApproximateFirstReceiveTimestamp: string };
  /** In the SDK's form; null without any. */
  messageAttributes: SdkMessageAttributes | null;
  md5OfMessageAttributes: string | null;
  /** The SDK call that sent it (traces: the invocation its batch starts hangs under that call); never in SDK output. */
  cause: string | null;
}

export type { QueueCounts };

/** A QueueView with what the counts need to add up for a dead-letter queue, and the consuming functions (proposed for QueueView). */
export type QueueViewWithCounts = QueueView & { movedIn: number; purged: number; consumers: string[] };

export class QueueService {
  private readonly queues = new Map<string, Queue>();

  constructor(
    readonly env: ServiceEnv,
    private readonly onAvailable: (queue: string) => void,
    /** A message moved to its dead-letter queue (the diagram lights the redrive edge). */
    private readonly onRedrive: (queue: string, deadLetterQueue: string) => void = () => {},
  ) {}

  /** The deployed queues: kept ones keep their messages and take the new settings, undeclared ones are deleted. */
  deploy(defs: QueueDef[]): void {
    const keep = new Set(defs.map((d) => d.name));
    for (const [name, q] of this.queues) {
      if (keep.has(name)) continue;
      q.dispose();
      this.queues.delete(name);
    }
    for (const d of defs) {
      const settings = settingsOf(d);
      const q = this.queues.get(d.name);
      if (q) q.settings = settings;
      else this.queues.set(d.name, new Queue(d.name, settings, this.env.clock, () => this.onAvailable(d.name)));
    }
  }

  has(name: string): boolean {
    return this.queues.has(name);
  }

  names(): string[] {
    return [...this.queues.keys()];
  }

  arn(name: string): string {
    return `arn:aws:sqs:${this.env.region()}:${this.env.account}:${name}`;
  }

  url(name: string): string {
    return `https://sqs.${this.env.region()}.amazonaws.com/${this.env.account}/${name}`;
  }

  /** A deployed queue, or QueueDoesNotExist. */
  queue(name: string): Queue {
    const q = this.queues.get(name);
    if (!q) throw queueDoesNotExist();
    return q;
  }

  /** An SDK call: operation is the command name without 'Command'. Throws AwsError. */
  handle(operation: string, input: Record<string, unknown>, from?: CallOrigin): Record<string, unknown> {
    return sqsOperation(this, operation, input, from ? functionSender(from.functionName) : CONSOLE_SENDER);
  }

  /** SendMessage: visible at once, or after the message's (else the queue's) delay. */
  send(queue: string, body: string, opts: SendOptions = {}): SentMessage {
    const q = this.queue(queue);
    if (typeof body !== 'string' || body.length === 0) throw missingParameter('MessageBody');
    if (INVALID_CHARS.test(body)) {
      throw new AwsError('InvalidMessageContents', 'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');
    }
    const attributes = parseMessageAttributes(opts.attributes);
    const bytes = encoder.encode(body);
    if (bytes.length + attributesSize(attributes) > MAX_MESSAGE_BYTES) {
      throw new AwsError('InvalidParameterValue', `One or more parameters are invalid. Reason: Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`);
    }
    const delay = opts.delaySeconds ?? q.settings.delaySeconds;
    if (!Number.isInteger(delay) || delay < 0 || delay > MAX_DELAY_SECONDS) {
      throw invalidValue('DelaySeconds', delay, `DelaySeconds must be >= 0 and <= ${MAX_DELAY_SECONDS}`);
    }
    const md5OfAttrs = attributes ? md5OfAttributes(attributes) : null;
    const m = q.add(
      { id: newRequestId(), body, md5: md5Hex(bytes), attributes, md5OfAttributes: md5OfAttrs, sentAt: this.env.clock.now(), senderId: opts.senderId ?? CONSOLE_SENDER, firstReceiveAt: 0, receiveCount: 0, cause: this.env.cause?.() ?? null },
      delay * 1000,
    );
    if (delay === 0) this.onAvailable(queue);
    return { messageId: m.id, md5OfBody: m.md5, md5OfMessageAttributes: md5OfAttrs };
  }

  /**
   * ReceiveMessage: up to `max` visible messages, oldest first, go in flight for the visibility timeout (the queue's
   * unless given, seconds) with receiveCount + 1. Redrive: a message already received maxReceiveCount times moves to
   * the dead-letter queue on this receive attempt instead of being received (SQS moves it on the receive that would
   * exceed the count), keeping its id, timestamps and receive count. No long polling: WaitTimeSeconds is the caller's.
   */
  receive(queue: string, max: number, visibilityTimeoutSec?: number): ReceivedMessage[] {
    const q = this.queue(queue);
    const ms = (visibilityTimeoutSec ?? q.settings.visibilityTimeout) * 1000;
    const redrive = q.settings.redrive;
    const dlq = redrive && redrive.deadLetterQueue !== queue ? this.queues.get(redrive.deadLetterQueue) : undefined;
    const out: ReceivedMessage[] = [];
    // Each message visible now is looked at once (one received with a 0 timeout goes to the back of the list).
    for (let budget = q.counts.visible; out.length < max && budget > 0; budget--) {
      const m = q.takeVisible();
      if (!m) break;
      if (dlq && redrive && m.receiveCount >= redrive.maxReceiveCount) {
        q.remove(m, 'redriven');
        dlq.add(m, 0, true);
        this.onRedrive(queue, dlq.name);
        this.onAvailable(dlq.name);
        continue;
      }
      q.receive(m, ms);
      out.push(received(m));
    }
    return out;
  }

  /** DeleteMessage with any receipt handle issued for the message (SQS accepts an earlier receive's); true if it was there. */
  delete(queue: string, receiptHandle: string): boolean {
    const q = this.queue(queue);
    const m = q.byHandle(receiptHandle);
    if (m === 'invalid') throw invalidReceiptHandle(receiptHandle);
    if (!m) return false;
    q.remove(m, 'deleted');
    return true;
  }

  /** ChangeMessageVisibility: an in-flight message's timeout restarts now with `seconds` (0: visible at once). */
  changeVisibility(queue: string, receiptHandle: string, seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_VISIBILITY_SECONDS) {
      throw invalidValue('VisibilityTimeout', seconds, `Must be between 0 and ${MAX_VISIBILITY_SECONDS}, if provided.`);
    }
    const q = this.queue(queue);
    const m = q.byHandle(receiptHandle);
    if (m === 'invalid') throw invalidReceiptHandle(receiptHandle);
    if (!m) throw invalidValue('ReceiptHandle', receiptHandle, 'Message does not exist or is not available for visibility timeout change.');
    // An earlier receive's handle, or a message whose timeout already ended: SQS answers OK and changes nothing.
    if (m.state !== IN_FLIGHT || m.handle !== receiptHandle) return;
    q.changeVisibility(m, seconds * 1000);
  }

  purge(queue: string): void {
    this.queue(queue).purge();
  }

  /** The counts that add up: sent + movedIn = visible + inFlight + delayed + deleted + redriven + purged. */
  counts(queue: string): QueueCounts {
    return { ...this.queue(queue).counts };
  }

  /** The Resources panel's queues, with the functions consuming each (its event source mappings). */
  views(consumers: (queue: string) => string[]): QueueViewWithCounts[] {
    const dlqs = new Set<string>();
    for (const q of this.queues.values()) if (q.settings.redrive) dlqs.add(q.settings.redrive.deadLetterQueue);
    return [...this.queues.values()].map((q) => {
      const c = q.counts;
      const view: QueueViewWithCounts = {
        name: q.name,
        url: this.url(q.name),
        arn: this.arn(q.name),
        visible: c.visible,
        inFlight: c.inFlight,
        delayed: c.delayed,
        sent: c.sent,
        deleted: c.deleted,
        redriven: c.redriven,
        deadLetterQueue: q.settings.redrive?.deadLetterQueue ?? null,
        maxReceiveCount: q.settings.redrive?.maxReceiveCount ?? null,
        isDeadLetterQueue: dlqs.has(q.name),
        messages: messageViews(q),
        movedIn: c.movedIn,
        purged: c.purged,
        consumers: consumers(q.name),
      };
      return view;
    });
  }
}

function settingsOf(d: QueueDef): QueueSettings {
  return {
    visibilityTimeout: d.visibilityTimeout,
    delaySeconds: d.delaySeconds,
    messageRetentionPeriod: d.messageRetentionPeriod,
    fifo: d.fifo,
    ...(d.redrive ? { redrive: { ...d.redrive } } : {}),
  };
}

function received(m: StoredMessage): ReceivedMessage {
  return {
    messageId: m.id,
    receiptHandle: m.handle,
    body: m.body,
    md5OfBody: m.md5,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(m.sentAt),
      SenderId: m.senderId,
      ApproximateFirstReceiveTimestamp: String(m.firstReceiveAt),
    },
    messageAttributes: m.attributes,
    md5OfMessageAttributes: m.md5OfAttributes,
    cause: m.cause,
  };
}

const STATE_NAMES: Record<number, MessageView['state']> = { [VISIBLE]: 'visible', [IN_FLIGHT]: 'in flight', [DELAYED]: 'delayed' };

function messageViews(q: Queue): MessageView[] {
  const out: MessageView[] = [];
  for (const m of q.messages.values()) {
    if (out.length >= VIEW_LIMIT) break;
    out.push({ messageId: m.id, body: m.body.length > 500 ? m.body.slice(0, 500) : m.body, receiveCount: m.receiveCount, state: STATE_NAMES[m.state], sentAt: m.sentAt });
  }
  return out;
}
