/** The part of runtime/platform.ts's Platform the UI uses, so the store can be driven by the real Platform or a test double. */
import type { Files, Project } from '@/runtime/project/types';
import type { HttpRequest } from '@/runtime/gateway/types';
import type {
  DeployResult, DeploymentState, InvokeResult, LogEntry, PlatformListener, RequestResult,
} from '@/runtime/platform-types';
import type { ClockState, FireOptions, SourceInfo } from '@/runtime/sources/types';
import type { ResourcesView, ServicesSnapshot, StoredObject } from '@/runtime/services/types';

/** The platform's clock as the clock control drives it: pause, resume, and run the next stretch of time at once. */
export interface PlatformClockApi {
  state(): ClockState;
  pause(): void;
  resume(): void;
  /** Moves the virtual clock `ms` ahead, firing every timer due on the way; resolves with how many fired. */
  fastForward(ms: number): Promise<number>;
}

export interface PlatformApi {
  deploy(files: Files, opts?: { signal?: AbortSignal }): Promise<DeployResult>;
  request(req: HttpRequest): Promise<RequestResult>;
  invoke(functionName: string, event: unknown): Promise<InvokeResult>;
  /** The deployed project's event sources (empty when none). */
  sources(): SourceInfo[];
  /**
   * Fires one source now; `payload` is JSON text (the message text for a queue or topic), empty for the source's
   * default event. A bucket takes `opts.key` and, for a chosen file, `opts.body` and `opts.contentType`.
   */
  fire(sourceId: string, payload?: string, opts?: FireOptions): Promise<void>;
  /** Buckets, queues, topics, buses and tables with their contents (read it per frame after a 'resources' event). */
  resources(): ResourcesView;
  /** The data in the simulated services, as the Resources panel edits it and IndexedDB keeps it. */
  readonly data: PlatformDataApi;
  readonly clock: PlatformClockApi;
  on(listener: PlatformListener): () => void;
  readonly state: DeploymentState;
  readonly project: Project | null;
  readonly logs: { since(seq: number): LogEntry[]; all(): LogEntry[]; clear(): void };
  readonly terminal: { text(): string; clear(): void };
  dispose(): void;
}

export interface PlatformDataApi {
  /** An object's bytes, for download. */
  getObject(bucket: string, key: string): StoredObject | undefined;
  /** Deletes an object as DeleteObject does (an ObjectRemoved notification follows). */
  deleteObject(bucket: string, key: string): Promise<void>;
  /** Puts an item (plain JSON, marshalled as the DocumentClient does); a stream record follows. */
  putItem(table: string, item: Record<string, unknown>): Promise<void>;
  /** Deletes the item with this key (plain JSON). */
  deleteItem(table: string, key: Record<string, unknown>): Promise<void>;
  /** Drops every message of a queue, as PurgeQueue does. */
  purgeQueue(queue: string): void;
  /** Bucket objects and table items, for IndexedDB. */
  snapshot(): ServicesSnapshot;
  /** Puts a saved snapshot back (resources not deployed yet get their data when they are). No notifications fire. */
  restore(snapshot: ServicesSnapshot): void;
  /** Empties every bucket, queue and table. */
  clear(): void;
}
