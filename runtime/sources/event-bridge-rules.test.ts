import type { EventBridgeEvent, ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { InvokeOutcome } from '../engines/engine';
import type { EventBridgeEventDef, FunctionDef, FunctionEventDef, Project } from '../project/types';
import { BusService } from '../services/bus-service';
import { EventBridgeRules, ruleArn, ruleName } from './event-bridge-rules';
import { selectInputPath } from './input-path';
import type { SourceHost } from './types';

const ACCOUNT = '123456789012';

const eb = (o: Partial<EventBridgeEventDef>): EventBridgeEventDef => ({ kind: 'eventBridge', bus: 'default', enabled: true, line: 1, ...o });

function project(functions: Record<string, FunctionEventDef[]>): Project {
  const fns: Record<string, FunctionDef> = {};
  for (const [name, events] of Object.entries(functions)) {
    fns[name] = {
      name, handler: `handler.${name}`, handlerModule: 'handler', handlerExport: name, runtime: 'nodejs20.x',
      timeout: 6, memorySize: 1024, environment: {}, events, line: 1,
    };
  }
  return {
    service: 'shop',
    provider: { name: 'aws', runtime: 'nodejs20.x', region: 'us-east-1', stage: 'dev', timeout: 6, memorySize: 1024, environment: {}, httpApi: { cors: null } },
    functions: fns,
    resources: { buckets: [], queues: [], topics: [], buses: [], tables: [] },
    playground: { engine: null, engineLine: 1 },
  };
}

function setup(functions: Record<string, FunctionEventDef[]>, buses = ['orders', 'audit'], fail: string[] = []) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const invoked: Array<{ fn: string; event: unknown }> = [];
  const lines: string[] = [];
  const host: SourceHost = {
    clock, account: ACCOUNT, region: () => 'us-east-1',
    invokeAsync: async (fn, event) => {
      invoked.push({ fn, event });
      if (fail.includes(fn)) throw new Error('Function error after 2 retries');
    },
    invoke: async () => ({}) as InvokeOutcome,
    log: (fn, level, text) => lines.push(`${fn} ${level} ${text}`),
    changed: () => {},
    cause: () => null,
  };
  const rules = new EventBridgeRules(host);
  rules.deploy(project(functions));
  const bus = new BusService({ clock, region: () => 'us-east-1', account: ACCOUNT }, (b, e) => rules.notify(b, e));
  bus.deploy(buses);
  const put = (entry: Record<string, unknown>) => bus.handle('PutEvents', { Entries: [{ Source: 'shop.orders', DetailType: 'Order Placed', Detail: '{"total":42}', ...entry }] });
  return { rules, bus, put, invoked, lines, clock };
}

