/**
 * The synchronous copy of the services' data written on `pagehide` (services-persistence.ts's PendingServices), in
 * localStorage: bytes as base64, and only when it fits well within localStorage's few megabytes (bigger data relies on
 * IndexedDB alone, as before).
 */
import type { ServicesSnapshot } from '@/runtime/services/types';
import type { PendingServices } from './services-persistence';
import { reviveSnapshot } from './services-db';

const PREFIX = 'sp-pending-services:';
/** Characters of JSON (about 2 MB of UTF-16 in localStorage's usual 5 MB). */
export const MAX_PENDING_CHARS = 1_000_000;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeSnapshot(snapshot: ServicesSnapshot): string {
  return JSON.stringify(snapshot, (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));
}

export function decodeSnapshot(text: string): ServicesSnapshot | null {
  return reviveSnapshot(
    JSON.parse(text, (_k, v: unknown) => {
      const o = v as { $bytes?: unknown } | null;
      return o && typeof o === 'object' && typeof o.$bytes === 'string' && Object.keys(o).length === 1 ? fromBase64(o.$bytes) : v;
    }),
  );
}

export function localPendingServices(storage: Storage): PendingServices {
  return {
    write(workspaceId, snapshot) {
      try {
        const text = encodeSnapshot(snapshot);
        if (text.length <= MAX_PENDING_CHARS) storage.setItem(PREFIX + workspaceId, text);
      } catch {
        // Over quota: IndexedDB's copy is all there is.
      }
    },
    take(workspaceId) {
      try {
        const text = storage.getItem(PREFIX + workspaceId);
        if (text === null) return null;
        storage.removeItem(PREFIX + workspaceId);
        return decodeSnapshot(text);
      } catch {
        return null;
      }
    },
  };
}
