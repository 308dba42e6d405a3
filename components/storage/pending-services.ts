/**
 * The synchronous copy of the services' data written on `pagehide` (services-persistence.ts's PendingServices), in
 * localStorage: bytes as base64, and only when it fits well within localStorage's few megabytes (bigger data relies on
 * IndexedDB alone, as before).
 */
import type { ServicesSnapshot } from '@/runtime/services/types';
import type { PendingServices } from './services-persistence';
import { reviveSnapshot } from './services-db';
import { bytesReplacer, bytesReviver } from '@/runtime/bytes-json';

const PREFIX = 'sp-pending-services:';
/** Characters of JSON (about 2 MB of UTF-16 in localStorage's usual 5 MB). */
export const MAX_PENDING_CHARS = 1_000_000;

export function encodeSnapshot(snapshot: ServicesSnapshot): string {
  return JSON.stringify(snapshot, bytesReplacer);
}

export function decodeSnapshot(text: string): ServicesSnapshot | null {
  return reviveSnapshot(JSON.parse(text, bytesReviver));
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