describe('EventBridgeRules', () => {
  it('invokes each function whose rule matches, with the event as EventBridge delivers it', () => {
    const { put, invoked } = setup({
      placed: [eb({ pattern: { source: ['shop.orders'], 'detail-type': ['Order Placed'] } })],
      big: [eb({ pattern: { detail: { total: [{ numeric: ['>', 100] }] } } })],
      any: [eb({ pattern: { source: [{ prefix: 'shop.' }] } })],
    });
    const out = put({});
    expect(invoked.map((i) => i.fn)).toEqual(['placed', 'any']);
    const event = invoked[0].event as EventBridgeEvent<string, unknown>;
    expect(event).toStrictEqual({
      version: '0', id: (out.Entries as Array<{ EventId: string }>)[0].EventId, 'detail-type': 'Order Placed', source: 'shop.orders',
      account: ACCOUNT, time: '2026-01-01T00:00:00Z', region: 'us-east-1', resources: [], detail: { total: 42 },
    });
    expect(invoked[1].event).toBe(invoked[0].event);
  });

  it('fans out per bus: a rule on one bus never sees events put on another', () => {
    const { put, invoked, rules } = setup({
      onDefault: [eb({ pattern: { source: ['shop.orders'] } })],
      onOrders: [eb({ bus: 'orders', pattern: { source: ['shop.orders'] } })],
      onOrdersToo: [eb({ bus: 'orders', pattern: { source: ['shop.orders'] } })],
      onAudit: [eb({ bus: 'audit', pattern: { source: ['shop.orders'] } })],
    });
    put({});
    expect(invoked.map((i) => i.fn)).toEqual(['onDefault']);
    put({ EventBusName: 'orders' });
    expect(invoked.map((i) => i.fn)).toEqual(['onDefault', 'onOrders', 'onOrdersToo']);
    put({ EventBusName: 'nope' });
    expect(invoked).toHaveLength(3);
    expect(rules.targets('orders')).toEqual(['onOrders', 'onOrdersToo']);
    expect(rules.targets('default')).toEqual(['onDefault']);
    expect(rules.targets('nope')).toEqual([]);
  });

  it('gives a function with two matching rules two invocations, and lists it once as a target', () => {
    const { put, invoked, rules } = setup({ twice: [eb({ pattern: { source: ['shop.orders'] } }), eb({ pattern: { detail: { total: [42] } } })] });
    put({});
    expect(invoked.map((i) => i.fn)).toEqual(['twice', 'twice']);
    expect(rules.targets('default')).toEqual(['twice']);
  });

  it('sends `input` instead of the event, and `inputPath` selects part of it', () => {
    const { put, invoked } = setup({
      fixed: [eb({ pattern: { source: ['shop.orders'] }, input: { hello: 'world' } })],
      detail: [eb({ pattern: { source: ['shop.orders'] }, inputPath: '$.detail' })],
      total: [eb({ pattern: { source: ['shop.orders'] }, inputPath: '$.detail.total' })],
      whole: [eb({ pattern: { source: ['shop.orders'] }, inputPath: '$' })],
    });
    put({});
    expect(invoked.map((i) => [i.fn, i.event])).toEqual([
      ['fixed', { hello: 'world' }],
      ['detail', { total: 42 }],
      ['total', 42],
      ['whole', expect.objectContaining({ source: 'shop.orders', detail: { total: 42 } })],
    ]);
  });

  it('logs and skips a target whose inputPath selects nothing', () => {
    const { put, invoked, lines } = setup({ f: [eb({ pattern: { source: ['shop.orders'] }, inputPath: '$.detail.missing' })] });
    const out = put({});
    expect(invoked).toEqual([]);
    const id = (out.Entries as Array<{ EventId: string }>)[0].EventId;
    expect(lines).toEqual([`f warn EventBridge rule shop-dev-f-rule-1: InputPath $.detail.missing selects nothing in event ${id}; the function was not invoked`]);
  });

  it('leaves out disabled rules and rules with an invalid pattern (logging why)', () => {
    const { put, invoked, lines, rules } = setup({
      off: [eb({ pattern: { source: ['shop.orders'] }, enabled: false })],
      bad: [{ kind: 'schedule', expression: 'rate(1 hour)', enabled: true, line: 1 }, eb({ pattern: { source: 'shop.orders' } })],
    });
    put({});
    expect(invoked).toEqual([]);
    expect(rules.targets('default')).toEqual([]);
    expect(lines).toEqual(['bad warn EventBridge rule shop-dev-bad-rule-2 was not created: Event pattern is not valid. Reason: "source" must be an object or an array']);
  });

  it('logs a delivery that failed after its retries', async () => {
    const { put, lines } = setup({ f: [eb({ pattern: { source: ['shop.orders'] } })] }, [], ['f']);
    put({});
    await Promise.resolve();
    await Promise.resolve();
    expect(lines).toEqual(['f error EventBridge delivery from rule shop-dev-f-rule-1 failed: Function error after 2 retries']);
  });

  it('a redeploy replaces the rules', () => {
    const { put, invoked, rules } = setup({ f: [eb({ pattern: { source: ['shop.orders'] } })] });
    rules.deploy(project({ g: [eb({ pattern: { source: ['shop.orders'] } })] }));
    put({});
    expect(invoked.map((i) => i.fn)).toEqual(['g']);
  });

  it('fires a schedule-only eventBridge rule on the clock with a Scheduled Event naming the rule', () => {
    const { clock, invoked, rules } = setup({
      tick: [eb({ schedule: 'rate(10 minutes)' })],
      fixed: [eb({ schedule: 'cron(0 12 * * ? *)', input: { job: 'noon' } })],
    });
    clock.advance(10 * 60_000);
    expect(invoked.map((i) => i.fn)).toEqual(['tick']);
    const event = invoked[0].event as ScheduledEvent;
    expect(event).toStrictEqual({
      version: '0', id: event.id, 'detail-type': 'Scheduled Event', source: 'aws.events', account: ACCOUNT,
      time: '2026-01-01T00:10:00Z', region: 'us-east-1', resources: [`arn:aws:events:us-east-1:${ACCOUNT}:rule/shop-dev-tick-rule-1`], detail: {},
    });
    clock.advance(12 * 60 * 60_000 - 10 * 60_000);
    expect(invoked.filter((i) => i.fn === 'fixed').map((i) => i.event)).toEqual([{ job: 'noon' }]);
    expect(invoked.filter((i) => i.fn === 'tick')).toHaveLength(72);
    expect(rules.targets('default')).toEqual([]);
    rules.stop();
    clock.advance(60 * 60_000);
    expect(invoked.filter((i) => i.fn === 'tick')).toHaveLength(72);
  });
});

