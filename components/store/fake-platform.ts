/** A test double of the Platform for the store's tests: records deploys and fires, holds sources, resources and data in memory. */
import { vi } from 'vitest';
import type { Files } from '@/runtime/project/types';
import type { DeployResult, DeploymentState, PlatformEvent, PlatformListener } from '@/runtime/platform-types';
import type { ClockState, SourceInfo } from '@/runtime/sources/types';
import type { ResourcesView, ServicesSnapshot, StoredObject } from '@/runtime/services/types';
import type { PlatformApi, PlatformDataApi } from './platform-api';

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

export const EMPTY_VIEW: ResourcesView = { buckets: [], queues: [], topics: [], buses: [], tables: [] };

export function emptySnapshot(): ServicesSnapshot {
  return { v: 1, buckets: {}, tables: {} };
}

export function fakePlatform() {
  const deployed: Files[] = [];
  let state: DeploymentState = { status: 'idle' };
  const listeners = new Set<PlatformListener>();
  const clockState: ClockState = { mode: 'real', now: T0 };
  let sources: SourceInfo[] = [];
  let view: ResourcesView = EMPTY_VIEW;
  let finishForward: ((fired: number) => void) | null = null;
  /** What the data API holds: a snapshot the tests set and read. */
  let snapshot = emptySnapshot();
  const emit = (event: PlatformEvent) => listeners.forEach((l) => l(event));
  const resourcesEvent = { type: 'resources' } as unknown as PlatformEvent;

  const data: PlatformDataApi = {
    getObject: vi.fn((bucket: string, key: string): StoredObject | undefined => snapshot.buckets[bucket]?.find((o) => o.key === key)),
    deleteObject: vi.fn(async () => {}),
    putItem: vi.fn(async () => {}),
    deleteItem: vi.fn(async () => {}),
    purgeQueue: vi.fn(),
    snapshot: vi.fn(() => snapshot),
    restore: vi.fn((s: ServicesSnapshot) => { snapshot = s; }),
    clear: vi.fn(() => {
      snapshot = emptySnapshot();
      emit(resourcesEvent);
    }),
  };

  const platform: PlatformApi = {
    deploy: vi.fn(async (files: Files): Promise<DeployResult> => {
      deployed.push(files);
      state = { status: 'ready', version: deployed.length, engine: { kind: 'worker', reason: 'test' } };
      return { ok: true, version: deployed.length, diagnostics: [] };
    }),
    request: vi.fn(async () => ({
      requestId: 'r1', durationMs: 1.5, functionName: 'hello', routeKey: 'GET /hello',
      response: { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'Hello, Ada!', isBase64Encoded: false, cookies: [] },
    })),
    invoke: vi.fn(async (functionName: string, event: unknown) => ({ requestId: 'r2', functionName, ok: true, result: event, durationMs: 2 })),
    sources: () => sources,
    fire: vi.fn(async () => {}),
    resources: vi.fn(() => view),
    data,
    clock: {
      state: () => ({ ...clockState }),
      pause: vi.fn(() => { clockState.mode = 'paused'; }),
      resume: vi.fn(() => { clockState.mode = 'real'; }),
      fastForward: vi.fn((ms: number) => new Promise<number>((resolve) => {
        finishForward = (fired) => {
          clockState.now += ms;
          resolve(fired);
        };
      })),
    },
    on: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    get state() {
      return state;
    },
    project: null,
    logs: { since: () => [], all: () => [], clear: () => {} },
    terminal: { text: () => '', clear: () => {} },
    dispose: () => {},
  };
  return {
    platform,
    data,
    deployed,
    setSources: (next: SourceInfo[]) => { sources = next; },
    setView: (next: ResourcesView) => { view = next; },
    setSnapshot: (next: ServicesSnapshot) => { snapshot = next; },
    finishForward: (fired: number) => finishForward?.(fired),
    /** The runtime's "re-read platform.resources()" event. */
    emitResources: () => emit(resourcesEvent),
    emit,
    listenerCount: () => listeners.size,
  };
}
