import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Files } from '@/runtime/project/types';
import type { DeployResult, DeploymentState, PlatformListener } from '@/runtime/platform-types';
import { createWorkspace } from '@/components/workspace/workspace';
import { createWorkbenchStore } from './create-workbench-store';
import { AUTO_DEPLOY_DELAY_MS } from './deploy-slice';
import type { PlatformApi } from './platform-api';
import type { ClockState, SourceInfo } from '@/runtime/sources/types';

const FILES: Files = {
  'serverless.yml': 'service: s\nfunctions:\n  hello:\n    handler: handler.hello\n',
  'handler.js': 'exports.hello = async () => "hi";\n',
};

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

const HELLO_SOURCE: SourceInfo = {
  id: 'schedule:hello:0', kind: 'schedule', label: 'schedule: hello', functionName: 'hello',
  expression: 'rate(5 minutes)', enabled: true, nextFireAt: T0 + 300_000, defaultPayload: '{}',
};

function fakePlatform() {
  const deployed: Files[] = [];
  let state: DeploymentState = { status: 'idle' };
  const listeners = new Set<PlatformListener>();
  const clockState: ClockState = { mode: 'real', now: T0 };
  let sources: SourceInfo[] = [];
  let finishForward: ((fired: number) => void) | null = null;
  const platform: PlatformApi = {
    deploy: vi.fn(async (files: Files): Promise<DeployResult> => {
      deployed.push(files);
      state = { status: 'ready', version: deployed.length };
      return { ok: true, version: deployed.length, diagnostics: [] };
    }),
    request: vi.fn(async () => ({
      requestId: 'r1', durationMs: 1.5, functionName: 'hello', routeKey: 'GET /hello',
      response: { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'Hello, Ada!', isBase64Encoded: false, cookies: [] },
    })),
    invoke: vi.fn(async (functionName: string, event: unknown) => ({ requestId: 'r2', functionName, ok: true, result: event, durationMs: 2 })),
    sources: () => sources,
    fire: vi.fn(async () => {}),
    clock: {
      state: () => ({ ...clockState }),
      pause: vi.fn(() => { clockState.mode = 'paused'; }),
      resume: vi.fn(() => { clockState.mode = 'real'; }),
      fastForward: vi.fn((ms: number) => new Promise<number>((resolve) => {
        finishForward = (fired) => {
          clockState.now += ms;
          resolve(fired);
        };
      })),
    },
    on: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    get state() {
      return state;
    },
    project: null,
    logs: { since: () => [], all: () => [], clear: () => {} },
    dispose: () => {},
  };
  const emit = (event: Parameters<PlatformListener>[0]) => listeners.forEach((l) => l(event));
  return {
    platform,
    deployed,
    setSources: (next: SourceInfo[]) => { sources = next; },
    finishForward: (fired: number) => finishForward?.(fired),
    emit,
  };
}

