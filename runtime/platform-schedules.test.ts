import { describe, expect, it } from 'vitest';
import { Platform } from './platform';
import { VirtualClock } from './clock';
import type { Engine, FunctionBundle, Instance, InvokeOutcome } from './engines/engine';
import type { ScheduleSourceInfo } from './sources/types';

/** Records every event each function receives; a function named `flaky` always throws. */
class RecordingEngine implements Engine {
  readonly kind = 'worker' as const;
  readonly calls: Array<{ fn: string; event: unknown }> = [];
  startInstance(bundle: FunctionBundle): Promise<Instance> {
    const calls = this.calls;
    return Promise.resolve({
      id: 'i', init: { ok: true, initDurationMs: 1 }, stopped: false,
      async invoke(event: unknown): Promise<InvokeOutcome> {
        calls.push({ fn: bundle.functionName, event });
        if (bundle.functionName === 'flaky') return { ok: false, timedOut: false, durationMs: 1, error: { errorType: 'Error', errorMessage: 'nope', trace: [] } };
        return { ok: true, result: null, durationMs: 1 };
      },
      stop() {},
    });
  }
  dispose() {}
}

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const yml = (events: string) => `service: sched
provider:
  name: aws
  runtime: nodejs20.x
functions:
${events}`;

async function setup(events: string) {
  const base = new VirtualClock(T0);
  const engine = new RecordingEngine();
  const platform = new Platform({ engine, clock: base });
  const r = await platform.deploy({ 'serverless.yml': yml(events), 'h.js': 'exports.x = 1' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { base, engine, platform };
}

describe('Platform schedules', () => {
  it('lists each schedule as a source named as the Events panel shows it', async () => {
    const { platform } = await setup(`  tick:
    handler: h.x
    events:
      - schedule: rate(5 minutes)
      - schedule: { rate: 'cron(0 12 * * ? *)', enabled: false }
`);
    const sources = platform.sources() as ScheduleSourceInfo[];
    expect(sources.map((s) => [s.id, s.label, s.expression, s.enabled])).toEqual([
      ['schedule:tick:1', 'schedule: tick', 'rate(5 minutes)', true],
      ['schedule:tick:2', 'schedule: tick #2', 'cron(0 12 * * ? *)', false],
    ]);
    expect(sources[0].nextFireAt).toBe(T0 + 5 * 60_000);
    expect(sources[1].nextFireAt).toBeNull();
    expect(JSON.parse(sources[0].defaultPayload)).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
  });

  it('fires on the clock with the Scheduled Event, and an hour of fast-forward fires rate(5 minutes) 12 times', async () => {
    const { base, engine, platform } = await setup(`  tick:
    handler: h.x
    events:
      - schedule: rate(5 minutes)
`);
    base.advance(5 * 60_000);
    await new Promise((r) => setTimeout(r, 0)); // let the invocation the timer started reach the engine
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0].event).toMatchObject({
      version: '0', source: 'aws.events', 'detail-type': 'Scheduled Event', account: '123456789012', region: 'us-east-1',
      time: '2026-01-01T12:05:00Z', detail: {},
    });
    expect(await platform.clock.fastForward(60 * 60_000)).toBe(12);
    expect(engine.calls).toHaveLength(13);
    expect(engine.calls.at(-1)!.event).toMatchObject({ time: '2026-01-01T13:05:00Z' });
  });

  it('sends `input` instead of the Scheduled Event, and Fire sends a payload of its own', async () => {
    const { engine, platform } = await setup(`  tick:
    handler: h.x
    events:
      - schedule:
          rate: rate(1 hour)
          input:
            job: report
`);
    await platform.fire('schedule:tick:1');
    await platform.fire('schedule:tick:1', '{"by":"hand"}');
    expect(engine.calls.map((c) => c.event)).toEqual([{ job: 'report' }, { by: 'hand' }]);
  });

  it('retries a failing async invocation twice, 1 and 2 minutes later, then drops it', async () => {
    const { engine, platform } = await setup(`  flaky:
    handler: h.x
    events:
      - schedule: cron(0 13 * * ? *)
`);
    await platform.clock.fastForward(60 * 60_000); // 13:00 fires
    expect(engine.calls).toHaveLength(1);
    await platform.clock.fastForward(60_000);
    expect(engine.calls).toHaveLength(2);
    await platform.clock.fastForward(119_000);
    expect(engine.calls).toHaveLength(2);
    await platform.clock.fastForward(1_000);
    expect(engine.calls).toHaveLength(3);
    await platform.clock.fastForward(60 * 60_000);
    expect(engine.calls).toHaveLength(3);
    expect(platform.logs.all().some((l) => l.text.includes('failed after 3 attempts'))).toBe(true);
  });

  it('a new deploy replaces the rules', async () => {
    const { engine, platform } = await setup(`  tick:
    handler: h.x
    events:
      - schedule: rate(5 minutes)
`);
    await platform.deploy({ 'serverless.yml': yml('  tick:\n    handler: h.x\n'), 'h.js': 'exports.x = 1' });
    expect(platform.sources()).toEqual([]);
    await platform.clock.fastForward(60 * 60_000);
    expect(engine.calls).toHaveLength(0);
  });
});

describe('Platform async invocations', () => {
  it('report an engine that cannot start an instance in the logs instead of rejecting', async () => {
    const base = new VirtualClock(T0);
    const engine: Engine = { kind: 'worker', startInstance: () => Promise.reject(new Error('sandbox frame is gone')), dispose() {} };
    const platform = new Platform({ engine, clock: base });
    await platform.deploy({ 'serverless.yml': yml('  tick:\n    handler: h.x\n    events:\n      - schedule: rate(5 minutes)\n'), 'h.js': '' });
    await expect(platform.clock.fastForward(5 * 60_000)).resolves.toBe(1);
    expect(platform.logs.all().map((l) => l.text)).toContain('Async invocation could not run: sandbox frame is gone');
  });
});