describe('rule names and ARNs', () => {
  it("names rules as the Serverless Framework does: '<function>-rule-<n>', n the event's position", () => {
    expect(ruleName('shop-dev-placed', 3)).toBe('shop-dev-placed-rule-3');
    const long = ruleName('a-very-long-service-name-production-oneVeryLongFunctionName', 1);
    // Node's crypto MD5 of the full name, as the framework computes it.
    expect(long).toBe('a-very-long-service-name-e1579a8c355156cc04907614f5663598-rule-1');
    expect(long.length).toBeLessThanOrEqual(64);
  });

  it("puts a custom bus's name in the rule ARN, not the default bus's", () => {
    expect(ruleArn('us-east-1', ACCOUNT, 'default', 'r')).toBe(`arn:aws:events:us-east-1:${ACCOUNT}:rule/r`);
    expect(ruleArn('eu-west-1', ACCOUNT, 'orders', 'r')).toBe(`arn:aws:events:eu-west-1:${ACCOUNT}:rule/orders/r`);
  });

  it('exposes the rule of each function on a bus', () => {
    const { rules } = setup({ f: [{ kind: 'httpApi', method: 'GET', path: '/', routeKey: 'GET /', line: 1 }, eb({ bus: 'orders', pattern: { source: ['x'] } })] });
    expect(rules.rules('orders').map((r) => [r.functionName, r.name, r.arn])).toEqual([
      ['f', 'shop-dev-f-rule-2', `arn:aws:events:us-east-1:${ACCOUNT}:rule/orders/shop-dev-f-rule-2`],
    ]);
  });
});

describe('selectInputPath', () => {
  const event = { detail: { 'order-id': 'o-1', items: [{ sku: 'a' }, { sku: 'b' }], none: null }, resources: ['r0', 'r1'] };
  it.each([
    ['$', event],
    ['$.detail', event.detail],
    ["$.detail['order-id']", 'o-1'],
    ['$.detail["order-id"]', 'o-1'],
    ['$.resources[1]', 'r1'],
    ['$.detail.items[1].sku', 'b'],
    ['$.detail.none', null],
  ])('%s', (path, value) => {
    expect(selectInputPath(path, event)).toEqual({ found: true, value });
  });

  it.each(['$.nope', '$.resources[2]', '$.detail.items.sku', 'detail', '$.detail..x', '$[*]'])('%s selects nothing', (path) => {
    expect(selectInputPath(path, event)).toEqual({ found: false });
  });
});
