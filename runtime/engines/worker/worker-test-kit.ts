/** Test kit: runs the worker-side runtime under Node with a fake worker scope and port, as the sandboxed worker would. */
import type { ContextInit, InitOutcome } from '../engine';
import type { LoadMessage, PortLike, WorkerScope, WorkerToPage } from './worker-protocol';
import { createBuffer } from './worker-buffer';
import { createBuiltins } from './worker-builtins';
import { createErrors } from './worker-errors';
import { createFormat } from './worker-format';
import { createGlobals } from './worker-globals';
import { createInspect } from './worker-inspect';
import { createModuleSystem } from './worker-modules';
import { workerMain, type WorkerLib } from './worker-runtime';

export const testLib: WorkerLib = { createInspect, createFormat, createErrors, createGlobals, createBuiltins, createBuffer, createModuleSystem };

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
export function fakeWorker(run: (scope: WorkerScope) => void = (s) => workerMain(s, testLib)): FakeWorker {
  const listeners: Record<string, Listener[]> = {};
  const messages: WorkerToPage[] = [];
  const waiters = new Map<number, (d: Done) => void>();
  let nextId = 1;
  const scope = nodeWorkerScope((type, fn) => (listeners[type] ||= []).push(fn));
  const port: PortLike = {
    onmessage: null,
    postMessage: (m) => {
      const msg = structuredClone(m) as WorkerToPage;
      messages.push(msg);
      if (msg.t === 'done') waiters.get(msg.id)?.(msg);
    },
  };
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
  };
}
