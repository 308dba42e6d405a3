/** Event sources and the platform clock: the sources list, per-source payload drafts, Fire, pause/resume and fast-forward. */
import type { PlatformEvent } from '@/runtime/platform-types';
import type { ClockState, SourceInfo } from '@/runtime/sources/types';
import type { SliceCreator } from './workbench-state';

/** The two platform events this slice follows. */
export type EventsPlatformEvent = Extract<PlatformEvent, { type: 'sources' | 'clock' }>;

export type FireStatus =
  | { kind: 'firing' }
  /** `at` is the platform clock's time (epoch ms) when the fire was handed over. */
  | { kind: 'fired'; at: number }
  | { kind: 'error'; message: string };

export type FastForwardStatus =
  | { kind: 'running'; ms: number }
  | { kind: 'done'; ms: number; fired: number }
  | { kind: 'error'; ms: number; message: string };

export interface EventsSlice {
  sources: SourceInfo[];
  /** null until a platform is attached. */
  clock: ClockState | null;
  /** Edited payloads by source id; a source without one shows its defaultPayload. */
  payloadDrafts: Record<string, string>;
  fireStatus: Record<string, FireStatus>;
  fastForward: FastForwardStatus | null;
  /** Reads sources and clock from the attached platform (after attach and after a deploy). */
  syncEvents(): void;
  handleEventsEvent(event: EventsPlatformEvent): void;
  setPayload(sourceId: string, text: string): void;
  fire(sourceId: string): Promise<void>;
  pauseClock(): void;
  resumeClock(): void;
  fastForwardBy(ms: number): Promise<void>;
}

/** The payload shown for a source: the edited draft, or its default. */
export function payloadText(state: Pick<EventsSlice, 'payloadDrafts'>, source: SourceInfo): string {
  return state.payloadDrafts[source.id] ?? source.defaultPayload;
}

/** Why a payload cannot be sent, or null when it can (empty means the source's default event). */
export function payloadError(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `The payload is not valid JSON: ${(error as Error).message}`;
  }
}

function sameSources(a: SourceInfo[], b: SourceInfo[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const t = b[i];
    return s.id === t.id && s.label === t.label && s.expression === t.expression && s.enabled === t.enabled
      && s.nextFireAt === t.nextFireAt && s.defaultPayload === t.defaultPayload && s.functionName === t.functionName;
  });
}

const sameClock = (a: ClockState | null, b: ClockState | null) => a === b || (!!a && !!b && a.mode === b.mode && a.now === b.now);

export const createEventsSlice: SliceCreator<EventsSlice> = (set, get) => {
  /** While a fast-forward runs, each fired schedule moves a nextFireAt: only the last list is applied, at the end. */
  let heldSources: SourceInfo[] | null = null;

  const applySources = (sources: SourceInfo[]) => {
    if (!sameSources(get().sources, sources)) set({ sources });
  };
  const applyClock = (clock: ClockState | null) => {
    if (!sameClock(get().clock, clock)) set({ clock });
  };
  const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

  return {
    sources: [],
    clock: null,
    payloadDrafts: {},
    fireStatus: {},
    fastForward: null,

    syncEvents() {
      const platform = get().platform;
      applySources(platform ? platform.sources() : []);
      applyClock(platform ? platform.clock.state() : null);
    },

    handleEventsEvent(event) {
      if (event.type === 'clock') {
        if (get().fastForward?.kind !== 'running') applyClock(event.state);
      } else if (get().fastForward?.kind === 'running') {
        heldSources = event.sources;
      } else {
        applySources(event.sources);
      }
    },

    setPayload(sourceId, text) {
      set((s) => ({ payloadDrafts: { ...s.payloadDrafts, [sourceId]: text } }));
    },

    async fire(sourceId) {
      const { platform, sources } = get();
      const source = sources.find((s) => s.id === sourceId);
      if (!platform || !source) return;
      const text = payloadText(get(), source);
      const setStatus = (status: FireStatus) => set((s) => ({ fireStatus: { ...s.fireStatus, [sourceId]: status } }));
      const invalid = payloadError(text);
      if (invalid) {
        setStatus({ kind: 'error', message: invalid });
        return;
      }
      setStatus({ kind: 'firing' });
      const at = platform.clock.state().now;
      try {
        await platform.fire(sourceId, text.trim() === '' ? undefined : text);
        setStatus({ kind: 'fired', at });
      } catch (error) {
        setStatus({ kind: 'error', message: errorText(error) });
      }
    },

    pauseClock() {
      const platform = get().platform;
      if (!platform) return;
      platform.clock.pause();
      applyClock(platform.clock.state());
    },

    resumeClock() {
      const platform = get().platform;
      if (!platform) return;
      platform.clock.resume();
      applyClock(platform.clock.state());
    },

    async fastForwardBy(ms) {
      const platform = get().platform;
      if (!platform || get().fastForward?.kind === 'running') return;
      heldSources = null;
      set({ fastForward: { kind: 'running', ms } });
      let status: FastForwardStatus;
      try {
        status = { kind: 'done', ms, fired: await platform.clock.fastForward(ms) };
      } catch (error) {
        status = { kind: 'error', ms, message: errorText(error) };
      }
      set({ fastForward: status });
      if (heldSources) applySources(heldSources);
      heldSources = null;
      applyClock(platform.clock.state());
    },
  };
};
