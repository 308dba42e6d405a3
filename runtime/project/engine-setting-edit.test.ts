import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import { readEngineSetting, setEngineSetting } from './engine-setting-edit';

const base = `service: s # my service
provider:
  name: aws
  runtime: nodejs20.x
functions:
  hello:
    handler: handler.hello # the greeter
`;
const files = { 'handler.js': 'exports.hello = async () => 1;' };
const engineOf = (text: string) => parseManifest(text, files).project?.playground.engine ?? null;

describe('setEngineSetting', () => {
  it('adds a custom section before functions, keeping every other line as written', () => {
    const out = setEngineSetting(base, 'auto');
    expect(out).toBe(base.replace('functions:', 'custom:\n  playground:\n    engine: auto\nfunctions:'));
    expect(engineOf(out)).toBe('auto');
  });

  it('changes the value in place, and removes it (with the sections it leaves empty)', () => {
    const withIt = setEngineSetting(base, 'webcontainer');
    expect(engineOf(setEngineSetting(withIt, 'worker'))).toBe('worker');
    expect(setEngineSetting(withIt, 'worker')).toBe(withIt.replace('engine: webcontainer', 'engine: worker'));
    expect(setEngineSetting(withIt, null)).toBe(base);
  });

  it('adds to an existing custom or playground section, at its indentation', () => {
    const custom = base.replace('functions:', 'custom:\n    tables: x # keep\nfunctions:');
    const out = setEngineSetting(custom, 'auto');
    expect(out).toContain('custom:\n    playground:\n      engine: auto\n    tables: x # keep\n');
    expect(engineOf(out)).toBe('auto');
    expect(setEngineSetting(out, null)).toBe(custom);
    const other = setEngineSetting(custom.replace('tables: x # keep', 'playground:\n      future: 1'), 'worker');
    expect(other).toContain('playground:\n      engine: worker\n      future: 1');
  });

  it('reads the setting back', () => {
    expect(readEngineSetting(setEngineSetting(base, 'webcontainer'))).toBe('webcontainer');
    expect(readEngineSetting(base)).toBeNull();
    expect(readEngineSetting(base.replace('functions:', 'custom:\n  playground:\n    engine: docker\nfunctions:'))).toBeNull();
  });

  it('leaves a file that does not parse alone', () => {
    expect(setEngineSetting('service: [', 'auto')).toBe('service: [');
  });
});
