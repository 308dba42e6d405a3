/**
 * `virtual_events_per_s`: schedule and queue events processed on the virtual clock under Node. A day of a
 * `rate(1 minute)` producer that sends 100 messages a minute with SendMessageBatch (the AWS SDK shim, through the
 * simulated SQS), and a consumer polling them in batches of 10 — the real worker runtime, sources and services, run
 * in-process by NodeWorkerEngine (no sandbox: this figure measures the simulation, not the browser's isolation).
 * Writes `{ "virtual_events_per_s": n, … }` to $BENCH_OUT (scripts/bench.mjs merges it into its JSON line).
 */
import { report } from './bench-out';
import { it } from 'vitest';
import { Platform } from '../../runtime/platform';
import { VirtualClock } from '../../runtime/clock';
import { NodeWorkerEngine } from '../../runtime/engines/worker/node-worker-engine';

const MINUTES = Number(process.env.BENCH_MINUTES ?? 1440);

const files = {
  'serverless.yml': `service: vbench
provider:
  name: aws
  runtime: nodejs20.x
functions:
  producer:
    handler: h.produce
    environment: { QUEUE_URL: !Ref Jobs }
    events:
      - schedule: rate(1 minute)
  consumer:
    handler: h.consume
    events:
      - sqs: { arn: !GetAtt Jobs.Arn, batchSize: 10 }
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      Properties: { QueueName: jobs }
`,
  'h.js': `const { SQSClient, SendMessageBatchCommand } = require('@aws-sdk/client-sqs');
const sqs = new SQSClient({});
let n = 0;
exports.produce = async () => {
  for (let b = 0; b < 10; b++) {
    const Entries = [];
    for (let i = 0; i < 10; i++) Entries.push({ Id: String(i), MessageBody: JSON.stringify({ job: n++ }) });
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.QUEUE_URL, Entries }));
  }
};
let sum = 0;
exports.consume = async (event) => {
  for (const r of event.Records) sum += JSON.parse(r.body).job;
};
`,
};

it('processes a virtual day of schedule and queue events', async () => {
  const base = new VirtualClock(Date.UTC(2026, 0, 1));
  const platform = new Platform({ engine: new NodeWorkerEngine(), clock: base });
  const r = await platform.deploy(files);
  if (!r.ok) throw new Error(`deploy failed: ${r.error}`);
  const queue = () => platform.resources().queues[0];
  const t0 = performance.now();
  const fired = await platform.clock.fastForward(MINUTES * 60_000);
  if (process.env.BENCH_DEBUG) console.log("fastForward ms", performance.now() - t0, queue().deleted);
  // The last minute's messages are still being polled when the clock stops: let the mapping drain them.
  while (queue().deleted < MINUTES * 100) await new Promise((res) => setImmediate(res));
  const seconds = (performance.now() - t0) / 1000;
  const q = queue();
  const events = MINUTES + q.deleted; // each schedule invocation + each message processed
  const figures = {
    virtual_events_per_s: Math.round(events / seconds),
    virtual_events: events,
    virtual_timers_fired: fired,
    virtual_wall_s: Math.round(seconds * 1000) / 1000,
  };
  if (q.deleted !== MINUTES * 100 || q.visible + q.inFlight !== 0) throw new Error(`messages unaccounted for: ${JSON.stringify(q)}`);
  console.log(`virtual events: ${JSON.stringify(figures)}`);
  report(figures);
  platform.dispose();
}, 600_000);
