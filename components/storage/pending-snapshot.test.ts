import { describe, expect, it } from 'vitest';
import { createWorkspace } from '@/components/workspace/workspace';
import { newerWorkspace } from './pending-snapshot';

describe('newerWorkspace', () => {
  const older = { ...createWorkspace({ 'a.js': '1' }, null), updatedAt: 100 };
  const newer = { ...older, files: { 'a.js': '12' }, updatedAt: 200 };

  it('prefers the pending snapshot only when it is newer than the stored workspace', () => {
    expect(newerWorkspace(older, newer)).toBe(newer);
    expect(newerWorkspace(newer, older)).toBe(newer);
    expect(newerWorkspace(older, { ...older })).toBe(older);
  });

  it('takes whichever exists', () => {
    expect(newerWorkspace(null, newer)).toBe(newer);
    expect(newerWorkspace(older, null)).toBe(older);
    expect(newerWorkspace(null, null)).toBeNull();
  });
});
