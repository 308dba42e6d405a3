/**
 * The simulated AWS account around the functions: the services they call (S3, SQS, SNS, EventBridge, DynamoDB) and the
 * event sources that turn what happens in them (an upload, a message, a publish, an event, a table change, a tick of
 * the clock) into invocations.
 */
import type { Project } from './project/types';
import type {
  CallOrigin, ResourcesView, ServiceCall, ServiceEnv, ServiceReply, ServicesSnapshot, StoredObject,
} from './services/types';
import type { FireOptions, SourceHost, SourceInfo } from './sources/types';
import { errorInfo } from './services/aws-error';
import { BucketService } from './services/bucket-service';
import { QueueService } from './services/queue-service';
import { TopicService } from './services/topic-service';
import { BusService } from './services/bus-service';
import { TableService } from './services/table-service';
import { ScheduleSources } from './sources/schedule-sources';
import { BucketNotifications } from './sources/s3-notifications';
import { QueueEventSources } from './sources/sqs-event-source';
import { TopicSubscriptions } from './sources/sns-subscriptions';
import { EventBridgeRules } from './sources/event-bridge-rules';
import { TableStreamSources } from './sources/dynamodb-stream-source';
import { DEFAULT_OBJECT_TEXT, defaultBucketKey, defaultBusEntry, defaultItem, defaultMessage } from './sources/default-payloads';
import { resourceOf } from './services/call-resource';

export interface CloudHost extends Omit<SourceHost, 'cause' | 'invokeAsync'> {
  /** SourceHost's, with the SDK calls that caused it (the call being answered when a notification went out; traces). */
  invokeAsync(functionName: string, event: unknown, trigger: string, causes: readonly string[]): Promise<void>;
  /** Something in a bucket, queue, topic, bus or table changed. */
  resourcesChanged(): void;
  /** A function's SDK call was answered; `callId` is what invocations it caused name as their cause. */
  called(call: ServiceCall, from: CallOrigin, resource: string | null, reply: ServiceReply, callId: string): void;
  /** A message moved from a queue to its dead-letter queue. */
  redriven(queue: string, deadLetterQueue: string): void;
}

const NO_CAUSES: readonly string[] = [];

const utf8 = new TextEncoder();

export class Cloud {
  private readonly s3: BucketService;
  private readonly sqs: QueueService;
  private readonly sns: TopicService;
  private readonly events: BusService;
  private readonly dynamodb: TableService;
  private readonly schedules: ScheduleSources;
  private readonly notifications: BucketNotifications;
  private readonly queueSources: QueueEventSources;
  private readonly subscriptions: TopicSubscriptions;
  private readonly rules: EventBridgeRules;
  private readonly streams: TableStreamSources;
  private project: Project | null = null;
  private callSeq = 0;
  /** The SDK call being answered (answers are synchronous): whatever it makes happen is its doing. */
  private answering: string | null = null;

  constructor(private readonly host: CloudHost) {
    const changed = host.resourcesChanged;
    // Event source mappings delete what they processed: the views change after each of their invocations.
    const cause = () => this.answering;
    const sourceHost: SourceHost = {
      ...host,
      invoke: (fn, event, trigger, causes) => host.invoke(fn, event, trigger, causes).finally(changed),
      invokeAsync: (fn, event, trigger) => host.invokeAsync(fn, event, trigger, this.answering === null ? NO_CAUSES : [this.answering]),
      cause,
    };
    const env: ServiceEnv = { clock: host.clock, region: host.region, account: host.account, cause };
    this.schedules = new ScheduleSources(sourceHost);
    this.notifications = new BucketNotifications(sourceHost);
    this.queueSources = new QueueEventSources(sourceHost, (this.sqs = new QueueService(env, (q) => {
      this.queueSources.wake(q);
      changed();
    }, host.redriven)));
    this.subscriptions = new TopicSubscriptions(sourceHost);
    this.rules = new EventBridgeRules(sourceHost);
    this.streams = new TableStreamSources(sourceHost);
    this.s3 = new BucketService(env, (notice) => {
      this.notifications.notify(notice);
      changed();
    });
    this.sns = new TopicService(env, (notice) => {
      this.subscriptions.notify(notice);
      changed();
    });
    this.events = new BusService(env, (bus, event) => {
      this.rules.notify(bus, event);
      changed();
    });
    this.dynamodb = new TableService(env, (change) => this.streams.notify(change));
  }

