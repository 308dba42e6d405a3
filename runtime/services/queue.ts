/** One SQS standard queue's messages: visible, in flight until their visibility timeout, delayed; and the counts that add up. */
import type { Clock } from '../clock';
import { TimerQueue, type QueuedTimer } from '../timer-queue';
import type { SdkMessageAttributes } from './sqs-message-attributes';

export const VISIBLE = 0;
export const IN_FLIGHT = 1;
export const DELAYED = 2;
export const GONE = 3;
export type MessageState = typeof VISIBLE | typeof IN_FLIGHT | typeof DELAYED | typeof GONE;

/** What a message carries from queue to queue (a redrive keeps its id, timestamps and receive count, as SQS does). */
export interface MessageContent {
  id: string;
  body: string;
  md5: string;
  attributes: SdkMessageAttributes | null;
  md5OfAttributes: string | null;
  sentAt: number;
  senderId: string;
  /** Epoch ms of the first receive, 0 before it. */
  firstReceiveAt: number;
  receiveCount: number;
  /** The SDK call that sent it (traces), null when sent from the page. */
  cause: string | null;
}

/** A message in a queue (a class, so that thousands a second share one shape). */
export class StoredMessage implements MessageContent {
  readonly id: string;
  readonly body: string;
  readonly md5: string;
  readonly attributes: SdkMessageAttributes | null;
  readonly md5OfAttributes: string | null;
  readonly sentAt: number;
  readonly senderId: string;
  readonly cause: string | null;
  firstReceiveAt: number;
  receiveCount: number;
  state: MessageState = VISIBLE;
  /** The latest receipt handle ('' before the first receive). */
  handle = '';
  /** When it becomes visible (end of its visibility timeout or delay). */
  deadline: QueuedTimer<StoredMessage> | null = null;

  constructor(
    c: MessageContent,
    /** Numbers messages in this queue, in arrival order; never reused. */
    readonly seq: number,
  ) {
    this.id = c.id;
    this.body = c.body;
    this.md5 = c.md5;
    this.attributes = c.attributes;
    this.md5OfAttributes = c.md5OfAttributes;
    this.sentAt = c.sentAt;
    this.senderId = c.senderId;
    this.cause = c.cause;
    this.firstReceiveAt = c.firstReceiveAt;
    this.receiveCount = c.receiveCount;
  }
}

export interface QueueSettings {
  visibilityTimeout: number;
  delaySeconds: number;
  messageRetentionPeriod: number;
  fifo: boolean;
  redrive?: { deadLetterQueue: string; maxReceiveCount: number };
}

export interface QueueCounts {
  visible: number;
  inFlight: number;
  delayed: number;
  /** Messages sent to it (SendMessage, SendMessageBatch, the Events panel). */
  sent: number;
  /** Messages moved into it by another queue's redrive. */
  movedIn: number;
  deleted: number;
  /** Messages moved from it to its dead-letter queue. */
  redriven: number;
  purged: number;
}

export type Removal = 'deleted' | 'redriven' | 'purged';

let queueTokens = 0;

export class Queue {
  /** Every message still in the queue, in arrival order. */
  readonly messages = new Map<number, StoredMessage>();
  readonly counts: QueueCounts = { visible: 0, inFlight: 0, delayed: 0, sent: 0, movedIn: 0, deleted: 0, redriven: 0, purged: 0 };
  readonly createdAt: number;
  private visibleList: StoredMessage[] = [];
  private head = 0;
  private nextSeq = 0;
  /** All visibility and delay ends, served by one clock timer armed for the earliest. */
  private readonly deadlines = new TimerQueue<StoredMessage>();
  private armedAt = Infinity;
  private disarm: (() => void) | null = null;
  /** Receipt handles start with it: a handle of another queue, or of this name's earlier queue, is not valid here. */
  private readonly handlePrefix: string;

  constructor(
    readonly name: string,
    public settings: QueueSettings,
    private readonly clock: Clock,
    private readonly onAvailable: () => void,
  ) {
    this.createdAt = clock.now();
    this.handlePrefix = `AQEB${(++queueTokens).toString(36)}-${Math.floor(clock.now() % 1e8).toString(36)}/`;
  }

  /** A message arrives: visible now, or delayed for `delayMs` (DelaySeconds). */
  add(content: MessageContent, delayMs: number, movedIn = false): StoredMessage {
    const m = new StoredMessage(content, this.nextSeq++);
    this.messages.set(m.seq, m);
    if (movedIn) this.counts.movedIn++;
    else this.counts.sent++;
    if (delayMs > 0) {
      m.state = DELAYED;
      this.counts.delayed++;
      this.schedule(m, this.clock.now() + delayMs);
    } else {
      this.pushVisible(m);
    }
    return m;
  }

