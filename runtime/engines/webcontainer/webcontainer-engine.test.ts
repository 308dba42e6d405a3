import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, engineContract } from '../engine-contract';
import { context } from '../worker/worker-test-kit';
import { NodeContainer } from './node-container';
import { fileTree, WebContainerEngine } from './webcontainer-engine';

const HOST = readFileSync(new URL('./host/lambda-host.cjs', import.meta.url), 'utf8');
const containers: NodeContainer[] = [];
afterAll(() => containers.forEach((c) => c.dispose()));

function engineOn(container = new NodeContainer()) {
  containers.push(container);
  return { container, engine: new WebContainerEngine({ container: async () => container, hostSource: async () => HOST }) };
}

// The WebContainer engine, each instance a real `node` process running host/lambda-host.cjs, on a Node-backed container.
engineContract('webcontainer (Node-backed container)', () => engineOn().engine);

describe('WebContainerEngine: what only real Node.js gives', () => {
  it('stops a runaway loop at the timeout by ending the process; the next instance starts fresh', async () => {
    const { engine } = engineOn();
    const inst = await engine.startInstance(bundle(`let n = 0; exports.hello = (e) => { n++; if (e.spin) for (;;) {} return n; };`), () => {});
    expect(await inst.invoke({}, context())).toMatchObject({ ok: true, result: 1 });
    expect(await inst.invoke({ spin: true }, context({ remainingMs: 200 }))).toMatchObject({ ok: false, timedOut: true });
    expect(inst.stopped).toBe(true);
    const next = await engine.startInstance(bundle(`let n = 0; exports.hello = () => ++n;`), () => {});
    expect(await next.invoke({}, context())).toMatchObject({ ok: true, result: 1 });
    engine.dispose();
  });

  it('requires npm packages from node_modules and Node’s own modules; raw stdout writes become log lines', async () => {
    const { container, engine } = engineOn();
    await container.mount(fileTree({
      'node_modules/left-pad/package.json': '{"name":"left-pad","version":"1.3.0","main":"index.js"}',
      'node_modules/left-pad/index.js': "module.exports = (s, n, c = ' ') => String(s).padStart(n, c);",
    }));
    const lines: string[] = [];
    const inst = await engine.startInstance(
      bundle(`const pad = require('left-pad'); const os = require('node:os'); const crypto = require('crypto');
exports.hello = async () => { process.stdout.write('raw line\\n'); return { padded: pad('7', 3, '0'), eol: os.EOL, hash: crypto.createHash('sha256').update('x').digest('hex').slice(0, 8) }; };`),
      (_rid, l) => lines.push(l.text),
    );
    expect(await inst.invoke({}, context())).toMatchObject({ ok: true, result: { padded: '007', eol: '\n', hash: '2d711642' } });
    expect(lines).toContain('raw line');
    engine.dispose();
  });

  it('retries a failed init inside the next invocation, as Lambda does, with the SDK still answered', async () => {
    const { engine } = engineOn();
    const inst = await engine.startInstance(
      bundle(`if (!globalThis.tried) { globalThis.tried = true; throw new Error('cold config'); }
const { SQSClient } = require('@aws-sdk/client-sqs');
exports.hello = async () => typeof new SQSClient({}).send;`),
      () => {},
    );
    expect(inst.init).toMatchObject({ ok: false, error: { errorMessage: 'cold config' } });
    expect(await inst.invoke({}, context())).toMatchObject({ ok: true, result: 'function' });
    engine.dispose();
  });

  it('reports an unhandled rejection as the runtime does, and the process is gone', async () => {
    const { engine } = engineOn();
    const inst = await engine.startInstance(bundle(`exports.hello = async () => { Promise.reject(new Error('forgotten')); await new Promise((r) => setTimeout(r, 50)); };`), () => {});
    expect(await inst.invoke({}, context())).toMatchObject({ ok: false, error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'forgotten' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(inst.stopped).toBe(true);
    engine.dispose();
  });
});
