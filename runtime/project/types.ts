/** The playground's model of a serverless.yml project (the subset in CONTRACTS.md §1). */

/** A project is a flat map of POSIX-style relative paths ("src/handler.ts") to file text. */
export type Files = Record<string, string>;

export type Severity = 'error' | 'warning';

/** A problem found in a file, with 1-based line and column, as an editor marker shows it. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Runtime =
  | 'nodejs18.x' | 'nodejs20.x' | 'nodejs22.x'
  | 'python3.11' | 'python3.12' | 'python3.13';

/** `cors: true` or the object form of provider.httpApi.cors, normalised. */
export interface CorsConfig {
  allowedOrigins: string[];
  allowedHeaders: string[];
  allowedMethods: string[];
  allowCredentials: boolean;
  exposedResponseHeaders: string[];
  maxAge?: number;
}

/** One `- httpApi:` event of a function, normalised. method is upper case, 'ANY', or '*' (catch-all route). */
export interface HttpApiEventDef {
  kind: 'httpApi';
  method: string;
  /** '/users/{id}', '/files/{proxy+}', or '*' for the catch-all `httpApi: '*'`. */
  path: string;
  /** As API Gateway names it: 'GET /hello', 'ANY /x', or '$default' for '*'. */
  routeKey: string;
  /** Where it was written, for diagnostics (duplicate routes etc.). */
  line: number;
}

/** One schedule of a `- schedule:` event (a `rate: [a, b]` list gives one each), as an EventBridge rule. */
export interface ScheduleEventDef {
  kind: 'schedule';
  /** As written: 'rate(5 minutes)' or 'cron(0 12 * * ? *)'. */
  expression: string;
  enabled: boolean;
  /** `input:` replaces the Scheduled Event as the function's event, as the rule's target Input does. */
  input?: unknown;
  line: number;
}

/** `- s3:` — the bucket's notification configuration for this function. */
export interface S3EventDef {
  kind: 's3';
  /** The bucket's name (physical): `bucket: uploads`, or resolved from `!Ref UploadsBucket`. */
  bucket: string;
  /** As written, e.g. 's3:ObjectCreated:*' (the framework's default) or 's3:ObjectRemoved:Delete'. */
  event: string;
  /** Key filters: S3 allows at most one prefix and one suffix. */
  prefix?: string;
  suffix?: string;
  /** `existing: true`: the bucket is not created by this service (the playground simulates it all the same). */
  existing: boolean;
  line: number;
}

/** `- sqs:` — an event source mapping polling a queue. */
export interface SqsEventDef {
  kind: 'sqs';
  /** The queue's name, resolved from `arn:` (an ARN string, `!GetAtt Q.Arn` or `Fn::GetAtt`). */
  queue: string;
  /** 1–10,000; default 10. */
  batchSize: number;
  /** Seconds, 0–300; default 0. */
  maximumBatchingWindow: number;
  /** `functionResponseType: ReportBatchItemFailures`. */
  reportBatchItemFailures: boolean;
  /** `maximumConcurrency:` (2–1000), if set. */
  maximumConcurrency?: number;
  enabled: boolean;
  line: number;
}

/** `- sns:` — a subscription of the function to a topic. */
export interface SnsEventDef {
  kind: 'sns';
  /** The topic's name: `sns: alerts`, `topicName:`, or from `arn:`. */
  topic: string;
  /** `filterPolicy:` (message attributes), if any. */
  filterPolicy?: Record<string, unknown>;
  line: number;
}

/** `- eventBridge:` — a rule on an event bus with this function as its target. */
export interface EventBridgeEventDef {
  kind: 'eventBridge';
  /** The bus's name: 'default' unless `eventBus:` names (or ARNs) another. */
  bus: string;
  /** The rule's event pattern (EventBridge's matching rules). */
  pattern?: Record<string, unknown>;
  /** `schedule:` on an eventBridge event (a rule with a schedule instead of a pattern). */
  schedule?: string;
  /** `input:` replaces the matched event as the function's event. */
  input?: unknown;
  /** `inputPath:` ('$.detail') selects part of the event. */
  inputPath?: string;
  enabled: boolean;
  line: number;
}

