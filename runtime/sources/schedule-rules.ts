/**
 * A deployed project's schedules as EventBridge rules, and the scheduler that fires them on the simulation clock.
 * `rate()` rules count from when the rule was created (the deploy); `cron()` rules fire on UTC calendar minutes.
 */
import type { Clock } from '../clock';
import type { Project, ScheduleEventDef } from '../project/types';
import { nextFireTime, parseScheduleExpression, type Schedule } from './schedule-expression';
import { scheduledEvent, scheduleRuleArn } from './scheduled-event';
import type { ScheduleSourceInfo } from './types';

export interface ScheduleRule {
  /** 'schedule:<function>:<n>' */
  id: string;
  /** 'schedule: hello', then 'schedule: hello #2', … (CONTRACTS.md §4) */
  label: string;
  functionName: string;
  def: ScheduleEventDef;
  schedule: Schedule;
  ruleArn: string;
}

export function scheduleRules(project: Project, account: string): ScheduleRule[] {
  const rules: ScheduleRule[] = [];
  for (const fn of Object.values(project.functions)) {
    let n = 0;
    for (const def of fn.events) {
      if (def.kind !== 'schedule') continue;
      const parsed = parseScheduleExpression(def.expression);
      if (!parsed.ok) continue; // the manifest reader has reported it
      n++;
      const { region, stage } = project.provider;
      rules.push({
        id: `schedule:${fn.name}:${n}`,
        label: n === 1 ? `schedule: ${fn.name}` : `schedule: ${fn.name} #${n}`,
        functionName: fn.name,
        def,
        schedule: parsed.schedule,
        ruleArn: scheduleRuleArn(region, account, project.service, stage, fn.name, n),
      });
    }
  }
  return rules;
}

/** The event a rule sends at `time`: its `input`, or the Scheduled Event EventBridge builds. */
export function ruleEvent(rule: ScheduleRule, time: number, id: string, region: string, account: string): unknown {
  return rule.def.input !== undefined ? rule.def.input : scheduledEvent({ id, time, region, account, ruleArn: rule.ruleArn });
}

/** What the Events panel shows of a rule. */
export function ruleSource(rule: ScheduleRule, nextFireAt: number | null, defaultEvent: unknown): ScheduleSourceInfo {
  return {
    id: rule.id,
    kind: 'schedule',
    label: rule.label,
    targets: [rule.functionName],
    functionName: rule.functionName,
    expression: rule.def.expression,
    enabled: rule.def.enabled,
    nextFireAt,
    defaultPayload: JSON.stringify(defaultEvent, null, 2),
  };
}

/** Arms each enabled rule for its next fire time, and re-arms it after each fire. */
export class Scheduler {
  private readonly cancels = new Map<string, () => void>();
  private readonly next = new Map<string, number | null>();
  private generation = 0;

  constructor(
    private readonly clock: Clock,
    private readonly fire: (rule: ScheduleRule, at: number) => Promise<void>,
    private readonly changed: () => void = () => {},
  ) {}

  start(rules: ScheduleRule[]): void {
    this.stop();
    const generation = this.generation;
    const anchor = this.clock.now();
    for (const rule of rules) {
      if (!rule.def.enabled) {
        this.next.set(rule.id, null);
        continue;
      }
      const arm = (after: number) => {
        const at = nextFireTime(rule.schedule, after, anchor);
        this.next.set(rule.id, at);
        if (at === null) return;
        const cancel = this.clock.setTimer(async () => {
          if (generation !== this.generation) return;
          arm(at);
          this.changed();
          await this.fire(rule, at);
        }, at - this.clock.now());
        this.cancels.set(rule.id, cancel);
      };
      arm(anchor);
    }
  }

  nextFireAt(ruleId: string): number | null {
    return this.next.get(ruleId) ?? null;
  }

  stop(): void {
    this.generation++;
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    this.next.clear();
  }
}
