/** The deployed stack's resources while the manifest is read: declared ones by logical id, and those events imply, by name. */
import type { BucketDef, BusDef, ProjectResources, QueueDef, TableDef, TopicDef } from './types';
import type { Node } from 'yaml';
import type { IntrinsicScope, ResourceRefs } from './intrinsics';
import type { Entry } from './yaml-positions';

/** SQS's defaults for a queue created without settings. */
export const QUEUE_DEFAULTS = { visibilityTimeout: 30, messageRetentionPeriod: 345_600, delaySeconds: 0, fifo: false } as const;

type Kind = keyof ProjectResources;

export class ResourceSet {
  readonly buckets: BucketDef[] = [];
  readonly queues: QueueDef[] = [];
  readonly topics: TopicDef[] = [];
  /** Every account has the default bus. */
  readonly buses: BusDef[] = [{ logicalId: null, name: 'default', line: 0 }];
  readonly tables: TableDef[] = [];
  private readonly refs = new Map<string, () => ResourceRefs>();
  private readonly cache = new Map<string, ResourceRefs>();

  constructor(
    readonly region: string,
    readonly accountId: string,
    /** The framework's stack name, `<service>-<stage>`. */
    readonly stackName: string,
  ) {}

  /** Registers what `Ref`/`Fn::GetAtt` give for a logical id; computed on first use (names may refer to each other). */
  declare(logicalId: string, refs: () => ResourceRefs): void {
    this.refs.set(logicalId, refs);
  }

  hasLogicalId(logicalId: string): boolean {
    return this.refs.has(logicalId);
  }

  /** The scope intrinsic functions resolve in. */
  scope(): IntrinsicScope {
    return {
      region: this.region,
      accountId: this.accountId,
      stackName: this.stackName,
      resource: (id) => {
        const cached = this.cache.get(id);
        if (cached) return cached;
        const make = this.refs.get(id);
        if (!make) return undefined;
        const refs = make();
        this.cache.set(id, refs);
        return refs;
      },
      logicalIds: () => [...this.refs.keys()],
    };
  }

  bucket(name: string): BucketDef | undefined {
    return this.buckets.find((b) => b.name === name);
  }

  queue(name: string): QueueDef | undefined {
    return this.queues.find((q) => q.name === name);
  }

  topic(name: string): TopicDef | undefined {
    return this.topics.find((t) => t.name === name);
  }

  bus(name: string): BusDef | undefined {
    return this.buses.find((b) => b.name === name);
  }

  table(name: string): TableDef | undefined {
    return this.tables.find((t) => t.name === name);
  }

  /** The resource of that name, or a new one with logicalId null, as the framework creates for an event. */
  implyBucket(name: string, line: number): BucketDef {
    return this.bucket(name) ?? this.push('buckets', { logicalId: null, name, line });
  }

  implyTopic(name: string, line: number): TopicDef {
    return this.topic(name) ?? this.push('topics', { logicalId: null, name, line });
  }

  implyBus(name: string, line: number): BusDef {
    return this.bus(name) ?? this.push('buses', { logicalId: null, name, line });
  }

  /** A queue known only by its ARN: the playground creates it with SQS's defaults. */
  implyQueue(name: string, line: number): QueueDef {
    return this.queue(name) ?? this.push('queues', { logicalId: null, name, line, ...QUEUE_DEFAULTS, fifo: name.endsWith('.fifo') });
  }

  push<K extends Kind>(kind: K, def: ProjectResources[K][number]): ProjectResources[K][number] {
    (this[kind] as Array<ProjectResources[K][number]>).push(def);
    return def;
  }

  toProject(): ProjectResources {
    return { buckets: this.buckets, queues: this.queues, topics: this.topics, buses: this.buses, tables: this.tables };
  }
}

/** The resource types the playground simulates, by CloudFormation type. */
export const RESOURCE_KINDS = {
  'AWS::S3::Bucket': 'bucket',
  'AWS::SQS::Queue': 'queue',
  'AWS::SNS::Topic': 'topic',
  'AWS::DynamoDB::Table': 'table',
  'AWS::Events::EventBus': 'bus',
} as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[keyof typeof RESOURCE_KINDS];

/** One simulated resource of `resources.Resources`, with its supported properties. */
export interface DeclaredResource {
  logicalId: string;
  kind: ResourceKind;
  type: string;
  props: Entry[];
  /** Where its properties are, for messages: 'resources.Resources.OrdersQueue.Properties'. */
  path: string;
  line: number;
  keyNode: Node;
}
