/**
 * Functions' `eventBridge` events as EventBridge rules: a pattern rule on a bus invokes its function (asynchronously)
 * with each matching event; a rule with only a `schedule` fires on the simulation clock like a `schedule` event.
 */
import type { EventBridgeEventDef, FunctionDef, Project } from '../project/types';
import type { BusEvent } from '../services/bus-service';
import { md5Hex } from '../services/md5';
import { newRequestId } from '../ids';
import { matchesPattern, validatePattern } from './event-pattern';
import { selectInputPath } from './input-path';
import { parseScheduleExpression } from './schedule-expression';
import { Scheduler, type ScheduleRule } from './schedule-rules';
import { scheduledEvent } from './scheduled-event';
import type { SourceHost } from './types';

export interface EventBridgeRule {
  functionName: string;
  def: EventBridgeEventDef;
  /** As a Serverless Framework deploy names it: '<deployed function name>-rule-<n>'. */
  name: string;
  arn: string;
}

export class EventBridgeRules {
  private byBus = new Map<string, EventBridgeRule[]>();
  private scheduled = new Map<string, EventBridgeRule>();
  private readonly scheduler: Scheduler;

  constructor(private readonly host: SourceHost) {
    this.scheduler = new Scheduler(host.clock, (rule, at) => this.fireScheduled(rule, at));
  }

  /** A new version replaces the rules. Disabled rules and rules with an invalid pattern (logged) take no events. */
  deploy(project: Project): void {
    const byBus = new Map<string, EventBridgeRule[]>();
    const scheduled = new Map<string, EventBridgeRule>();
    const schedules: ScheduleRule[] = [];
    for (const fn of Object.values(project.functions)) {
      fn.events.forEach((def, index) => {
        if (def.kind !== 'eventBridge' || !def.enabled) return;
        const rule = this.rule(project, fn, def, index + 1);
        if (def.pattern) {
          const check = validatePattern(def.pattern);
          if (!check.ok) {
            this.host.log(fn.name, 'warn', `EventBridge rule ${rule.name} was not created: ${check.message}`);
            return;
          }
          byBus.set(def.bus, [...(byBus.get(def.bus) ?? []), rule]);
        } else if (def.schedule) {
          const parsed = parseScheduleExpression(def.schedule);
          if (!parsed.ok) return; // the manifest reader reports it
          const id = `eventBridge:${rule.name}`;
          scheduled.set(id, rule);
          schedules.push({
            id, label: `schedule: ${fn.name}`, functionName: fn.name, schedule: parsed.schedule, ruleArn: rule.arn,
            def: { kind: 'schedule', expression: def.schedule, enabled: true, input: def.input, line: def.line },
          });
        }
      });
    }
    this.byBus = byBus;
    this.scheduled = scheduled;
    this.scheduler.start(schedules);
  }

  /** An event put on `bus`: every rule on that bus whose pattern matches invokes its function, each with its own input. */
  notify(bus: string, event: BusEvent): void {
    for (const rule of this.byBus.get(bus) ?? []) {
      if (rule.def.pattern && matchesPattern(rule.def.pattern, event)) this.deliver(rule, event);
    }
  }

  /** The functions with a pattern rule on the bus, once each. */
  targets(bus: string): string[] {
    return [...new Set((this.byBus.get(bus) ?? []).map((r) => r.functionName))];
  }

  rules(bus: string): EventBridgeRule[] {
    return this.byBus.get(bus) ?? [];
  }

  stop(): void {
    this.scheduler.stop();
  }

  private rule(project: Project, fn: FunctionDef, def: EventBridgeEventDef, index: number): EventBridgeRule {
    const name = ruleName(fn.functionName ?? `${project.service}-${project.provider.stage}-${fn.name}`, index);
    return { functionName: fn.name, def, name, arn: ruleArn(this.host.region(), this.host.account, def.bus, name) };
  }

  private fireScheduled(schedule: ScheduleRule, at: number): Promise<void> {
    const rule = this.scheduled.get(schedule.id);
    if (!rule) return Promise.resolve();
    const event = scheduledEvent({ id: newRequestId(), time: at, region: this.host.region(), account: this.host.account, ruleArn: rule.arn });
    return this.deliver(rule, event);
  }

  /** The target's input: `input` replaces the event, `inputPath` selects part of it, else the whole event. */
  private deliver(rule: EventBridgeRule, event: BusEvent): Promise<void> {
    let payload: unknown = event;
    if (rule.def.input !== undefined) {
      payload = rule.def.input;
    } else if (rule.def.inputPath) {
      const selected = selectInputPath(rule.def.inputPath, event);
      if (!selected.found) {
        this.host.log(rule.functionName, 'warn', `EventBridge rule ${rule.name}: InputPath ${rule.def.inputPath} selects nothing in event ${event.id}; the function was not invoked`);
        return Promise.resolve();
      }
      payload = selected.value;
    }
    return this.host.invokeAsync(rule.functionName, payload, `bus:${rule.def.bus}`).catch((err: unknown) => {
      this.host.log(rule.functionName, 'error', `EventBridge delivery from rule ${rule.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

/** EventBridge rule names are at most 64 characters; the framework shortens a longer one with an MD5 of it. */
export function ruleName(deployedFunctionName: string, index: number): string {
  const suffix = `rule-${index}`;
  const name = `${deployedFunctionName}-${suffix}`;
  if (name.length <= 64) return name;
  return `${name.slice(0, 31 - suffix.length)}${md5Hex(new TextEncoder().encode(name))}-${suffix}`;
}

/** Rules on the default bus are 'rule/<name>'; on any other bus, 'rule/<bus>/<name>'. */
export function ruleArn(region: string, account: string, bus: string, name: string): string {
  return `arn:aws:events:${region}:${account}:rule/${bus === 'default' ? '' : `${bus}/`}${name}`;
}
