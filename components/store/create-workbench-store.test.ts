import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Files } from '@/runtime/project/types';
import { createWorkspace } from '@/components/workspace/workspace';
import { createWorkbenchStore } from './create-workbench-store';
import { AUTO_DEPLOY_DELAY_MS } from './deploy-slice';
import { fakePlatform } from './fake-platform';

const FILES: Files = {
  'serverless.yml': 'service: s\nfunctions:\n  hello:\n    handler: handler.hello\n',
  'handler.js': 'exports.hello = async () => "hi";\n',
};


describe('workbench store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('deploys a loaded workspace at once', async () => {
    const store = createWorkbenchStore({ servicesStorage: null });
    const { platform, deployed } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    await vi.runAllTimersAsync();
    expect(deployed).toEqual([FILES]);
    expect(store.getState().deployment).toMatchObject({ status: 'ready', version: 1 });
    expect(store.getState().deployedFiles).toBe(store.getState().workspace!.files);
  });

  it('deploys typing once, after a pause, with the newest text', async () => {
    const store = createWorkbenchStore({ servicesStorage: null });
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
    const store = createWorkbenchStore({ servicesStorage: null });
    const { platform, deployed } = fakePlatform();
    store.getState().attachPlatform(platform);
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    store.getState().updateFile('handler.js', 'x');
    store.getState().deployNow();
    await vi.runAllTimersAsync();
    expect(deployed.map((f) => f['handler.js'])).toEqual([FILES['handler.js'], 'x']);
  });

  it('renames and deletes files, keeping tabs and the open file consistent', () => {
    const store = createWorkbenchStore({ servicesStorage: null });
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
    const store = createWorkbenchStore({ servicesStorage: null });
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
    const store = createWorkbenchStore({ servicesStorage: null });
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
    const store = createWorkbenchStore({ servicesStorage: null });
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
    const store = createWorkbenchStore({ servicesStorage: null });
    store.getState().loadWorkspace(createWorkspace(FILES, 'handler.js'));
    store.getState().saveTestEvent('a', '{}');
    store.getState().saveTestEvent('b', '[]');
    store.getState().saveTestEvent('a', '{"x":1}');
    expect(store.getState().workspace!.testEvents).toEqual([{ name: 'b', body: '[]' }, { name: 'a', body: '{"x":1}' }]);
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