  /** A new version: resources are created (kept ones keep their data), then the sources start on them. */
  deploy(project: Project): void {
    this.project = project;
    const r = project.resources;
    this.s3.deploy(r.buckets.map((b) => b.name));
    this.sqs.deploy(r.queues);
    this.sns.deploy(r.topics.map((t) => t.name));
    this.events.deploy(r.buses.map((b) => b.name));
    this.dynamodb.deploy(r.tables);
    this.schedules.deploy(project);
    this.notifications.deploy(project);
    this.queueSources.deploy(project);
    this.subscriptions.deploy(project);
    this.rules.deploy(project);
    this.streams.deploy(project);
    this.host.resourcesChanged();
  }

  /** The Events panel's groups: schedules, then buckets, queues, topics, buses (declared or targeted) and tables. */
  sources(): SourceInfo[] {
    const p = this.project;
    if (!p) return [];
    const r = p.resources;
    const out: SourceInfo[] = this.schedules.list();
    for (const b of r.buckets) {
      out.push({
        id: `bucket:${b.name}`, kind: 'bucket', label: `bucket: ${b.name}`, name: b.name,
        targets: this.notifications.targets(b.name), defaultPayload: DEFAULT_OBJECT_TEXT, defaultKey: defaultBucketKey(p, b.name),
      });
    }
    for (const q of r.queues) {
      out.push({ id: `queue:${q.name}`, kind: 'queue', label: `queue: ${q.name}`, name: q.name, targets: this.queueSources.consumers(q.name), defaultPayload: defaultMessage() });
    }
    for (const t of r.topics) {
      out.push({ id: `topic:${t.name}`, kind: 'topic', label: `topic: ${t.name}`, name: t.name, targets: this.subscriptions.targets(t.name), defaultPayload: 'Hello from Serverless Playground!' });
    }
    for (const b of r.buses) {
      const targets = this.rules.targets(b.name);
      // Every account has the default bus; it is listed once something uses it.
      if (b.name === 'default' && b.logicalId === null && targets.length === 0) continue;
      out.push({ id: `bus:${b.name}`, kind: 'bus', label: `bus: ${b.name}`, name: b.name, targets, defaultPayload: defaultBusEntry(p, b.name) });
    }
    for (const t of r.tables) {
      out.push({ id: `table:${t.name}`, kind: 'table', label: `table: ${t.name}`, name: t.name, targets: this.streams.consumers(t.name), defaultPayload: defaultItem(t) });
    }
    return out;
  }

  /** Fires a source as its service would: a schedule's event, an upload, a message, a publish, an event, an item. */
  async fire(sourceId: string, payload = '', opts: FireOptions = {}): Promise<void> {
    const colon = sourceId.indexOf(':');
    const kind = sourceId.slice(0, colon);
    const name = sourceId.slice(colon + 1);
    // The list is built only for a default payload or key: a load of messages should not rebuild it per message.
    const source = () => {
      const found = this.sources().find((s) => s.id === sourceId);
      if (!found) throw new Error(`No event source '${sourceId}' in the deployed version`);
      return found;
    };
    if (!this.hasSource(kind, name)) source();
    const text = payload.trim() ? payload : source().defaultPayload;
    switch (kind) {
      case 'schedule':
        return this.schedules.fire(sourceId, payload);
      case 'bucket': {
        const s = opts.key?.trim() ? null : source();
        const key = opts.key?.trim() || (s?.kind === 'bucket' ? s.defaultKey : undefined) || 'example.txt';
        this.s3.put(name, key, opts.body ?? utf8.encode(text), { contentType: opts.contentType || (opts.body ? 'application/octet-stream' : 'text/plain'), principalId: CONSOLE_PRINCIPAL });
        return;
      }
      case 'queue':
        this.sqs.send(name, text);
        return;
      case 'topic':
        this.sns.publish(name, text);
        return;
      case 'bus':
        this.events.put(name, parseJson(text, 'The event'));
        return;
      case 'table':
        this.dynamodb.putPlain(name, parseJson(text, 'The item'));
        this.host.resourcesChanged();
        return;
    }
  }

