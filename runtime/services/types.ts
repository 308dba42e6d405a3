/** The simulated AWS services (S3, SQS, SNS, EventBridge, DynamoDB): the calls functions make, what they notify, what the Resources panel shows. */
import type { Clock } from '../clock';

export type ServiceName = 's3' | 'sqs' | 'sns' | 'eventbridge' | 'dynamodb';

/**
 * One AWS SDK call from a function, as the SDK shim in the instance sends it: the command's name without 'Command'
 * ('PutObject', 'SendMessage', 'PutItem') and its input as given (DynamoDB in the wire format, AttributeValue maps;
 * S3 bodies as Uint8Array).
 */
export interface ServiceCall {
  service: ServiceName;
  operation: string;
  input: Record<string, unknown>;
}

/** An AWS error as the SDK throws it: `err.name` ('NoSuchKey'), message, HTTP status, and who is at fault. */
export interface AwsErrorInfo {
  name: string;
  message: string;
  statusCode: number;
  fault: 'client' | 'server';
}

export type ServiceReply =
  | { ok: true; output: Record<string, unknown> }
  | { ok: false; error: AwsErrorInfo };

/** Who made a call (for the recorded call, the diagram's run-time edges, and later IAM checks). */
export interface CallOrigin {
  functionName: string;
  requestId: string | null;
}

/** The page's side of SDK calls: answers a call from an instance. */
export type ServiceCallHandler = (call: ServiceCall, from: CallOrigin) => Promise<ServiceReply>;

/** What every simulated service gets: the platform's clock, and the deployed region and account. */
export interface ServiceEnv {
  clock: Clock;
  region(): string;
  account: string;
  /** The SDK call being answered now, if any: what a sent message or a table change records as its cause (traces). */
  cause?(): string | null;
}

// --- What services tell the event sources -------------------------------------------------------------

/** An object was created or removed: what S3 puts in a notification record. */
export interface ObjectNotice {
  bucket: string;
  /** 'ObjectCreated:Put' | 'ObjectCreated:Copy' | 'ObjectCreated:CompleteMultipartUpload' | 'ObjectRemoved:Delete' | … */
  eventName: string;
  /** The key as stored (not yet URL-encoded: the record encodes it). */
  key: string;
  /** Bytes; 0 for removals. */
  size: number;
  eTag?: string;
  versionId?: string;
  /** S3's hex sequencer, increasing per key. */
  sequencer: string;
  /** Epoch ms (simulation clock). */
  time: number;
  /** The principal that caused it ('AWS:AROA…:fn' for a function, the console user for an upload). */
  principalId: string;
}

/** A message published to a topic. */
export interface TopicNotice {
  topic: string;
  topicArn: string;
  messageId: string;
  message: string;
  subject?: string;
  /** SNS message attributes: { name: { Type: 'String', Value: 'x' } }. */
  messageAttributes: Record<string, { Type: string; Value: string }>;
  time: number;
}

/** A DynamoDB item-level change, as a stream record carries it (images in the wire format). */
export interface TableChange {
  table: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  keys: Record<string, unknown>;
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
  /** Increasing per table, as a decimal string (DynamoDB's are 21+ digits). */
  sequenceNumber: string;
  sizeBytes: number;
  time: number;
}

// --- What the Resources panel shows ----------------------------------------------------------------------

export interface ObjectView {
  key: string;
  size: number;
  lastModified: number;
  contentType: string;
  eTag: string;
}

export interface BucketView {
  name: string;
  arn: string;
  /** Sorted by key; at most `VIEW_LIMIT`. */
  objects: ObjectView[];
  objectCount: number;
  totalBytes: number;
}

export interface MessageView {
  messageId: string;
  /** The body, cut to 500 characters for the view. */
  body: string;
  receiveCount: number;
  state: 'visible' | 'in flight' | 'delayed';
  sentAt: number;
}

export interface QueueView {
  name: string;
  url: string;
  arn: string;
  /** ApproximateNumberOfMessages. */
  visible: number;
  /** ApproximateNumberOfMessagesNotVisible. */
  inFlight: number;
  /** ApproximateNumberOfMessagesDelayed. */
  delayed: number;
  /** Counters since the deploy that created the queue (what the "counts add up" checks read). */
  sent: number;
  deleted: number;
  /** Messages moved to the dead-letter queue from this one. */
  redriven: number;
  deadLetterQueue: string | null;
  maxReceiveCount: number | null;
  /** Another queue names this one as its dead-letter queue. */
  isDeadLetterQueue: boolean;
  /** Oldest first; at most `VIEW_LIMIT`. */
  messages: MessageView[];
}

export interface TopicView {
  name: string;
  arn: string;
  /** Subscribed functions. */
  subscribers: string[];
  published: number;
}

export interface BusView {
  name: string;
  arn: string;
  /** Functions with a rule on this bus. */
  targets: string[];
  put: number;
}

export interface TableView {
  name: string;
  arn: string;
  hashKey: string;
  rangeKey?: string;
  streamViewType: string | null;
  itemCount: number;
  /** Plain JSON (unmarshalled), sorted by key; at most `VIEW_LIMIT`. */
  items: Record<string, unknown>[];
}

export interface ResourcesView {
  buckets: BucketView[];
  queues: QueueView[];
  topics: TopicView[];
  buses: BusView[];
  tables: TableView[];
}

/** How many objects, messages or items a view lists per resource. */
export const VIEW_LIMIT = 200;

// --- What survives a reload --------------------------------------------------------------------------------

export interface StoredObject {
  key: string;
  body: Uint8Array;
  contentType: string;
  lastModified: number;
  eTag: string;
  metadata: Record<string, string>;
}

/** Bucket objects and table items (wire format), by resource name: kept in IndexedDB, restored on load. */
export interface ServicesSnapshot {
  v: 1;
  buckets: Record<string, StoredObject[]>;
  tables: Record<string, Record<string, unknown>[]>;
}
