/**
 * The WebContainer engine's in-container host under Node (issue 5): `host_cold_start_ms`, from asking for an instance to
 * its init done (a `node` process start, the host's own start, loading the handler), and `host_warm_invoke_p50_ms`,
 * the protocol round trip of a warm invocation (page → host over stdin, handler, host → page over stdout). The
 * container is the Node-backed stand-in (node-container.ts): the same host program, processes and pipes.
 */
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { NodeContainer } from '../../runtime/engines/webcontainer/node-container';
import { WebContainerEngine } from '../../runtime/engines/webcontainer/webcontainer-engine';
import { bundle } from '../../runtime/engines/engine-contract';
import { context } from '../../runtime/engines/worker/worker-test-kit';
import { report } from './bench-out';

const HOST = readFileSync(new URL('../../runtime/engines/webcontainer/host/lambda-host.cjs', import.meta.url), 'utf8');
const COLD = Number(process.env.BENCH_HOST_COLD ?? 15);
const WARM = Number(process.env.BENCH_HOST_WARM ?? 3000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

it('host cold start and warm round trip', async () => {
  const container = new NodeContainer();
  const engine = new WebContainerEngine({ container: async () => container, hostSource: async () => HOST });
  const hello = bundle(`exports.hello = async (event) => ({ statusCode: 200, body: 'Hello, ' + (event.name || 'world') });`);
  try {
    // The first start also mounts the host and the SDK shim: not a cold start of an instance.
    (await engine.startInstance(hello, () => {})).stop();
    const cold: number[] = [];
    for (let i = 0; i < COLD; i++) {
      const t0 = performance.now();
      const inst = await engine.startInstance(hello, () => {});
      cold.push(performance.now() - t0);
      if (!inst.init.ok) throw new Error('init failed');
      inst.stop();
    }
    const inst = await engine.startInstance(hello, () => {});
    const ctx = context();
    for (let i = 0; i < 200; i++) await inst.invoke({ name: 'Ada' }, ctx); // warm-up
    const warm: number[] = [];
    for (let i = 0; i < WARM; i++) {
      const t0 = performance.now();
      const o = await inst.invoke({ name: 'Ada' }, ctx);
      warm.push(performance.now() - t0);
      if (!o.ok) throw new Error('invoke failed');
    }
    inst.stop();
    const figures = { host_cold_start_ms: round(median(cold), 1), host_warm_invoke_p50_ms: round(median(warm)), host_warm_samples: WARM };
    console.log(`host: ${JSON.stringify(figures)}`);
    report(figures);
  } finally {
    engine.dispose();
    container.dispose();
  }
}, 120_000);
