import { describe, expect, it } from 'vitest';
import { buildFileTree } from './file-tree-model';

describe('buildFileTree', () => {
  it('nests paths into folders, folders first, then files by name', () => {
    expect(buildFileTree(['serverless.yml', 'src/users.ts', 'handler.js', 'src/lib/db.ts'])).toEqual([
      {
        kind: 'folder', name: 'src', path: 'src', children: [
          { kind: 'folder', name: 'lib', path: 'src/lib', children: [{ kind: 'file', name: 'db.ts', path: 'src/lib/db.ts' }] },
          { kind: 'file', name: 'users.ts', path: 'src/users.ts' },
        ],
      },
      { kind: 'file', name: 'handler.js', path: 'handler.js' },
      { kind: 'file', name: 'serverless.yml', path: 'serverless.yml' },
    ]);
  });

  it('is empty for no files', () => {
    expect(buildFileTree([])).toEqual([]);
  });
});
