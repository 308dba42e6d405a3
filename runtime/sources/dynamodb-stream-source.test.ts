import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { InvokeOutcome } from '../engines/engine';
import type { Project, StreamEventDef, TableDef } from '../project/types';
import { TableService } from '../services/table-service';
import { TableStreamSources } from './dynamodb-stream-source';
import { firstFailure, retryDelayMs } from './dynamodb-stream-reader';
import type { SourceHost } from './types';

const table: TableDef = { logicalId: 'T', name: 'orders', line: 1, hashKey: { name: 'id', type: 'N' }, streamViewType: 'NEW_IMAGE' };

function project(defs: Partial<StreamEventDef>[]): Project {
  const events = defs.map((d) => ({
    kind: 'stream' as const, type: 'dynamodb' as const, table: 'orders', batchSize: 2, startingPosition: 'LATEST' as const,
    maximumRetryAttempts: -1, reportBatchItemFailures: false, enabled: true, line: 1, ...d,
  }));
  return {
    service: 's', provider: { name: 'aws', runtime: 'nodejs20.x', region: 'us-east-1', stage: 'dev', timeout: 6, memorySize: 1024, environment: {}, httpApi: { cors: null } },
    functions: { consumer: { name: 'consumer', handler: 'h.h', handlerModule: 'h', handlerExport: 'h', runtime: 'nodejs20.x', timeout: 6, memorySize: 1024, environment: {}, events, line: 1 } },
    resources: { buckets: [], queues: [], topics: [], buses: [], tables: [table] },
    playground: { engine: null, engineLine: 1 },
  };
}

type Handler = (event: DynamoDBStreamEvent, call: number) => InvokeOutcome;

