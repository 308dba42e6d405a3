/** The deployed version's schedules as event sources: listed in the Events panel, fired by time or by hand. */
import type { Clock } from '../clock';
import type { Project } from '../project/types';
import { newRequestId } from '../ids';
import { ruleEvent, ruleSource, scheduleRules, Scheduler, type ScheduleRule } from './schedule-rules';
import type { SourceInfo } from './types';

export interface ScheduleHost {
  clock: Clock;
  account: string;
  region(): string;
  /** An asynchronous (Event) invocation, with Lambda's retries. */
  invokeAsync(functionName: string, event: unknown, trigger: string): Promise<void>;
  /** The list or a next fire time changed. */
  changed(): void;
}

export class ScheduleSources {
  private rules: ScheduleRule[] = [];
  private readonly scheduler: Scheduler;

  constructor(private readonly host: ScheduleHost) {
    this.scheduler = new Scheduler(host.clock, (rule, at) => host.invokeAsync(rule.functionName, this.eventAt(rule, at), rule.id), () => host.changed());
  }

  /** A new version replaces the rules; rate() schedules count from now, as a newly created rule's do. */
  deploy(project: Project): void {
    this.rules = scheduleRules(project, this.host.account);
    this.scheduler.start(this.rules);
  }

  list(): SourceInfo[] {
    const now = this.host.clock.now();
    return this.rules.map((r) => ruleSource(r, this.scheduler.nextFireAt(r.id), this.eventAt(r, now)));
  }

  /** Fires a schedule now: the payload (JSON text) or, when empty, the event its rule sends. */
  async fire(sourceId: string, payload = ''): Promise<void> {
    const rule = this.rules.find((r) => r.id === sourceId);
    if (!rule) throw new Error(`No event source '${sourceId}' in the deployed version`);
    const event = payload.trim() ? (JSON.parse(payload) as unknown) : this.eventAt(rule, this.host.clock.now());
    await this.host.invokeAsync(rule.functionName, event, rule.id);
  }

  stop(): void {
    this.scheduler.stop();
  }

  private eventAt(rule: ScheduleRule, time: number): unknown {
    return ruleEvent(rule, time, newRequestId(), this.host.region(), this.host.account);
  }
}
