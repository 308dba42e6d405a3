/** The part of runtime/platform.ts's Platform the UI uses, so the store can be driven by the real Platform or a test double. */
import type { Files, Project } from '@/runtime/project/types';
import type { HttpRequest } from '@/runtime/gateway/types';
import type {
  DeployResult, DeploymentState, InvokeResult, LogEntry, PlatformListener, RequestResult,
} from '@/runtime/platform-types';
import type { ClockState, SourceInfo } from '@/runtime/sources/types';

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
  /** Fires one source now; `payload` is JSON text, empty for the source's default event. */
  fire(sourceId: string, payload?: string): Promise<void>;
  readonly clock: PlatformClockApi;
  on(listener: PlatformListener): () => void;
  readonly state: DeploymentState;
  readonly project: Project | null;
  readonly logs: { since(seq: number): LogEntry[]; all(): LogEntry[]; clear(): void };
  dispose(): void;
}
