/**
 * Keeps the simulated services' data (bucket objects, table items) of the current workspace in storage: restores it
 * when a platform and a workspace meet, saves it a moment after changes (and on demand, e.g. on pagehide), and clears it.
 */
import type { PlatformDataApi } from '@/components/store/platform-api';
import type { ServicesStorage } from './services-db';

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

  constructor(private readonly storage: ServicesStorage) {}

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
    this.storage.load(workspaceId).then((snapshot) => {
      if (generation === this.generation && snapshot) data.restore(snapshot);
      finish();
    }, finish);
  }

  /** The services' data may have changed: save within SAVE_SERVICES_DELAY_MS. */
  changed(): void {
    this.dirty = true;
    if (this.restored) this.schedule();
  }

  /** Saves now if anything changed since the last save (pagehide, tab hidden, workspace switch). */
  flush(): void {
    this.cancel();
    const { data, workspaceId } = this;
    if (!this.restored || !this.dirty || !data || !workspaceId) return;
    this.dirty = false;
    this.storage.save(workspaceId, data.snapshot()).catch(() => {
      this.dirty = true; // try again with the next change
    });
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
