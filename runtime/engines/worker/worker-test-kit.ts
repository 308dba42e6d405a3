/** Test kit: runs the worker-side runtime under Node with a fake worker scope and port, as the sandboxed worker would. */
import type { ContextInit, InitOutcome } from '../engine';
import type { CallOrigin, ServiceCall, ServiceCallHandler, ServiceReply } from '../../services/types';
import type { CallMessage, LoadMessage, PortLike, ReplyMessage, WorkerScope, WorkerToPage } from './worker-protocol';
import { createAwsSdk } from './worker-aws-sdk';
import { createSdkCore } from './worker-aws-sdk-core';
import { createDocumentSdk } from './worker-aws-sdk-document';
import { createDynamoMarshall } from './worker-aws-sdk-marshall';
import { createS3Sdk } from './worker-aws-sdk-s3';
import { createBuffer } from './worker-buffer';
import { createBuiltins } from './worker-builtins';
import { createErrors } from './worker-errors';
import { createFormat } from './worker-format';
import { createGlobals } from './worker-globals';
import { createInspect } from './worker-inspect';
import { createModuleSystem } from './worker-modules';
import { workerMain, type WorkerLib } from './worker-runtime';

export const testLib: WorkerLib = {
  createInspect, createFormat, createErrors, createGlobals, createBuiltins, createBuffer, createModuleSystem,
  createAwsSdk, createSdkCore, createS3Sdk, createDynamoMarshall, createDocumentSdk,
};

type Listener = Parameters<WorkerScope['addEventListener']>[1];
type Done = Extract<WorkerToPage, { t: 'done' }>;

export interface FakeWorker {
  scope: WorkerScope;
  /** Everything the worker posted to the page, in order. */
  messages: WorkerToPage[];
  logs(): string[];
  load(m: Partial<LoadMessage> & { modules: Record<string, string> }): InitOutcome;
  invoke(event: unknown, ctx?: Partial<ContextInit>): Promise<Done>;
  /** Fires a global event listener (unhandledrejection, error) the runtime registered. */
  fire(type: string, e: Record<string, unknown>): void;
  /** The SDK calls the function made, as the page received them (after structured clone). */
  calls: Array<ServiceCall & { id: number; rid: string | null }>;
  /** Resolves once every SDK call made so far has been answered and its reply delivered. */
  settled(): Promise<void>;
}

export interface FakeWorkerOptions {
  /** Answers the function's SDK calls, as the page's services would; without it calls fail with UnknownEndpoint. */
  services?: ServiceCallHandler;
}

export function context(over: Partial<ContextInit> = {}): ContextInit {
  return {
    awsRequestId: 'c0ffee00-0000-4000-8000-000000000001',
    functionName: 'hello',
    functionVersion: '$LATEST',
    memoryLimitInMB: 1024,
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:hello',
    logGroupName: '/aws/lambda/hello',
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    remainingMs: 6000,
    ...over,
  };
}

/** A worker scope made of Node's own timers and performance, as the sandboxed worker's `self` would provide them. */
export function nodeWorkerScope(addEventListener: WorkerScope['addEventListener'] = () => {}): WorkerScope {
  return {
    onmessage: null,
    addEventListener,
    setTimeout: (fn, ms, ...a) => setTimeout(fn, ms, ...a),
    clearTimeout: (id) => clearTimeout(id as NodeJS.Timeout),
    setInterval: (fn, ms, ...a) => setInterval(fn, ms, ...a),
    clearInterval: (id) => clearInterval(id as NodeJS.Timeout),
    performance,
    eval: globalThis.eval,
  };
}

