/** The part of runtime/platform.ts's Platform the UI uses, so the store can be driven by the real Platform or a test double. */
import type { Files, Project } from '@/runtime/project/types';
import type { HttpRequest } from '@/runtime/gateway/types';
import type {
  DeployResult, DeploymentState, InvokeResult, LogEntry, PlatformListener, RequestResult,
} from '@/runtime/platform-types';

export interface PlatformApi {
  deploy(files: Files, opts?: { signal?: AbortSignal }): Promise<DeployResult>;
  request(req: HttpRequest): Promise<RequestResult>;
  invoke(functionName: string, event: unknown): Promise<InvokeResult>;
  on(listener: PlatformListener): () => void;
  readonly state: DeploymentState;
  readonly project: Project | null;
  readonly logs: { since(seq: number): LogEntry[]; all(): LogEntry[]; clear(): void };
  dispose(): void;
}
