import { describe, expect, it } from 'vitest';
import { languageOf, normalizePath, renameFile, renameFolder, validateFileName } from './files';

describe('normalizePath', () => {
  it('trims and drops ./ and empty segments, keeping ..', () => {
    expect(normalizePath(' ./src//users/./get.ts ')).toBe('src/users/get.ts');
    expect(normalizePath('/a/b/')).toBe('a/b');
    expect(normalizePath('a/../b')).toBe('a/../b');
  });
});

describe('validateFileName', () => {
  const files = { 'serverless.yml': '', 'src/a.js': '', 'lib': '' };

  it('accepts new relative paths', () => {
    expect(validateFileName('handler.ts', files)).toBeNull();
    expect(validateFileName('src/b.js', files)).toBeNull();
    expect(validateFileName('src/deep/c.json', files)).toBeNull();
    expect(validateFileName('Serverless.yml', files)).toBeNull();
  });

  it('explains each rejected name', () => {
    expect(validateFileName('', files)).toBe('Enter a file name');
    expect(validateFileName('   ', files)).toBe('Enter a file name');
    expect(validateFileName(' a.js', files)).toBe('A file name cannot start or end with a space');
    expect(validateFileName('src\\a.js', files)).toBe("Use '/' to separate folders, not '\\'");
    expect(validateFileName('/etc/passwd', files)).toBe("Use a path inside the project, without a leading '/'");
    expect(validateFileName('C:/x.js', files)).toBe("Use a path inside the project, without a leading '/'");
    expect(validateFileName('../x.js', files)).toBe("'..' is not allowed in a path");
    expect(validateFileName('src/../../x.js', files)).toBe("'..' is not allowed in a path");
    expect(validateFileName('./x.js', files)).toBe("'.' is not allowed as a folder name");
    expect(validateFileName('src/', files)).toBe('Add a file name after the last /');
    expect(validateFileName('src//a.js', files)).toBe("A path cannot contain '//'");
    expect(validateFileName('a\u0000.js', files)).toBe('A file name cannot contain control characters');
    expect(validateFileName('x'.repeat(257), files)).toBe('A path can be at most 256 characters long');
    expect(validateFileName('x'.repeat(256), files)).toBeNull();
    expect(validateFileName('serverless.yml', files)).toBe("A file named 'serverless.yml' already exists");
    expect(validateFileName('src', files)).toBe("A folder named 'src' already exists");
    expect(validateFileName('lib/x.js', files)).toBe("'lib' is a file, so it cannot be a folder");
  });
});

describe('renameFile', () => {
  const files = { 'serverless.yml': 'y', 'handler.js': 'h', 'README.md': 'r' };

  it('renames in place, keeping the order and leaving the input untouched', () => {
    const out = renameFile(files, 'handler.js', 'src/handler.ts');
    expect(Object.entries(out)).toEqual([['serverless.yml', 'y'], ['src/handler.ts', 'h'], ['README.md', 'r']]);
    expect(files).toEqual({ 'serverless.yml': 'y', 'handler.js': 'h', 'README.md': 'r' });
  });

  it('throws the user-facing reason', () => {
    expect(() => renameFile(files, 'nope.js', 'a.js')).toThrow("There is no file named 'nope.js'");
    expect(() => renameFile(files, 'handler.js', 'README.md')).toThrow("A file named 'README.md' already exists");
    expect(() => renameFile(files, 'handler.js', '../h.js')).toThrow("'..' is not allowed in a path");
  });
});

describe('renameFolder', () => {
  it('moves every file under the folder', () => {
    const out = renameFolder({ 'src/a.js': 'a', 'src/b/c.js': 'c', 'srcx.js': 'x' }, 'src', 'lib');
    expect(out).toEqual({ 'lib/a.js': 'a', 'lib/b/c.js': 'c', 'srcx.js': 'x' });
  });

  it('refuses clashes and moves into itself', () => {
    expect(() => renameFolder({ 'src/a.js': '', 'lib/a.js': '' }, 'src', 'lib')).toThrow("A file named 'lib/a.js' already exists");
    expect(() => renameFolder({ 'src/a.js': '' }, 'src', 'src/inner')).toThrow('A folder cannot move inside itself');
    expect(() => renameFolder({ 'src/a.js': '' }, 'nope', 'lib')).toThrow("There is no folder named 'nope'");
  });
});

describe('languageOf', () => {
  it('maps extensions to editor languages', () => {
    expect(['a.ts', 'a.mts', 'a.tsx', 'b.js', 'b.cjs', 'c.json', 'serverless.yml', 'x.yaml', 'app.py', 'README.md', 'Dockerfile', '.env', 'x.constructor', 'A.TS'].map(languageOf))
      .toEqual(['typescript', 'typescript', 'typescript', 'javascript', 'javascript', 'json', 'yaml', 'yaml', 'python', 'markdown', 'plaintext', 'plaintext', 'plaintext', 'typescript']);
  });
});
