import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { scheduledEvent, scheduleRuleArn } from './scheduled-event';

describe('scheduledEvent', () => {
  it('is the event EventBridge sends, key for key', () => {
    const e = scheduledEvent({
      id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      time: Date.UTC(2026, 0, 1, 12, 0, 0, 789),
      region: 'us-east-1',
      account: '123456789012',
      ruleArn: 'arn:aws:events:us-east-1:123456789012:rule/shop-dev-NightlyEventsRuleSchedule1-ABCDEFGHIJKLM',
    });
    expect(e).toStrictEqual({
      version: '0',
      id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2026-01-01T12:00:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/shop-dev-NightlyEventsRuleSchedule1-ABCDEFGHIJKLM'],
      detail: {},
    });
    expect(Object.keys(e)).toEqual(['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
    expect(JSON.stringify(e)).toContain('"time":"2026-01-01T12:00:00Z"');
  });

  it('formats time as ISO 8601 UTC without milliseconds', () => {
    const base = { id: 'x', region: 'eu-west-1', account: '1', ruleArn: 'r' };
    expect(scheduledEvent({ ...base, time: Date.UTC(2026, 11, 31, 23, 59, 59, 999) }).time).toBe('2026-12-31T23:59:59Z');
    expect(scheduledEvent({ ...base, time: 0 }).time).toBe('1970-01-01T00:00:00Z');
  });

  it('type-checks as @types/aws-lambda ScheduledEvent', () => {
    const e = scheduledEvent({ id: 'x', time: 0, region: 'us-east-1', account: '1', ruleArn: 'r' });
    expectTypeOf(e).toEqualTypeOf<ScheduledEvent>();
    const typed: ScheduledEvent = e;
    expectTypeOf(typed['detail-type']).toEqualTypeOf<'Scheduled Event'>();
    expect(typed['detail-type']).toBe('Scheduled Event');
  });
});

describe('scheduleRuleArn', () => {
  it('is shaped like the rule a Serverless Framework deploy creates', () => {
    const arn = scheduleRuleArn('us-east-1', '123456789012', 'shop', 'dev', 'nightly', 1);
    expect(arn).toMatch(/^arn:aws:events:us-east-1:123456789012:rule\/shop-dev-NightlyEventsRuleSchedule1-[0-9A-Z]{13}$/);
  });

  it('is deterministic and pinned', () => {
    const a = scheduleRuleArn('us-east-1', '123456789012', 'shop', 'dev', 'nightly', 1);
    expect(scheduleRuleArn('us-east-1', '123456789012', 'shop', 'dev', 'nightly', 1)).toBe(a);
    expect(a).toBe('arn:aws:events:us-east-1:123456789012:rule/shop-dev-NightlyEventsRuleSchedule1-L0GFY2TO209E4');
  });

  it('differs per schedule, function, stage, region and account', () => {
    const arns = [
      scheduleRuleArn('us-east-1', '123456789012', 'shop', 'dev', 'nightly', 1),
      scheduleRuleArn('us-east-1', '123456789012', 'shop', 'dev', 'nightly', 2),
      scheduleRuleArn('us-east-1', '123456789012', 'shop', 'dev', 'hourly', 1),
      scheduleRuleArn('us-east-1', '123456789012', 'shop', 'prod', 'nightly', 1),
      scheduleRuleArn('eu-west-1', '123456789012', 'shop', 'dev', 'nightly', 1),
      scheduleRuleArn('us-east-1', '210987654321', 'shop', 'dev', 'nightly', 1),
    ];
    expect(new Set(arns.map((a) => a.slice(-13))).size).toBe(6);
    expect(arns[1]).toContain(':rule/shop-dev-NightlyEventsRuleSchedule2-');
  });

  it('normalizes function names as Serverless does (Dash, Underscore, capital first letter)', () => {
    expect(scheduleRuleArn('us-east-1', '1', 'a', 'b', 'serverless_cron', 1)).toContain(':rule/a-b-ServerlessUnderscorecronEventsRuleSchedule1-');
    expect(scheduleRuleArn('us-east-1', '1', 'svc', 'dev', 'send-report', 3)).toContain(':rule/svc-dev-SendDashreportEventsRuleSchedule3-');
  });

  it("keeps the rule name within EventBridge's 64 characters", () => {
    const arn = scheduleRuleArn('us-east-1', '1', 'a-very-long-service-name-for-testing', 'production', 'generateMonthlyInvoices', 12);
    const name = arn.slice(arn.indexOf(':rule/') + 6);
    expect(name).toHaveLength(64);
    expect(name).toBe('a-very-long-service-name-GenerateMonthlyInvoicesEv-Z07VKT2WKK4A4');
  });

  it('counts schedules from 1', () => {
    expect(() => scheduleRuleArn('us-east-1', '1', 'svc', 'dev', 'f', 0)).toThrow('schedule index counts from 1, got 0');
  });
});
