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

  it('drops damaged parts instead of failing', () => {
    expect(reviveWorkspace(null)).toBeNull();
    expect(reviveWorkspace({ id: 1, files: {} })).toBeNull();
    expect(reviveWorkspace({ id: 'w', files: { 'a.js': 'x', 'b.js': 3 }, open: 'b.js', tabs: ['a.js', 'zz'], theme: 'neon' })).toEqual({
      id: 'w', files: { 'a.js': 'x' }, open: null, tabs: ['a.js'], testEvents: [], theme: null,
      layout: { rightTab: 'request', bottomTab: 'logs' }, updatedAt: 0,
    });
  });
});