  /** The next visible message, oldest first, taken off the visible list (the caller receives or removes it). */
  takeVisible(): StoredMessage | undefined {
    const list = this.visibleList;
    while (this.head < list.length) {
      const m = list[this.head++];
      if (m.state === VISIBLE) {
        this.counts.visible--;
        m.state = GONE; // in between: the caller sets the next state at once
        this.compact();
        return m;
      }
    }
    this.visibleList = [];
    this.head = 0;
    return undefined;
  }

  /** A taken message is received: in flight for `visibilityMs`, with a new receipt handle. */
  receive(m: StoredMessage, visibilityMs: number): void {
    const now = this.clock.now();
    m.receiveCount++;
    if (m.firstReceiveAt === 0) m.firstReceiveAt = now;
    m.handle = `${this.handlePrefix}${m.seq.toString(36)}/${m.receiveCount.toString(36)}`;
    if (visibilityMs > 0) {
      m.state = IN_FLIGHT;
      this.counts.inFlight++;
      this.schedule(m, now + visibilityMs);
    } else {
      this.pushVisible(m, true);
    }
  }

  /**
   * The message a receipt handle was issued for: 'invalid' if this queue never issued it, null if the message is gone.
   * An earlier receive's handle still names its message (SQS deletes with it; compare `m.handle` for the latest).
   */
  byHandle(handle: string): StoredMessage | null | 'invalid' {
    if (!handle.startsWith(this.handlePrefix)) return 'invalid';
    const seq = parseInt(handle.slice(this.handlePrefix.length), 36);
    if (!Number.isSafeInteger(seq)) return 'invalid';
    return this.messages.get(seq) ?? null;
  }

  /** Removes a message in any state (a taken one included), counting why. */
  remove(m: StoredMessage, why: Removal): void {
    if (m.state === VISIBLE) this.counts.visible--;
    else if (m.state === IN_FLIGHT) this.counts.inFlight--;
    else if (m.state === DELAYED) this.counts.delayed--;
    if (m.deadline) this.deadlines.cancel(m.deadline);
    m.deadline = null;
    m.state = GONE;
    this.messages.delete(m.seq);
    this.counts[why]++;
  }

  /** ChangeMessageVisibility of an in-flight message: visible `ms` from now (0: at once). */
  changeVisibility(m: StoredMessage, ms: number): void {
    if (m.deadline) this.deadlines.cancel(m.deadline);
    m.deadline = null;
    if (ms > 0) {
      this.schedule(m, this.clock.now() + ms);
    } else {
      this.counts.inFlight--;
      this.pushVisible(m, true);
    }
  }

  purge(): void {
    for (const m of [...this.messages.values()]) this.remove(m, 'purged');
    this.visibleList = [];
    this.head = 0;
  }

  /** The queue is deleted: no more timers. */
  dispose(): void {
    this.disarm?.();
    this.disarm = null;
    this.armedAt = Infinity;
  }

  private pushVisible(m: StoredMessage, tell = false): void {
    m.state = VISIBLE;
    this.counts.visible++;
    this.visibleList.push(m);
    if (tell) this.onAvailable();
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.visibleList.length) {
      this.visibleList = this.visibleList.slice(this.head);
      this.head = 0;
    }
  }

  private schedule(m: StoredMessage, at: number): void {
    m.deadline = this.deadlines.add(at, m);
    if (at < this.armedAt) this.arm(at);
  }

  private arm(at: number): void {
    this.disarm?.();
    this.armedAt = at;
    this.disarm = this.clock.setTimer(() => this.due(), at - this.clock.now());
  }

  /** Visibility timeouts and delays that ended become visible, in the order they ended. */
  private due(): void {
    this.disarm = null;
    this.armedAt = Infinity;
    const now = this.clock.now();
    let any = false;
    for (let t = this.deadlines.popDue(now); t; t = this.deadlines.popDue(now)) {
      const m = t.fn;
      m.deadline = null;
      if (m.state === IN_FLIGHT) this.counts.inFlight--;
      else this.counts.delayed--;
      this.pushVisible(m);
      any = true;
    }
    const next = this.deadlines.peek();
    if (next) this.arm(next.at);
    if (any) this.onAvailable();
  }
}