describe('workbench store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('deploys a loaded workspace at once', async () => {
    const store = createWorkbenchStore();
    const { platform, deployed } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    await vi.runAllTimersAsync();
    expect(deployed).toEqual([FILES]);
    expect(store.getState().deployment).toEqual({ status: 'ready', version: 1 });
    expect(store.getState().deployedFiles).toBe(store.getState().workspace!.files);
  });

  it('deploys typing once, after a pause, with the newest text', async () => {
    const store = createWorkbenchStore();
    const { platform, deployed } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    await vi.runAllTimersAsync();
    store.getState().updateFile('handler.js', 'a');
    await vi.advanceTimersByTimeAsync(AUTO_DEPLOY_DELAY_MS - 100);
    store.getState().updateFile('handler.js', 'ab');
    await vi.advanceTimersByTimeAsync(AUTO_DEPLOY_DELAY_MS - 1);
    expect(deployed).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(deployed).toHaveLength(2);
    expect(deployed[1]['handler.js']).toBe('ab');
  });

  it('deployNow skips the pending automatic deploy', async () => {
    const store = createWorkbenchStore();
    const { platform, deployed } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    store.getState().updateFile('handler.js', 'x');
    store.getState().deployNow();
    await vi.runAllTimersAsync();
    expect(deployed.map((f) => f['handler.js'])).toEqual([FILES['handler.js'], 'x']);
  });

  it('renames and deletes files, keeping tabs and the open file consistent', () => {
    const store = createWorkbenchStore();
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    store.getState().openFile('serverless.yml');
    store.getState().renameFile('handler.js', 'src/handler.js');
    let ws = store.getState().workspace!;
    expect(Object.keys(ws.files)).toEqual(['serverless.yml', 'src/handler.js']);
    expect(ws.tabs).toEqual(['src/handler.js', 'serverless.yml']);
    store.getState().deleteFile('serverless.yml');
    ws = store.getState().workspace!;
    expect(Object.keys(ws.files)).toEqual(['src/handler.js']);
    expect(ws.tabs).toEqual(['src/handler.js']);
    expect(ws.open).toBe('src/handler.js');
  });

  it('sends the request draft with its named headers and shows the response', async () => {
    const store = createWorkbenchStore();
    const { platform } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    store.getState().setRequest({ method: 'POST', path: 'echo', body: '{"a":1}' });
    store.getState().addHeader();
    store.getState().addHeader();
    const [h1] = store.getState().request.headers;
    store.getState().updateHeader(h1.id, { name: 'Content-Type', value: 'application/json' });
    await store.getState().send();
    expect(platform.request).toHaveBeenCalledWith({
      method: 'POST', path: '/echo', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}',
    });
    expect(store.getState().lastResponse?.response.body).toBe('Hello, Ada!');
    expect(store.getState().workspace!.layout.bottomTab).toBe('response');
  });

  it('brings a hidden Output panel back when a response arrives', async () => {
    const store = createWorkbenchStore();
    const { platform } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    const panels = store.getState().workspace!.layout.panels;
    store.getState().setPanelLayout({ ...panels, collapsed: { ...panels.collapsed, bottom: true } });
    store.getState().setRequest({ path: '/hello' });
    await store.getState().send();
    expect(store.getState().workspace!.layout.panels.collapsed.bottom).toBe(false);
  });

  it('refuses an event that is not JSON without invoking', async () => {
    const store = createWorkbenchStore();
    const { platform } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.setState({ functionNames: ['hello'] });
    store.getState().setEventText('{ nope');
    await store.getState().runInvoke();
    expect(platform.invoke).not.toHaveBeenCalled();
    expect(store.getState().invokeError).toMatch(/^The event is not valid JSON: /);
    store.getState().setEventText('{"k": 1}');
    await store.getState().runInvoke();
    expect(platform.invoke).toHaveBeenCalledWith('hello', { k: 1 });
    expect(store.getState().lastInvoke).toEqual({ requestId: 'r2', functionName: 'hello', ok: true, result: { k: 1 }, durationMs: 2 });
  });

  it('saves test events by name, replacing one with the same name', () => {
    const store = createWorkbenchStore();
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    store.getState().saveTestEvent('a', '{}');
    store.getState().saveTestEvent('b', '[]');
    store.getState().saveTestEvent('a', '{"x":1}');
    expect(store.getState().workspace!.testEvents).toEqual([{ name: 'b', body: '[]' }, { name: 'a', body: '{"x":1}' }]);
  });
});