/** `- stream:` of `type: dynamodb` — an event source mapping reading a table's stream. */
export interface StreamEventDef {
  kind: 'stream';
  type: 'dynamodb';
  /** The table's name, resolved from `arn:` (`!GetAtt T.StreamArn` or a stream ARN string). */
  table: string;
  /** 1–10,000; default 10 (the framework writes BatchSize: 10). */
  batchSize: number;
  startingPosition: 'LATEST' | 'TRIM_HORIZON';
  /** `maximumRetryAttempts:` (-1 = until the record expires, the default). */
  maximumRetryAttempts: number;
  /** `functionResponseType: ReportBatchItemFailures`. */
  reportBatchItemFailures: boolean;
  enabled: boolean;
  line: number;
}

export type FunctionEventDef =
  | HttpApiEventDef | ScheduleEventDef | S3EventDef | SqsEventDef | SnsEventDef | EventBridgeEventDef | StreamEventDef;

/** Where a resource came from: `resources.Resources` (with its logical id), or implied by an event (as the framework does). */
interface ResourceOrigin {
  /** The CloudFormation logical id (`OrdersQueue`), or null when an event implied the resource. */
  logicalId: string | null;
  /** The physical name (what the SDK and the Events panel call it). */
  name: string;
  line: number;
}

export type BucketDef = ResourceOrigin;

export interface QueueDef extends ResourceOrigin {
  /** Seconds; default 30. */
  visibilityTimeout: number;
  /** Seconds; default 345,600 (4 days). */
  messageRetentionPeriod: number;
  /** Seconds; default 0. */
  delaySeconds: number;
  fifo: boolean;
  /** `RedrivePolicy`: after maxReceiveCount receives a message moves to the dead-letter queue (by name). */
  redrive?: { deadLetterQueue: string; maxReceiveCount: number };
}

export type TopicDef = ResourceOrigin;

export type BusDef = ResourceOrigin;

export type KeyAttributeType = 'S' | 'N' | 'B';

export interface TableDef extends ResourceOrigin {
  hashKey: { name: string; type: KeyAttributeType };
  rangeKey?: { name: string; type: KeyAttributeType };
  /** `StreamSpecification.StreamViewType`, or null without a stream. */
  streamViewType: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | null;
}

/** The simulated services' resources of a deployed project (declared in `resources.Resources` or implied by events). */
export interface ProjectResources {
  buckets: BucketDef[];
  queues: QueueDef[];
  topics: TopicDef[];
  /** Always includes 'default' (every account has the default bus). */
  buses: BusDef[];
  tables: TableDef[];
}

export interface FunctionDef {
  /** The key under `functions:`. */
  name: string;
  /** As written: 'handler.hello' or 'src/users.get'. */
  handler: string;
  /** The handler module path without extension, e.g. 'src/users'. */
  handlerModule: string;
  /** The exported name, e.g. 'get'. */
  handlerExport: string;
  runtime: Runtime;
  /** Seconds (framework default 6). */
  timeout: number;
  /** MB (framework default 1024). */
  memorySize: number;
  /** provider.environment merged with the function's own (function wins). */
  environment: Record<string, string>;
  events: FunctionEventDef[];
  reservedConcurrency?: number;
  provisionedConcurrency?: number;
  /** The deployed Lambda's name: the function's `name:`, else the framework's `<service>-<stage>-<key>`. */
  functionName?: string;
  /** The function's `description:`, if any. */
  description?: string;
  /** Line of the function's key in serverless.yml. */
  line: number;
}

/** `custom.playground`: the playground's own settings. */
export interface PlaygroundSettings {
  /** Which engine runs the functions (engine-choice.ts); null: chosen by the project's needs. */
  engine: import('./engine-choice').EngineSetting | null;
  /** Its line in serverless.yml, for an error there. */
  engineLine: number;
}

export interface Project {
  service: string;
  provider: {
    name: 'aws';
    runtime: Runtime;
    region: string;
    stage: string;
    timeout: number;
    memorySize: number;
    environment: Record<string, string>;
    httpApi: { cors: CorsConfig | null };
  };
  functions: Record<string, FunctionDef>;
  resources: ProjectResources;
  playground: PlaygroundSettings;
}

export interface ManifestResult {
  /** null when the manifest has errors: the last good deployment keeps serving. */
  project: Project | null;
  diagnostics: Diagnostic[];
}
