/** Event sources and the platform clock: the sources list, per-source payload drafts, Fire, pause/resume and fast-forward. */
import type { PlatformEvent } from '@/runtime/platform-types';
import type { ClockState, FireOptions, SourceInfo } from '@/runtime/sources/types';
import type { SliceCreator } from './workbench-state';
import { payloadError, sameSources } from './source-payload';

export { payloadError } from './source-payload';

/** The two platform events this slice follows. */
export type EventsPlatformEvent = Extract<PlatformEvent, { type: 'sources' | 'clock' }>;

export type FireStatus =
  | { kind: 'firing' }
  /** `at` is the platform clock's time (epoch ms) when the fire was handed over. */
  | { kind: 'fired'; at: number; detail?: string }
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
  /** Edited bucket keys by source id; a bucket without one shows its defaultKey. */
  keyDrafts: Record<string, string>;
  fireStatus: Record<string, FireStatus>;
  fastForward: FastForwardStatus | null;
  /** Reads sources and clock from the attached platform (after attach and after a deploy). */
  syncEvents(): void;
  handleEventsEvent(event: EventsPlatformEvent): void;
  setPayload(sourceId: string, text: string): void;
  setKey(sourceId: string, key: string): void;
  /** Fires the source with its payload (a bucket: uploads the payload text at its Key). */
  fire(sourceId: string): Promise<void>;
  /** Uploads a chosen or dropped file to a bucket source, at its Key or, when Key is empty, the file's name. */
  uploadFile(sourceId: string, file: UploadFile): Promise<void>;
  pauseClock(): void;
  resumeClock(): void;
  fastForwardBy(ms: number): Promise<void>;
}

/** The payload shown for a source: the edited draft, or its default. */
export function payloadText(state: Pick<EventsSlice, 'payloadDrafts'>, source: SourceInfo): string {
  return state.payloadDrafts[source.id] ?? source.defaultPayload;
}

/** A bucket's Key as shown: the edited draft, or the bucket's suggested key. */
export function keyText(state: Pick<EventsSlice, 'keyDrafts'>, source: SourceInfo): string {
  return state.keyDrafts[source.id] ?? (source.kind === 'schedule' ? '' : (source.defaultKey ?? ''));
}

/** What an upload needs of a chosen or dropped file (a DOM File has all of it). */
export interface UploadFile {
  name: string;
  type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** `Uploaded 11 bytes as notes/a.txt` (the key left out when the platform picks it). */
export function uploadDetail(text: string, key: string | undefined): string {
  const bytes = new TextEncoder().encode(text).byteLength;
  const size = bytes === 1 ? '1 byte' : `${bytes.toLocaleString('en-US')} bytes`;
  return key ? `Uploaded ${size} as ${key}` : `Uploaded ${size}`;
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
  const setStatus = (sourceId: string, status: FireStatus) =>
    set((s) => ({ fireStatus: { ...s.fireStatus, [sourceId]: status } }));
  /** Hands one fire to the platform and records when (on its clock) or why it failed. */
  const send = async (sourceId: string, payload: string | undefined, opts?: FireOptions, detail?: string) => {
    const platform = get().platform;
    if (!platform) return;
    setStatus(sourceId, { kind: 'firing' });
    const at = platform.clock.state().now;
    try {
      await (opts ? platform.fire(sourceId, payload ?? '', opts) : platform.fire(sourceId, payload));
      setStatus(sourceId, detail ? { kind: 'fired', at, detail } : { kind: 'fired', at });
    } catch (error) {
      setStatus(sourceId, { kind: 'error', message: errorText(error) });
    }
  };

  return {
    sources: [],
    clock: null,
    payloadDrafts: {},
    keyDrafts: {},
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

    setKey(sourceId, key) {
      set((s) => ({ keyDrafts: { ...s.keyDrafts, [sourceId]: key } }));
    },

    async fire(sourceId) {
      const source = get().sources.find((s) => s.id === sourceId);
      if (!source) return;
      const text = payloadText(get(), source);
      const invalid = payloadError(text, source.kind);
      if (invalid) {
        setStatus(sourceId, { kind: 'error', message: invalid });
        return;
      }
      const key = source.kind === 'bucket' ? keyText(get(), source).trim() : '';
      // A bucket's status says what was stored where (an empty payload stores the default text, as the platform does).
      const detail = source.kind === 'bucket' ? uploadDetail(text.trim() === '' ? source.defaultPayload : text, key || source.defaultKey) : undefined;
      await send(sourceId, text.trim() === '' ? undefined : text, key ? { key } : undefined, detail);
    },

    async uploadFile(sourceId, file) {
      const source = get().sources.find((s) => s.id === sourceId);
      if (!source || source.kind !== 'bucket') return;
      const key = keyText(get(), source).trim() || file.name;
      setStatus(sourceId, { kind: 'firing' });
      let body: Uint8Array;
      try {
        body = new Uint8Array(await file.arrayBuffer());
      } catch (error) {
        setStatus(sourceId, { kind: 'error', message: `Could not read ${file.name}: ${errorText(error)}` });
        return;
      }
      const contentType = file.type || 'application/octet-stream';
      await send(sourceId, '', { key, body, contentType }, `Uploaded ${file.name} (${body.byteLength.toLocaleString('en-US')} bytes) as ${key}`);
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
