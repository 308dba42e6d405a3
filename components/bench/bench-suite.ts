/** The in-page benchmarks (CONTRACTS.md §5): cold starts, warm latency, throughput and redeploys through a real Platform. */
import type { HttpRequest } from '@/runtime/gateway/types';
import type { Files } from '@/runtime/project/types';
import type { DeployResult, PlatformListener, RequestResult } from '@/runtime/platform-types';
import type { ResourcesView } from '@/runtime/services/types';
import { median, percentile, round, timerResolutionMs } from './stats';
import { queueThroughput } from './queue-bench';
import { diagramBench } from './diagram-bench';

/** The part of the Platform the benchmarks drive. */
export interface BenchPlatform {
  deploy(files: Files): Promise<DeployResult>;
  request(req: HttpRequest): Promise<RequestResult>;
  on(listener: PlatformListener): () => void;
  fire(sourceId: string, payload?: string): Promise<void>;
  resources(): ResourcesView;
}

export interface BenchOptions {
  /** Sequential warm requests timed one by one (at least 5,000 for the published figures). */
  warmRequests: number;
  /** Cold starts (a deploy, then the first request on the new instance). */
  coldSamples: number;
  /** Seconds of sustained load at concurrency 10. */
  throughputSeconds: number;
  redeploySamples: number;
  /** Messages sent through the queue benchmark (at least 20,000 for the published figures). */
  queueMessages: number;
  /** Reports progress as a short line. */
  progress: (line: string) => void;
}

export type BenchFigures = Record<string, number>;

/** The classic hello function; `tag` makes each deploy's code distinct. */
export function helloFiles(tag: string): Files {
  return {
    'serverless.yml': [
      'service: bench', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:', '  hello:',
      '    handler: handler.hello', '    events:', "      - httpApi: 'GET /hello'", '',
    ].join('\n'),
    'handler.js': [
      `const tag = ${JSON.stringify(tag)};`,
      'exports.hello = async (event) => {',
      "  const name = (event.queryStringParameters && event.queryStringParameters.name) || 'world';",
      '  return { statusCode: 200, body: `Hello, ${name}! ${tag}` };',
      '};', '',
    ].join('\n'),
  };
}

const HELLO: HttpRequest = { method: 'GET', path: '/hello?name=Ada', headers: {}, body: '' };
const now = () => performance.now();

async function deployOk(p: BenchPlatform, files: Files): Promise<void> {
  const r = await p.deploy(files);
  if (!r.ok) throw new Error(`bench deploy failed: ${r.error ?? 'unknown error'}`);
}

async function hello(p: BenchPlatform, expectTag?: string): Promise<RequestResult> {
  const r = await p.request(HELLO);
  if (r.response.statusCode !== 200 || (expectTag && !r.response.body.endsWith(expectTag))) {
    throw new Error(`unexpected answer ${r.response.statusCode}: ${r.response.body.slice(0, 200)}`);
  }
  return r;
}

/** New instance: a deploy retires the warm ones, so the next request creates a worker, loads the code and answers. */
export async function coldStarts(p: BenchPlatform, o: BenchOptions): Promise<BenchFigures> {
  const samples: number[] = [];
  const last: { cold: boolean | null } = { cold: null };
  const off = p.on((e) => {
    if (e.type === 'invocation-start') last.cold = e.cold;
  });
  try {
    for (let i = 0; i < o.coldSamples; i++) {
      const tag = `cold-${i}`;
      await deployOk(p, helloFiles(tag));
      last.cold = null;
      const t0 = now();
      await hello(p, tag);
      samples.push(now() - t0);
      if (last.cold !== true) throw new Error('the first request after a deploy was not a cold start');
    }
  } finally {
    off();
  }
  o.progress(`cold start: ${samples.map((s) => s.toFixed(1)).join(' ')} ms`);
  return { cold_start_p50_ms: round(median(samples), 2), cold_start_first_ms: round(samples[0], 2) };
}

/**
 * Gateway request to response, one request at a time, each timed with performance.now(). Without cross-origin
 * isolation the timer is coarsened to 100 µs (with jitter), so single samples are quantised: the mean over the
 * whole run (total time / requests) is reported beside p50/p99, and so is the timer's resolution.
 */
async function warmInvokes(p: BenchPlatform, o: BenchOptions): Promise<BenchFigures> {
  await deployOk(p, helloFiles('warm'));
  for (let i = 0; i < 500; i++) await hello(p);
  const samples = new Float64Array(o.warmRequests);
  const start = now();
  for (let i = 0; i < o.warmRequests; i++) {
    const t0 = now();
    await hello(p);
    samples[i] = now() - t0;
    if (i % 1000 === 999) o.progress(`warm: ${i + 1}/${o.warmRequests}`);
  }
  const total = now() - start;
  const xs = Array.from(samples);
  return {
    warm_invoke_p50_ms: round(percentile(xs, 50)),
    warm_invoke_p99_ms: round(percentile(xs, 99)),
    warm_invoke_mean_ms: round(total / o.warmRequests, 4),
    warm_invoke_samples: o.warmRequests,
  };
}

/** Sustained load on one function: 10 loops, each sending its next request as soon as the last one answered. */
async function throughput(p: BenchPlatform, o: BenchOptions): Promise<BenchFigures> {
  await deployOk(p, helloFiles('load'));
  const run = async (ms: number) => {
    let done = 0;
    const end = now() + ms;
    const loop = async () => {
      while (now() < end) {
        await hello(p);
        done++;
      }
    };
    const t0 = now();
    await Promise.all(Array.from({ length: 10 }, loop));
    return done / ((now() - t0) / 1000);
  };
  await run(1000); // warm-up: brings up the instances concurrency 10 needs
  const rate = await run(o.throughputSeconds * 1000);
  o.progress(`throughput: ${Math.round(rate)} requests/s at concurrency 10`);
  return { invokes_per_s: Math.round(rate) };
}

/** Platform-level redeploy: deploy new code, then the first response from it (the UI figure is measured by the script). */
async function redeploys(p: BenchPlatform, o: BenchOptions): Promise<BenchFigures> {
  await deployOk(p, helloFiles('redeploy-base'));
  await hello(p);
  const samples: number[] = [];
  for (let i = 0; i < o.redeploySamples; i++) {
    const tag = `redeploy-${i}`;
    const t0 = now();
    await deployOk(p, helloFiles(tag));
    await hello(p, tag);
    samples.push(now() - t0);
  }
  return { redeploy_platform_ms: round(median(samples), 2) };
}

export async function runBenchSuite(p: BenchPlatform, o: BenchOptions): Promise<BenchFigures> {
  const figures: BenchFigures = {
    timer_resolution_ms: round(timerResolutionMs(now), 4),
    cross_origin_isolated: globalThis.crossOriginIsolated ? 1 : 0,
  };
  o.progress(`timer resolution ${figures.timer_resolution_ms} ms, cross-origin isolated: ${figures.cross_origin_isolated === 1}`);
  Object.assign(figures, await coldStarts(p, o));
  Object.assign(figures, await warmInvokes(p, o));
  Object.assign(figures, await throughput(p, o));
  Object.assign(figures, await redeploys(p, o));
  Object.assign(figures, await queueThroughput(p, o));
  Object.assign(figures, await diagramBench(o.progress));
  return figures;
}
