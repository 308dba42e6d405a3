import { describe, expect, it } from 'vitest';
import { createWorkspace, reviveWorkspace } from './workspace';

describe('createWorkspace', () => {
  it('opens the requested file, or the first by name', () => {
    expect(createWorkspace({ 'b.js': '', 'a.yml': '' }, 'b.js')).toMatchObject({ open: 'b.js', tabs: ['b.js'] });
    expect(createWorkspace({ 'b.js': '', 'a.yml': '' }, 'missing')).toMatchObject({ open: 'a.yml', tabs: ['a.yml'] });
  });

  it('carries theme and layout over from the previous workspace, but not its test events', () => {
    const prev = { ...createWorkspace({ 'x.js': '' }, null), theme: 'dark' as const, testEvents: [{ name: 't', body: '{}' }] };
    const next = createWorkspace({ 'y.js': '' }, null, prev);
    expect(next.theme).toBe('dark');
    expect(next.testEvents).toEqual([]);
    expect(next.id).not.toBe(prev.id);
  });
});

describe('reviveWorkspace', () => {
  it('restores a stored workspace exactly', () => {
    const ws = { ...createWorkspace({ 'handler.js': 'x', 'serverless.yml': 'y' }, 'handler.js'), theme: 'light' as const };
    expect(reviveWorkspace(structuredClone(ws))).toEqual(ws);
  });

  it('restores resized and collapsed panels and the text size, and carries them to a new workspace', () => {
    const base = createWorkspace({ 'handler.js': 'x' }, 'handler.js');
    const ws = {
      ...base,
      layout: {
        ...base.layout,
        rightTab: 'invoke' as const,
        panels: { sizes: { files: 0.22, actions: 0.35, bottom: 0.5 }, collapsed: { files: true, actions: false, bottom: true } },
        textSize: 1.4,
      },
    };
    const revived = reviveWorkspace(structuredClone(ws));
    expect(revived).toEqual(ws);
    expect(createWorkspace({ 'y.js': '' }, null, revived).layout).toEqual(ws.layout);
  });

  it('restores the Events tab and reads an unknown tab as Request', () => {
    const base = createWorkspace({ 'a.js': '' }, null);
    expect(reviveWorkspace({ ...base, layout: { ...base.layout, rightTab: 'events' } })?.layout.rightTab).toBe('events');
    expect(reviveWorkspace({ ...base, layout: { ...base.layout, rightTab: 'load' } })?.layout.rightTab).toBe('request');
  });

  it('clamps stored panel sizes and snaps the text size to a step', () => {
    const base = createWorkspace({ 'a.js': '' }, null);
    const stored = { ...base, layout: { panels: { sizes: { files: 0.9, actions: 0.01, bottom: 'x' } }, textSize: 1.3 } };
    expect(reviveWorkspace(stored)?.layout).toEqual({
      rightTab: 'request', bottomTab: 'logs',
      panels: { sizes: { files: 0.4, actions: 0.15, bottom: 0.36 }, collapsed: { files: false, actions: false, bottom: false } },
      textSize: 1.25,
    });
  });

  it('drops damaged parts instead of failing', () => {
    expect(reviveWorkspace(null)).toBeNull();
    expect(reviveWorkspace({ id: 1, files: {} })).toBeNull();
    expect(reviveWorkspace({ id: 'w', files: { 'a.js': 'x', 'b.js': 3 }, open: 'b.js', tabs: ['a.js', 'zz'], theme: 'neon' })).toEqual({
      id: 'w', files: { 'a.js': 'x' }, open: null, tabs: ['a.js'], testEvents: [], theme: null,
      layout: {
        rightTab: 'request', bottomTab: 'logs',
        panels: { sizes: { files: 0.16, actions: 0.3, bottom: 0.36 }, collapsed: { files: false, actions: false, bottom: false } },
        textSize: 1,
      },
      updatedAt: 0,
    });
  });
});
