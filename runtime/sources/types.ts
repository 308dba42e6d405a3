/** The event sources a deployed project has (issue 3): what the Events panel lists, what `Platform.fire` takes, and what sources need of the platform. */
import type { Clock } from '../clock';
import type { InvokeOutcome } from '../engines/engine';

export type SourceKind = 'schedule' | 'bucket' | 'queue' | 'topic' | 'bus' | 'table';

interface SourceBase {
  /** Stable id: 'schedule:hello:1', 'bucket:uploads', 'queue:orders', 'topic:alerts', 'bus:default', 'table:orders'. */
  id: string;
  kind: SourceKind;
  /** The accessible name of its group (CONTRACTS.md §4): 'schedule: hello', 'schedule: hello #2', 'bucket: uploads', … */
  label: string;
  /** The functions it triggers (a bucket, queue, topic or bus may trigger none: it can still be fired). */
  targets: string[];
  /** The payload the Fire button sends by default: JSON text, or the message text for a queue or topic. */
  defaultPayload: string;
}

/** One schedule (an EventBridge rule with a schedule expression). */
export interface ScheduleSourceInfo extends SourceBase {
  kind: 'schedule';
  /** The function it triggers. */
  functionName: string;
  /** As written: 'rate(5 minutes)' or 'cron(0 12 * * ? *)'. */
  expression: string;
  enabled: boolean;
  /** Epoch ms of the next fire on the platform's clock, or null when disabled / never. */
  nextFireAt: number | null;
}

/**
 * A resource that sends events: Fire uploads an object (bucket: the payload or a chosen file, at `Key`), sends a
 * message (queue), publishes (topic), puts an event (bus: the payload is a PutEvents entry or a whole event), or puts
 * an item (table: the payload is the item as plain JSON).
 */
export interface ResourceSourceInfo extends SourceBase {
  kind: 'bucket' | 'queue' | 'topic' | 'bus' | 'table';
  /** The resource's name. */
  name: string;
  /** A bucket's suggested key (one its notification filters accept). */
  defaultKey?: string;
}

export type SourceInfo = ScheduleSourceInfo | ResourceSourceInfo;

/** What `Platform.fire` takes besides the payload: a bucket upload's key and file. */
export interface FireOptions {
  key?: string;
  /** A chosen file's bytes (instead of the payload text). */
  body?: Uint8Array;
  contentType?: string;
}

/** The platform's clock as the clock control sees it. */
export interface ClockState {
  mode: 'real' | 'paused';
  /** Epoch ms, virtual. */
  now: number;
}

/**
 * What an event source needs of the platform. `trigger` is the source's id ('bucket:uploads', 'schedule:hello:1'): the
 * invocation carries it (`invocation-start`), so the diagram can light the edge it travelled.
 */
export interface SourceHost {
  clock: Clock;
  account: string;
  region(): string;
  /**
   * An asynchronous (Event) invocation with Lambda's two retries: S3, SNS, EventBridge and schedules invoke this way.
   * Called while an SDK call is answered (an upload, a publish, a put event), the invocation is that call's doing.
   */
  invokeAsync(functionName: string, event: unknown, trigger: string): Promise<void>;
  /**
   * A synchronous invocation, as an event source mapping (SQS, DynamoDB streams) makes; never rejects. `causes`: the
   * SDK calls that wrote the batch's records (see `cause()`), for traces.
   */
  invoke(functionName: string, event: unknown, trigger: string, causes?: readonly string[]): Promise<InvokeOutcome>;
  /** The SDK call being answered now, if any (a mapping records it with each message or stream record it will batch). */
  cause(): string | null;
  /** A platform line in the Logs, under the function. */
  log(functionName: string, level: 'info' | 'warn' | 'error', text: string): void;
  /** The sources list or a next fire time changed. */
  changed(): void;
}