  /** A function's SDK call: answered by its service, recorded, and never a rejection (errors are replies, as AWS's are). */
  async call(call: ServiceCall, from: CallOrigin): Promise<ServiceReply> {
    let reply: ServiceReply;
    const callId = `call-${++this.callSeq}`;
    this.answering = callId;
    try {
      reply = { ok: true, output: this.answer(call, from) };
    } catch (err) {
      reply = { ok: false, error: errorInfo(err) };
    } finally {
      this.answering = null;
    }
    this.host.called(call, from, resourceOf(call), reply, callId);
    this.host.resourcesChanged();
    return reply;
  }

  resources(): ResourcesView {
    return {
      buckets: this.s3.views(),
      queues: this.sqs.views((q) => this.queueSources.consumers(q)),
      topics: this.sns.views((t) => this.subscriptions.targets(t)),
      buses: this.events.views((b) => this.rules.targets(b)),
      tables: this.dynamodb.views(),
    };
  }

  /** The data API the Resources panel and persistence use. */
  readonly data = {
    getObject: (bucket: string, key: string): StoredObject | undefined => this.s3.get(bucket, key),
    deleteObject: async (bucket: string, key: string): Promise<void> => {
      this.s3.delete(bucket, key, CONSOLE_PRINCIPAL);
    },
    putItem: async (table: string, item: Record<string, unknown>): Promise<void> => {
      this.dynamodb.putPlain(table, item);
      this.host.resourcesChanged();
    },
    deleteItem: async (table: string, key: Record<string, unknown>): Promise<void> => {
      this.dynamodb.deletePlain(table, key);
      this.host.resourcesChanged();
    },
    purgeQueue: (queue: string): void => {
      this.sqs.purge(queue);
      this.host.resourcesChanged();
    },
    snapshot: (): ServicesSnapshot => ({ v: 1, buckets: this.s3.snapshot(), tables: this.dynamodb.snapshot() }),
    restore: (snapshot: ServicesSnapshot): void => {
      if (snapshot?.v !== 1) return;
      this.s3.restore(snapshot.buckets ?? {});
      this.dynamodb.restore(snapshot.tables ?? {});
      this.host.resourcesChanged();
    },
    clear: (): void => {
      this.s3.clear();
      this.dynamodb.clear();
      for (const q of this.project?.resources.queues ?? []) this.sqs.purge(q.name);
      this.host.resourcesChanged();
    },
  };

  stop(): void {
    this.schedules.stop();
    this.queueSources.stop();
    this.rules.stop();
    this.streams.stop();
  }

  private hasSource(kind: string, name: string): boolean {
    switch (kind) {
      case 'bucket':
        return this.s3.has(name);
      case 'queue':
        return this.sqs.has(name);
      case 'topic':
        return this.sns.has(name);
      case 'bus':
        return this.events.has(name);
      case 'table':
        return this.dynamodb.has(name);
      default:
        return false;
    }
  }

  private answer(call: ServiceCall, from: CallOrigin): Record<string, unknown> {
    const input = call.input ?? {};
    switch (call.service) {
      case 's3':
        return this.s3.handle(call.operation, input, functionPrincipal(from.functionName));
      case 'sqs':
        return this.sqs.handle(call.operation, input, from);
      case 'sns':
        return this.sns.handle(call.operation, input);
      case 'eventbridge':
        return this.events.handle(call.operation, input);
      case 'dynamodb':
        return this.dynamodb.handle(call.operation, input);
      default:
        throw new Error(`Unknown service '${String(call.service)}'`);
    }
  }
}

/** Who S3 names in a notification: the console user for an upload from the page, the function's role for its calls. */
const CONSOLE_PRINCIPAL = 'AWS:AIDAPLAYGROUNDCONSOLE';
const functionPrincipal = (fn: string) => `AWS:AROAPLAYGROUNDROLE:${fn}`;

function parseJson(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}