describe('events slice', () => {
  it('reads sources and the clock on attach and follows sources events, ignoring an unchanged list', () => {
    const store = createWorkbenchStore();
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    expect(store.getState().sources).toEqual([HELLO_SOURCE]);
    expect(store.getState().clock).toEqual({ mode: 'real', now: T0 });
    const before = store.getState().sources;
    store.getState().handleEventsEvent({ type: 'sources', sources: [{ ...HELLO_SOURCE }] });
    expect(store.getState().sources).toBe(before);
    const moved = { ...HELLO_SOURCE, nextFireAt: T0 + 600_000 };
    store.getState().handleEventsEvent({ type: 'sources', sources: [moved] });
    expect(store.getState().sources).toEqual([moved]);
    store.getState().handleEventsEvent({ type: 'sources', sources: [] });
    expect(store.getState().sources).toEqual([]);
  });

  it('fires with the default payload, or the edited one, and records the clock time', async () => {
    const store = createWorkbenchStore();
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('schedule:hello:0', '{}');
    expect(store.getState().fireStatus[HELLO_SOURCE.id]).toEqual({ kind: 'fired', at: T0 });
    store.getState().setPayload(HELLO_SOURCE.id, '{"job":"nightly"}');
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('schedule:hello:0', '{"job":"nightly"}');
    store.getState().setPayload(HELLO_SOURCE.id, '  ');
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).toHaveBeenLastCalledWith('schedule:hello:0', undefined);
  });

  it('refuses a payload that is not JSON without firing', async () => {
    const store = createWorkbenchStore();
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    store.getState().setPayload(HELLO_SOURCE.id, '{ nope');
    await store.getState().fire(HELLO_SOURCE.id);
    expect(fake.platform.fire).not.toHaveBeenCalled();
    const status = store.getState().fireStatus[HELLO_SOURCE.id];
    expect(status?.kind === 'error' && status.message).toMatch(/^The payload is not valid JSON: /);
  });

  it('pauses and resumes the platform clock', () => {
    const store = createWorkbenchStore();
    const fake = fakePlatform();
    store.getState().attachPlatform(fake.platform);
    store.getState().pauseClock();
    expect(fake.platform.clock.pause).toHaveBeenCalledTimes(1);
    expect(store.getState().clock).toEqual({ mode: 'paused', now: T0 });
    store.getState().resumeClock();
    expect(store.getState().clock).toEqual({ mode: 'real', now: T0 });
  });

  it('fast-forwards once at a time, holds sources events until it ends, then shows the count', async () => {
    const store = createWorkbenchStore();
    const fake = fakePlatform();
    fake.setSources([HELLO_SOURCE]);
    store.getState().attachPlatform(fake.platform);
    const renders = vi.fn();
    store.subscribe(renders);
    const done = store.getState().fastForwardBy(3_600_000);
    void store.getState().fastForwardBy(3_600_000);
    expect(fake.platform.clock.fastForward).toHaveBeenCalledTimes(1);
    expect(store.getState().fastForward).toEqual({ kind: 'running', ms: 3_600_000 });
    for (let i = 1; i <= 12; i++) {
      store.getState().handleEventsEvent({ type: 'sources', sources: [{ ...HELLO_SOURCE, nextFireAt: T0 + (i + 1) * 300_000 }] });
    }
    expect(store.getState().sources).toEqual([HELLO_SOURCE]);
    fake.finishForward(12);
    await done;
    expect(store.getState().fastForward).toEqual({ kind: 'done', ms: 3_600_000, fired: 12 });
    expect(store.getState().sources).toEqual([{ ...HELLO_SOURCE, nextFireAt: T0 + 13 * 300_000 }]);
    expect(store.getState().clock).toEqual({ mode: 'real', now: T0 + 3_600_000 });
    // running, done, sources, clock: four updates for twelve fires.
    expect(renders).toHaveBeenCalledTimes(4);
  });
});

describe('impliedContentType', () => {
  it('names JSON and text bodies and leaves explicit headers alone', async () => {
    const { impliedContentType } = await import('./request-slice');
    expect(impliedContentType('{"a":1}', {})).toBe('application/json');
    expect(impliedContentType('hello', {})).toBe('text/plain');
    expect(impliedContentType('', {})).toBeNull();
    expect(impliedContentType('{"a":1}', { 'Content-Type': 'text/csv' })).toBeNull();
  });
});
