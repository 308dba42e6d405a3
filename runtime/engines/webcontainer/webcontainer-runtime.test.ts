import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Platform } from '../../platform';
import { RealClock } from '../../clock';
import { NodeWorkerEngine } from '../worker/node-worker-engine';
import { NodeContainer } from './node-container';
import { WebContainerRuntime } from './webcontainer-runtime';
import type { Files } from '../../project/types';

const HOST = readFileSync(new URL('./host/lambda-host.cjs', import.meta.url), 'utf8');
const containers: NodeContainer[] = [];
afterAll(() => containers.forEach((c) => c.dispose()));

function platformWith(boot: () => Promise<NodeContainer>, bootTimeoutMs?: number) {
  const runtime = new WebContainerRuntime({ boot, hostSource: async () => HOST, bootTimeoutMs, installArgs: ['--offline'] });
  return new Platform({ engine: new NodeWorkerEngine(), clock: new RealClock(), webcontainer: runtime });
}

const yml = (extra = '') => `service: deps
provider:
  name: aws
  runtime: nodejs20.x
${extra}functions:
  pad:
    handler: handler.pad
    events:
      - httpApi: 'GET /pad'
`;

const withDependency: Files = {
  'serverless.yml': yml(),
  'package.json': '{\n  "name": "deps",\n  "dependencies": {\n    "left-pad": "file:./vendor/left-pad"\n  }\n}\n',
  'vendor/left-pad/package.json': '{ "name": "left-pad", "version": "1.3.0", "main": "index.js" }',
  'vendor/left-pad/index.js': "module.exports = (s, n, c) => String(s).padStart(n, c || ' ');",
  'handler.js': "const pad = require('left-pad');\nexports.pad = async () => ({ statusCode: 200, body: pad('7', 3, '0') + ' on ' + process.release.name });",
};

describe('WebContainerRuntime behind the platform', () => {
  it('installs package.json’s dependencies with npm, then runs the function on real Node.js', async () => {
    const container = new NodeContainer();
    containers.push(container);
    const platform = platformWith(async () => container);
    try {
      const d = await platform.deploy(withDependency);
      expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
      expect(platform.state).toMatchObject({ status: 'ready', engine: { kind: 'webcontainer', reason: 'npm dependencies (left-pad) need real Node.js' } });
      const lines = platform.logs.all().map((l) => l.text);
      expect(lines).toContain('npm install…');
      expect(lines.some((l) => /^npm install done in [\d.]+ s$/.test(l))).toBe(true);
      // The Terminal panel's text: the boot, then npm's own output.
      expect(platform.terminal.text()).toMatch(/Starting WebContainers[^]*✓ WebContainers started[^]*\$ npm install[^]*added 1 package/);
      const res = await platform.request({ method: 'GET', path: '/pad', headers: {}, body: '' });
      expect(res.response.body).toBe('007 on node');
      // The same package.json again: no second install.
      await platform.deploy({ ...withDependency, 'handler.js': withDependency['handler.js'].replace("' on '", "' via '") });
      expect(platform.logs.all().filter((l) => l.text === 'npm install…')).toHaveLength(1);
      expect((await platform.request({ method: 'GET', path: '/pad', headers: {}, body: '' })).response.body).toBe('007 via node');
    } finally {
      platform.dispose();
    }
  }, 60_000);

  it('when WebContainers do not start: auto runs on the embedded engine and says why; dependencies are an error at package.json', async () => {
    const platform = platformWith(() => new Promise<NodeContainer>(() => {}), 100); // as a boot with no route to StackBlitz
    try {
      const auto = await platform.deploy({ 'serverless.yml': yml('custom:\n  playground:\n    engine: auto\n'), 'handler.js': "exports.pad = async () => ({ statusCode: 200, body: 'embedded' });" });
      expect(auto.ok).toBe(true);
      expect(platform.state).toMatchObject({ status: 'ready', version: 1, engine: { kind: 'worker', reason: expect.stringMatching(/^auto: WebContainers did not start within 0 s/) } });
      expect(platform.terminal.text()).toContain('✗ WebContainers did not start within 0 s');
      const refused = await platform.deploy(withDependency);
      expect(refused.ok).toBe(false);
      expect(refused.diagnostics).toEqual([expect.objectContaining({ file: 'package.json', line: 3, message: expect.stringContaining('package.json has dependencies (left-pad): installing them needs the WebContainer engine') })]);
      expect(platform.state).toMatchObject({ status: 'error', servingVersion: 1 });
      expect((await platform.request({ method: 'GET', path: '/pad', headers: {}, body: '' })).response.body).toBe('embedded'); // the last good version serves
    } finally {
      platform.dispose();
    }
  });

  it('a failed install is an error at package.json, with npm’s last words', async () => {
    const container = new NodeContainer();
    containers.push(container);
    const platform = platformWith(async () => container);
    try {
      // Offline, a registry package that is not in npm's cache cannot be installed.
      const broken = { ...withDependency, 'package.json': '{ "name": "deps", "dependencies": { "playground-no-such-package": "^1.0.0" } }' };
      const r = await platform.deploy(broken);
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0]).toMatchObject({ file: 'package.json', message: expect.stringMatching(/^npm install failed: exit code [1-9]/) });
    } finally {
      platform.dispose();
    }
  }, 60_000);
});
