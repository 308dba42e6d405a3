/**
 * Keeps the simulated services' data (bucket objects, table items) of the current workspace in storage: restores it
 * when a platform and a workspace meet, saves it a moment after changes (and on demand, e.g. on pagehide), and clears it.
 */
import type { PlatformDataApi } from '@/components/store/platform-api';
import type { ServicesStorage } from './services-db';
import type { ServicesSnapshot } from '@/runtime/services/types';

/**
 * A synchronous copy for the moment the page is left: an IndexedDB write started in `pagehide` may be cut off by the
 * navigation (a reload right after an upload lost it), so the snapshot is also written where a write finishes before
 * `pagehide` returns. The next load takes it (it is never older than IndexedDB's copy) and removes it.
 */
export interface PendingServices {
  write(workspaceId: string, snapshot: ServicesSnapshot): void;
  take(workspaceId: string): ServicesSnapshot | null;
}

/** How long after a change the data is saved; changes meanwhile ride along (a throttle, so steady traffic still saves). */
export const SAVE_SERVICES_DELAY_MS = 500;

export class ServicesPersistence {
  private data: PlatformDataApi | null = null;
  private workspaceId: string | null = null;
  /** Saving waits for the restore: an early save would overwrite the stored data with an empty cloud. */
  private restored = false;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by each bind, so a restore that resolves after the next bind is dropped. */
  private generation = 0;
  /** Saves started and not yet confirmed: leaving the page now might cut them off. */
  private inFlight = 0;

  constructor(
    private readonly storage: ServicesStorage,
    private readonly pending: PendingServices | null = null,
  ) {}

  /**
   * Follows the platform's data and the workspace. A new pair saves the old pair's pending changes, then puts the new
   * workspace's saved data back; moving the same platform to another workspace empties it first.
   */
  bind(data: PlatformDataApi | null, workspaceId: string | null): void {
    if (data === this.data && workspaceId === this.workspaceId) return;
    this.flush();
    const otherWorkspace = data !== null && data === this.data && this.workspaceId !== null;
    this.data = data;
    this.workspaceId = workspaceId;
    this.restored = false;
    this.dirty = false;
    const generation = ++this.generation;
    if (!data || !workspaceId) return;
    if (otherWorkspace) data.clear();
    const finish = () => {
      if (generation !== this.generation) return;
      this.restored = true;
      if (this.dirty) this.schedule();
    };
    const left = this.pending?.take(workspaceId) ?? null;
    this.storage.load(workspaceId).then((snapshot) => {
      if (generation === this.generation && (left ?? snapshot)) data.restore((left ?? snapshot)!);
      // What the last visit left behind goes to IndexedDB now.
      if (left && generation === this.generation) this.dirty = true;
      finish();
    }, finish);
  }

  /** The services' data may have changed: save within SAVE_SERVICES_DELAY_MS. */
  changed(): void {
    this.dirty = true;
    if (this.restored) this.schedule();
  }

  /**
   * Saves now if anything changed since the last save (tab hidden, workspace switch). `leaving` (pagehide): also writes
   * the synchronous copy when a save is pending or not yet confirmed.
   */
  flush(leaving = false): void {
    this.cancel();
    const { data, workspaceId } = this;
    if (!this.restored || !data || !workspaceId) return;
    if (leaving && (this.dirty || this.inFlight > 0)) this.pending?.write(workspaceId, data.snapshot());
    if (!this.dirty) return;
    this.dirty = false;
    this.inFlight++;
    this.storage.save(workspaceId, data.snapshot()).then(
      () => this.inFlight--,
      () => {
        this.inFlight--;
        this.dirty = true; // try again with the next change
      },
    );
  }

  /** Empties the services and forgets the saved data of the current workspace. */
  async clear(): Promise<void> {
    this.cancel();
    this.data?.clear();
    this.dirty = false;
    if (this.workspaceId) await this.storage.remove(this.workspaceId);
  }

  dispose(): void {
    this.flush();
    this.bind(null, null);
  }

  private schedule(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.flush(), SAVE_SERVICES_DELAY_MS);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
