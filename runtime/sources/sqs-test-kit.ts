/** Test kit for the SQS event source mapping tests: a queue service, a fake SourceHost whose invoke runs a handler, a project. */
import type { SQSEvent } from 'aws-lambda';
import { VirtualClock } from '../clock';
import type { InvokeOutcome } from '../engines/engine';
import type { FunctionDef, FunctionEventDef, Project, QueueDef, SqsEventDef } from '../project/types';
import { QueueService } from '../services/queue-service';
import { QueueEventSources } from './sqs-event-source';
import type { SourceHost } from './types';

export const ACCOUNT = '123456789012';
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
export const OK: InvokeOutcome = { ok: true, result: null, durationMs: 1 };
export const failed = (errorType = 'Error'): InvokeOutcome => ({ ok: false, error: { errorType, errorMessage: 'boom', trace: [] }, durationMs: 1, timedOut: false });

export const sqs = (queue: string, over: Partial<SqsEventDef> = {}): SqsEventDef => ({
  kind: 'sqs', queue, batchSize: 10, maximumBatchingWindow: 0, reportBatchItemFailures: false, enabled: true, line: 1, ...over,
});

export function queueDef(name: string, over: Partial<QueueDef> = {}): QueueDef {
  return { logicalId: null, name, line: 1, visibilityTimeout: 30, messageRetentionPeriod: 345_600, delaySeconds: 0, fifo: false, ...over };
}

export function project(functions: Record<string, FunctionEventDef[]>): Project {
  const fns: Record<string, FunctionDef> = {};
  for (const [name, events] of Object.entries(functions)) {
    fns[name] = { name, handler: `handler.${name}`, handlerModule: 'handler', handlerExport: name, runtime: 'nodejs20.x', timeout: 6, memorySize: 1024, environment: {}, events, line: 1 };
  }
  return {
    service: 'shop',
    provider: { name: 'aws', runtime: 'nodejs20.x', region: 'us-east-1', stage: 'dev', timeout: 6, memorySize: 1024, environment: {}, httpApi: { cors: null } },
    functions: fns,
    resources: { buckets: [], queues: [], topics: [], buses: [], tables: [] },
    playground: { engine: null, engineLine: 1 },
  };
}

export type Handler = (event: SQSEvent, fn: string) => InvokeOutcome | Promise<InvokeOutcome>;

export function setup(events: FunctionEventDef[], handler: Handler, queues: QueueDef[] = [queueDef('orders')]) {
  const clock = new VirtualClock();
  const calls: Array<{ fn: string; event: SQSEvent; at: number }> = [];
  const lines: string[] = [];
  let sources: QueueEventSources | null = null;
  const service = new QueueService({ clock, region: () => 'us-east-1', account: ACCOUNT }, (q) => sources?.wake(q));
  const host: SourceHost = {
    clock, account: ACCOUNT, region: () => 'us-east-1',
    invokeAsync: async () => {},
    invoke: async (fn, event) => {
      calls.push({ fn, event: event as SQSEvent, at: clock.now() });
      return handler(event as SQSEvent, fn);
    },
    log: (fn, level, text) => lines.push(`${fn} ${level} ${text}`),
    changed: () => {},
    cause: () => null,
  };
  sources = new QueueEventSources(host, service);
  service.deploy(queues);
  sources.deploy(project({ worker: events }));
  return { clock, service, sources, calls, lines };
}

/** Resolves when `release()` is called: an invocation still running. */
export function pending() {
  const waiting: Array<() => void> = [];
  const handler: Handler = () => new Promise<InvokeOutcome>((resolve) => waiting.push(() => resolve(OK)));
  return { handler, waiting };
}
