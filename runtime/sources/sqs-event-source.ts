/** The deployed version's SQS event source mappings: one poller per function `sqs` event, woken when its queue has messages. */
import type { Project } from '../project/types';
import type { QueueService } from '../services/queue-service';
import { QueuePoller } from './sqs-poller';
import type { SourceHost } from './types';

export class QueueEventSources {
  private byQueue = new Map<string, QueuePoller[]>();

  constructor(
    private readonly host: SourceHost,
    private readonly queues: QueueService,
  ) {}

  /**
   * A new version replaces the mappings (invocations under way still finish and delete what succeeded). Each new
   * mapping polls at once: messages sent before it existed wait in the queue for it, as in SQS.
   */
  deploy(project: Project): void {
    this.stop();
    const byQueue = new Map<string, QueuePoller[]>();
    for (const fn of Object.values(project.functions)) {
      for (const def of fn.events) {
        if (def.kind !== 'sqs') continue;
        const list = byQueue.get(def.queue) ?? [];
        list.push(new QueuePoller(this.host, this.queues, fn.name, def));
        byQueue.set(def.queue, list);
      }
    }
    this.byQueue = byQueue;
    for (const list of byQueue.values()) for (const p of list) p.wake();
  }

  /** Wire to QueueService's onAvailable: messages of `queue` may be receivable. */
  wake(queue: string): void {
    const list = this.byQueue.get(queue);
    if (list) for (let i = 0; i < list.length; i++) list[i].wake();
  }

  /** The functions whose mappings poll `queue` (enabled or not), each once. */
  consumers(queue: string): string[] {
    return [...new Set((this.byQueue.get(queue) ?? []).map((p) => p.functionName))];
  }

  stop(): void {
    for (const list of this.byQueue.values()) for (const p of list) p.stop();
    this.byQueue = new Map();
  }
}