/** Starts the runtime: `run` is workerMain itself, or the assembled program text evaluated with `self`. */
export function fakeWorker(run: (scope: WorkerScope) => void = (s) => workerMain(s, testLib), options: FakeWorkerOptions = {}): FakeWorker {
  const listeners: Record<string, Listener[]> = {};
  const messages: WorkerToPage[] = [];
  const calls: FakeWorker['calls'] = [];
  const answering = new Set<Promise<void>>();
  const waiters = new Map<number, (d: Done) => void>();
  let nextId = 1;
  const scope = nodeWorkerScope((type, fn) => (listeners[type] ||= []).push(fn));
  const port: PortLike = {
    onmessage: null,
    postMessage: (m) => {
      const msg = structuredClone(m) as WorkerToPage;
      messages.push(msg);
      if (msg.t === 'done') waiters.get(msg.id)?.(msg);
      if (msg.t === 'call') answer(msg);
    },
  };
  function answer(m: CallMessage): void {
    calls.push({ id: m.id, rid: m.rid, service: m.service, operation: m.operation, input: m.input });
    const handler = options.services;
    const p = (handler
      ? handler({ service: m.service, operation: m.operation, input: m.input }, { functionName: 'hello', requestId: m.rid })
      : Promise.resolve({ ok: false as const, error: { name: 'UnknownEndpoint', message: 'The simulated AWS services are not connected', statusCode: 503, fault: 'server' as const } })
    ).then((r) => {
      const reply: ReplyMessage = r.ok ? { t: 'reply', id: m.id, ok: true, output: r.output } : { t: 'reply', id: m.id, ok: false, error: r.error };
      send(reply);
    });
    const tracked = p.then(() => new Promise<void>((res) => setTimeout(res, 0)));
    answering.add(tracked);
    void tracked.then(() => answering.delete(tracked));
  }
  run(scope);
  scope.onmessage?.({ data: null, ports: [port] });
  const send = (m: unknown) => port.onmessage?.({ data: structuredClone(m) });
  return {
    scope,
    messages,
    logs: () => messages.flatMap((m) => (m.t === 'log' ? [m.text] : [])),
    load(m) {
      send({ t: 'load', entry: 'handler.js', exportName: 'hello', env: {}, functionName: 'hello', memoryLimitInMB: 1024, ...m });
      const init = messages.filter((x) => x.t === 'init').pop();
      if (!init || init.t !== 'init') throw new Error('no init reply');
      return init.outcome;
    },
    invoke(event, ctx) {
      const id = nextId++;
      const p = new Promise<Done>((res) => waiters.set(id, res));
      send({ t: 'invoke', id, payload: JSON.stringify([event === undefined ? null : event, context(ctx)]) });
      return p;
    },
    fire(type, e) {
      for (const fn of listeners[type] || []) fn({ preventDefault() {}, ...e });
    },
    calls,
    async settled() {
      while (answering.size) await Promise.all([...answering]);
    },
  };
}

// --- AWS SDK tests: a function run against a fake page whose services record each call and answer from a table ---

export type SdkAnswer = ServiceReply | ((call: ServiceCall) => ServiceReply | Promise<ServiceReply>);

/** Loads `code` as handler.js in a fake worker whose services answer by operation name (default: an empty output). */
export function sdkWorker(code: string, answers: Record<string, SdkAnswer> = {}, run?: (s: WorkerScope) => void) {
  const origins: CallOrigin[] = [];
  const services: ServiceCallHandler = async (call, from) => {
    origins.push(from);
    const a = answers[call.operation] ?? { ok: true, output: {} };
    return typeof a === 'function' ? a(call) : a;
  };
  const w = fakeWorker(run, { services });
  const init = w.load({ modules: { 'handler.js': code } });
  if (!init.ok) throw new Error(JSON.stringify(init.error));
  return { w, origins };
}

/** Invokes with request id 'r1' and returns the parsed result (throws on a function error). */
export async function sdkResult(w: FakeWorker, event: unknown = {}): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const d = await w.invoke(event, { awsRequestId: 'r1' });
  if (!d.ok) throw new Error(JSON.stringify(d.error));
  return JSON.parse(d.json);
}
