import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { VirtualClock } from '../clock';
import { AwsError } from './aws-error';
import { BusService, type BusEvent } from './bus-service';

const ACCOUNT = '123456789012';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const entry = (extra: Record<string, unknown> = {}) => ({ Source: 'shop.orders', DetailType: 'Order Placed', Detail: '{"orderId":"o-1"}', ...extra });

function setup(buses = ['orders']) {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 12, 0, 0, 250));
  const events: Array<{ bus: string; event: BusEvent }> = [];
  const bus = new BusService({ clock, region: () => 'us-east-1', account: ACCOUNT }, (b, event) => events.push({ bus: b, event }));
  bus.deploy(buses);
  return { bus, events, clock };
}

function error(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err.info;
    throw err;
  }
  throw new Error('did not throw');
}

describe('BusService PutEvents', () => {
  it('puts an entry on the default bus and sends the event EventBridge builds, key for key', () => {
    const { bus, events } = setup();
    const out = bus.handle('PutEvents', { Entries: [entry({ Resources: ['arn:aws:s3:::uploads'] })] });
    expect(out).toStrictEqual({ FailedEntryCount: 0, Entries: [{ EventId: events[0].event.id }] });
    expect(events[0].event.id).toMatch(UUID);
    expect(events).toStrictEqual([
      {
        bus: 'default',
        event: {
          version: '0',
          id: events[0].event.id,
          'detail-type': 'Order Placed',
          source: 'shop.orders',
          account: ACCOUNT,
          time: '2026-01-01T12:00:00Z',
          region: 'us-east-1',
          resources: ['arn:aws:s3:::uploads'],
          detail: { orderId: 'o-1' },
        },
      },
    ]);
    expect(Object.keys(events[0].event)).toEqual(['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
  });

  it('type-checks as @types/aws-lambda EventBridgeEvent', () => {
    const { bus, events } = setup();
    bus.handle('PutEvents', { Entries: [entry()] });
    const typed: EventBridgeEvent<string, unknown> = events[0].event;
    expectTypeOf(events[0].event).toEqualTypeOf<EventBridgeEvent<string, unknown>>();
    expect(typed.version).toBe('0');
  });

  it('routes by EventBusName, given as a name or an ARN', () => {
    const { bus, events } = setup();
    bus.handle('PutEvents', {
      Entries: [entry({ EventBusName: 'orders' }), entry({ EventBusName: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/orders` }), entry({ EventBusName: 'default' })],
    });
    expect(events.map((e) => e.bus)).toEqual(['orders', 'orders', 'default']);
  });

  it('uses the entry Time (a Date, epoch seconds or ISO text), without milliseconds', () => {
    const { bus, events } = setup();
    bus.handle('PutEvents', {
      Entries: [entry({ Time: new Date(Date.UTC(2025, 5, 1, 8, 30, 15, 999)) }), entry({ Time: 1_700_000_000 }), entry({ Time: '2024-02-29T23:59:59.5Z' }), entry({ Time: 'soon' })],
    });
    expect(events.map((e) => e.event.time)).toEqual(['2025-06-01T08:30:15Z', '2023-11-14T22:13:20Z', '2024-02-29T23:59:59Z', '2026-01-01T12:00:00Z']);
  });

  it('fails bad entries one by one, in order, as AWS reports them', () => {
    const { bus, events } = setup();
    const out = bus.handle('PutEvents', {
      Entries: [
        entry(),
        { DetailType: 'x', Detail: '{}' },
        { Source: 's', Detail: '{}' },
        { Source: 's', DetailType: 'x' },
        entry({ Detail: '{not json' }),
        entry({ Detail: '[1,2]' }),
        entry({ Detail: '"text"' }),
        entry({ Source: 'aws.s3' }),
        entry({ Detail: '{}' }),
      ],
    });
    expect(out.FailedEntryCount).toBe(7);
    expect(out.Entries).toStrictEqual([
      { EventId: events[0].event.id },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' },
      { EventId: events[1].event.id },
    ]);
    expect(events).toHaveLength(2);
  });

  it('accepts an event for a bus that does not exist and drops it, as EventBridge does', () => {
    const { bus, events } = setup();
    const out = bus.handle('PutEvents', {
      Entries: [entry({ EventBusName: 'nope' }), entry({ EventBusName: 'arn:aws:events:eu-west-1:123456789012:event-bus/orders' })],
    });
    expect(out.FailedEntryCount).toBe(0);
    expect((out.Entries as Array<{ EventId: string }>).map((e) => e.EventId)).toEqual([expect.stringMatching(UUID), expect.stringMatching(UUID)]);
    expect(events).toEqual([]);
    expect(bus.views(() => []).map((v) => v.put)).toEqual([0, 0]);
  });

  it('refuses the request as a whole for no entries, more than 10, or more than 256 KB', () => {
    const { bus, events } = setup();
    expect(error(() => bus.handle('PutEvents', { Entries: [] }))).toEqual({
      name: 'ValidationException', statusCode: 400, fault: 'client',
      message: "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    expect(error(() => bus.handle('PutEvents', {}))).toMatchObject({ name: 'ValidationException' });
    expect(error(() => bus.handle('PutEvents', { Entries: Array.from({ length: 11 }, () => entry()) }))).toEqual({
      name: 'ValidationException', statusCode: 400, fault: 'client',
      message: "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10",
    });
    const big = JSON.stringify({ text: 'x'.repeat(262_144) });
    expect(error(() => bus.handle('PutEvents', { Entries: [entry({ Detail: big })] }))).toEqual({
      name: 'ValidationException', statusCode: 400, fault: 'client', message: 'Total size of the entries in the request is over the limit.',
    });
    expect(events).toEqual([]);
  });
});

describe('BusService buses', () => {
  it("always has 'default'; a redeploy keeps counts of kept buses and drops undeclared ones", () => {
    const { bus } = setup(['orders', 'audit']);
    expect(bus.has('default')).toBe(true);
    bus.handle('PutEvents', { Entries: [entry({ EventBusName: 'orders' }), entry()] });
    bus.deploy(['orders', 'billing']);
    expect(bus.views((b) => (b === 'orders' ? ['ship'] : []))).toStrictEqual([
      { name: 'default', arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`, targets: [], put: 1 },
      { name: 'orders', arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/orders`, targets: ['ship'], put: 1 },
      { name: 'billing', arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/billing`, targets: [], put: 0 },
    ]);
    expect(bus.has('audit')).toBe(false);
    bus.deploy([]);
    expect(bus.has('default')).toBe(true);
  });

  it('answers ListEventBuses (with NamePrefix) and DescribeEventBus (by name or ARN)', () => {
    const { bus } = setup(['orders', 'audit']);
    expect(bus.handle('ListEventBuses', {})).toStrictEqual({
      EventBuses: ['audit', 'default', 'orders'].map((n) => ({ Name: n, Arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/${n}` })),
    });
    expect(bus.handle('ListEventBuses', { NamePrefix: 'ord' })).toStrictEqual({
      EventBuses: [{ Name: 'orders', Arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/orders` }],
    });
    expect(bus.handle('DescribeEventBus', {})).toStrictEqual({ Name: 'default', Arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default` });
    expect(bus.handle('DescribeEventBus', { Name: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/audit` })).toMatchObject({ Name: 'audit' });
    expect(error(() => bus.handle('DescribeEventBus', { Name: 'nope' }))).toEqual({
      name: 'ResourceNotFoundException', message: 'Event bus nope does not exist.', statusCode: 400, fault: 'client',
    });
  });

  it('says which operations it does not simulate', () => {
    const { bus } = setup();
    expect(error(() => bus.handle('PutRule', {}))).toEqual({
      name: 'NotImplemented', message: 'EventBridge PutRule is not simulated yet in the playground', statusCode: 501, fault: 'server',
    });
  });
});

describe('BusService.put (the Events panel)', () => {
  it('takes a PutEvents entry, with Detail as an object or JSON text', () => {
    const { bus, events } = setup();
    const { eventId } = bus.put('orders', { Source: 'shop.orders', DetailType: 'Order Placed', Detail: { orderId: 'o-2' } });
    bus.put('orders', { Source: 'shop.orders', DetailType: 'Order Placed', Detail: '{"orderId":"o-3"}' });
    expect(events.map((e) => [e.bus, e.event.detail])).toEqual([['orders', { orderId: 'o-2' }], ['orders', { orderId: 'o-3' }]]);
    expect(events[0].event.id).toBe(eventId);
  });

  it('takes a whole event, keeping its resources and time but giving it a new id, account and region', () => {
    const { bus, events } = setup();
    bus.put('default', {
      version: '0', id: 'old', 'detail-type': 'Object Created', source: 'aws.s3', account: '999', region: 'eu-west-1',
      time: '2025-01-01T00:00:00Z', resources: ['arn:aws:s3:::uploads'], detail: { bucket: { name: 'uploads' } },
    });
    expect(events[0].event).toStrictEqual({
      version: '0', id: events[0].event.id, 'detail-type': 'Object Created', source: 'aws.s3', account: ACCOUNT,
      time: '2025-01-01T00:00:00Z', region: 'us-east-1', resources: ['arn:aws:s3:::uploads'], detail: { bucket: { name: 'uploads' } },
    });
    expect(events[0].event.id).not.toBe('old');
  });

  it('defaults a missing detail to {} and refuses what PutEvents would, or a bus that does not exist', () => {
    const { bus, events } = setup();
    bus.put('default', { source: 'a', 'detail-type': 'b' });
    expect(events[0].event.detail).toEqual({});
    expect(error(() => bus.put('default', { DetailType: 'b' }))).toEqual({
      name: 'InvalidArgument', message: 'Parameter Source is not valid. Reason: Source is a required argument.', statusCode: 400, fault: 'client',
    });
    expect(error(() => bus.put('default', { source: 'a', 'detail-type': 'b', detail: [1] }))).toMatchObject({ name: 'MalformedDetail' });
    expect(error(() => bus.put('nope', entry()))).toEqual({
      name: 'ResourceNotFoundException', message: 'Event bus nope does not exist.', statusCode: 400, fault: 'client',
    });
  });
});