function setup(handler: Handler) {
  const clock = new VirtualClock();
  const calls: Array<{ at: number; ids: number[] }> = [];
  const logs: string[] = [];
  const host: SourceHost = {
    clock, account: '123456789012', region: () => 'us-east-1',
    invokeAsync: async () => {},
    invoke: async (_fn, event) => {
      const e = event as DynamoDBStreamEvent;
      calls.push({ at: clock.now() - Date.UTC(2026, 0, 1), ids: e.Records.map((r) => Number(r.dynamodb!.Keys!.id.N)) });
      return handler(e, calls.length);
    },
    log: (fn, level, text) => logs.push(`${fn} ${level} ${text}`),
    changed: () => {},
    cause: () => null,
  };
  const sources = new TableStreamSources(host);
  const tables = new TableService({ clock, region: () => 'us-east-1', account: '123456789012' }, (c) => sources.notify(c));
  tables.deploy([table]);
  const put = (...ids: number[]) => ids.forEach((id) => tables.putPlain('orders', { id }));
  /** Moves the clock in steps, letting each step's invocations settle (they resolve as promises). */
  const run = async (ms: number, step = 250) => {
    for (let t = 0; t < ms; t += step) {
      clock.advance(step);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
  };
  return { clock, calls, logs, sources, tables, put, run };
}

const ok: InvokeOutcome = { ok: true, result: null, durationMs: 1 };
const fail: InvokeOutcome = { ok: false, error: { errorType: 'Error', errorMessage: 'boom', trace: [] }, durationMs: 1, timedOut: false } as unknown as InvokeOutcome;

describe('TableStreamSources', () => {
  it('delivers changes in order, in batches, one batch in flight', async () => {
    const s = setup(() => ok);
    s.sources.deploy(project([{}]));
    expect(s.sources.consumers('orders')).toEqual(['consumer']);
    s.put(1, 2, 3, 4, 5);
    await s.run(1000);
    expect(s.calls.map((c) => c.ids)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('LATEST skips what was written before the deploy; TRIM_HORIZON reads it', async () => {
    const latest = setup(() => ok);
    latest.put(1, 2);
    latest.sources.deploy(project([{}]));
    latest.put(3);
    await latest.run(1000);
    expect(latest.calls.map((c) => c.ids)).toEqual([[3]]);

    const horizon = setup(() => ok);
    horizon.sources.deploy(project([]));
    horizon.put(1, 2);
    horizon.sources.deploy(project([{ startingPosition: 'TRIM_HORIZON', batchSize: 10 }]));
    await horizon.run(1000);
    expect(horizon.calls.map((c) => c.ids)).toEqual([[1, 2]]);
  });

  it('retries a failed batch with backoff (1 s, 2 s, 4 s …) and keeps the order', async () => {
    const s = setup((_e, call) => (call <= 3 ? fail : ok));
    s.sources.deploy(project([{}]));
    s.put(1, 2, 3);
    await s.run(10_000, 1);
    // Each failure is seen at the end of the 1 ms step it happened in, hence the +1.
    expect(s.calls).toEqual([
      { at: 0, ids: [1, 2] },
      { at: 1 + 1000, ids: [1, 2] },
      { at: 1 + 1000 + 2000, ids: [1, 2] },
      { at: 1 + 1000 + 2000 + 4000, ids: [1, 2] },
      { at: 7001, ids: [3] },
    ]);
    expect(retryDelayMs(7)).toBe(60_000);
    expect(retryDelayMs(20)).toBe(60_000);
  });

  it('skips a batch after maximumRetryAttempts, with a warning', async () => {
    const s = setup((e) => (e.Records.some((r) => r.dynamodb!.Keys!.id.N === '1') ? fail : ok));
    s.sources.deploy(project([{ maximumRetryAttempts: 2 }]));
    s.put(1, 2, 3);
    await s.run(20_000);
    expect(s.calls.map((c) => c.ids)).toEqual([[1, 2], [1, 2], [1, 2], [3]]);
    expect(s.logs).toEqual(['consumer warn Skipped 2 stream record(s) of table orders: the batch failed 3 time(s) (maximumRetryAttempts: 2)']);
  });

  it('ReportBatchItemFailures retries from the first failed record', async () => {
    let failedOnce = false;
    const s = setup((e) => {
      const second = e.Records[1];
      if (!failedOnce && second) {
        failedOnce = true;
        return { ok: true, result: { batchItemFailures: [{ itemIdentifier: second.dynamodb!.SequenceNumber }] }, durationMs: 1 };
      }
      return ok;
    });
    s.sources.deploy(project([{ reportBatchItemFailures: true, batchSize: 3 }]));
    s.put(1, 2, 3, 4);
    await s.run(5000);
    expect(s.calls.map((c) => c.ids)).toEqual([[1, 2, 3], [2, 3], [4]]);
  });

  it('with retries unlimited, drops records once they are 24 hours old', async () => {
    const s = setup(() => fail);
    s.sources.deploy(project([{}]));
    s.put(1);
    await s.run(24 * 3600_000 + 120_000);
    expect(s.logs).toEqual(['consumer warn Skipped 1 stream record(s) of table orders: older than 24 hours (the stream retention)']);
    const n = s.calls.length;
    await s.run(600_000);
    expect(s.calls.length).toBe(n);
  });

  it('reads batchItemFailures as Lambda does', () => {
    const batch = [{ dynamodb: { SequenceNumber: '1' } }, { dynamodb: { SequenceNumber: '2' } }];
    expect(firstFailure(batch, null)).toBeNull();
    expect(firstFailure(batch, { batchItemFailures: [] })).toBeNull();
    expect(firstFailure(batch, { batchItemFailures: [{ itemIdentifier: '2' }] })).toBe(1);
    expect(firstFailure(batch, { batchItemFailures: [{ itemIdentifier: '9' }] })).toBe(0);
    expect(firstFailure(batch, { batchItemFailures: [{ itemIdentifier: '' }] })).toBe(0);
  });

  it('stop() ends polling: nothing runs on the clock afterwards', async () => {
    const s = setup(() => fail);
    s.sources.deploy(project([{}]));
    s.put(1);
    await s.run(500);
    s.sources.stop();
    const n = s.calls.length;
    await s.run(120_000);
    expect(s.calls.length).toBe(n);
    expect(s.clock.pending).toBe(0);
  });
});
