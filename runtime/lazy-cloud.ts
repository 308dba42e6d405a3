/**
 * The simulated services and event sources, loaded on first need (the first deploy): their code (SQS, DynamoDB's
 * expression language, EventBridge patterns, …) stays out of the JavaScript the page needs before it is Ready.
 */
import type { Cloud, CloudHost } from './cloud';
import type { Project } from './project/types';
import type { CallOrigin, ResourcesView, ServiceCall, ServiceReply, ServicesSnapshot, StoredObject } from './services/types';
import type { FireOptions, SourceInfo } from './sources/types';

const EMPTY_VIEW: ResourcesView = { buckets: [], queues: [], topics: [], buses: [], tables: [] };

export class LazyCloud {
  private cloud: Cloud | null = null;
  private loading: Promise<Cloud> | null = null;
  /** A snapshot restored before the services loaded: applied when they do, and what a save reads until then. */
  private restored: ServicesSnapshot | null = null;
  private stopped = false;
  /** The version serving now: deployed into the services when they load. */
  private project: Project | null = null;

  constructor(private readonly host: CloudHost) {}

  /** Loads the services (once); a deploy awaits this before it deploys resources. */
  load(): Promise<Cloud> {
    this.loading ??= import('./cloud').then(({ Cloud }) => {
      const cloud = new Cloud(this.host);
      if (this.stopped) return cloud;
      this.cloud = cloud;
      if (this.project) cloud.deploy(this.project);
      if (this.restored) cloud.data.restore(this.restored);
      this.restored = null;
      return cloud;
    });
    return this.loading;
  }

  /** Whether a version needs the services before it is Ready: it has event sources or resources (not just HTTP routes). */
  static needed(project: Project): boolean {
    const r = project.resources;
    const resources = r.buckets.length + r.queues.length + r.topics.length + r.tables.length + r.buses.filter((b) => b.logicalId !== null).length;
    return resources > 0 || Object.values(project.functions).some((fn) => fn.events.some((e) => e.kind !== 'httpApi'));
  }

  get loaded(): boolean {
    return this.cloud !== null;
  }

  deploy(project: Project): void {
    this.project = project;
    this.cloud?.deploy(project);
  }

  sources(): SourceInfo[] {
    return this.cloud?.sources() ?? [];
  }

  async fire(sourceId: string, payload: string, opts?: FireOptions): Promise<void> {
    return (await this.load()).fire(sourceId, payload, opts);
  }

  async call(call: ServiceCall, from: CallOrigin): Promise<ServiceReply> {
    return (await this.load()).call(call, from);
  }

  resources(): ResourcesView {
    return this.cloud?.resources() ?? EMPTY_VIEW;
  }

  readonly data = {
    getObject: (bucket: string, key: string): StoredObject | undefined => this.cloud?.data.getObject(bucket, key),
    deleteObject: async (bucket: string, key: string) => (await this.load()).data.deleteObject(bucket, key),
    putItem: async (table: string, item: Record<string, unknown>) => (await this.load()).data.putItem(table, item),
    deleteItem: async (table: string, key: Record<string, unknown>) => (await this.load()).data.deleteItem(table, key),
    purgeQueue: (queue: string): void => this.cloud?.data.purgeQueue(queue),
    snapshot: (): ServicesSnapshot => this.cloud?.data.snapshot() ?? this.restored ?? { v: 1, buckets: {}, tables: {} },
    restore: (snapshot: ServicesSnapshot): void => {
      if (this.cloud) this.cloud.data.restore(snapshot);
      else this.restored = snapshot;
    },
    clear: (): void => {
      this.restored = null;
      this.cloud?.data.clear();
    },
  };

  stop(): void {
    this.stopped = true;
    this.cloud?.stop();
    this.cloud = null;
  }
}
