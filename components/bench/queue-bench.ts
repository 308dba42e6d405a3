/** In-page benchmark of the queue path: messages sent to an SQS queue, polled in batches of 10 and processed by a function. */
import type { Files } from '@/runtime/project/types';
import type { BenchFigures, BenchOptions, BenchPlatform } from './bench-suite';

const QUEUE = 'bench-orders';

export function queueFiles(): Files {
  return {
    'serverless.yml': [
      'service: bench', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:', '  worker:',
      '    handler: worker.handler', '    events:', '      - sqs:', '          arn: !GetAtt Orders.Arn', '          batchSize: 10',
      'resources:', '  Resources:', '    Orders:', '      Type: AWS::SQS::Queue', '      Properties:', `        QueueName: ${QUEUE}`, '',
    ].join('\n'),
    'worker.js': [
      'let total = 0;',
      'exports.handler = async (event) => {',
      '  for (const record of event.Records) total += JSON.parse(record.body).n;',
      '  return { batchItemFailures: [] };',
      '};', '',
    ].join('\n'),
  };
}

/**
 * `messages` are sent at once (SendMessage through the Events panel's path), then the clock runs until the consumer's
 * event source mapping has deleted them all: messages per second from the first send to the last delete.
 */
export async function queueThroughput(p: BenchPlatform, o: BenchOptions): Promise<BenchFigures> {
  const r = await p.deploy(queueFiles());
  if (!r.ok) throw new Error(`bench deploy failed: ${r.error ?? 'unknown error'}`);
  const run = async (n: number) => {
    const deletedBefore = deleted(p);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await p.fire(`queue:${QUEUE}`, `{"n":${i}}`);
    for (;;) {
      const done = deleted(p) - deletedBefore;
      if (done >= n) break;
      await new Promise((res) => setTimeout(res, 5));
      if (performance.now() - t0 > 120_000) throw new Error(`queue bench stalled at ${done}/${n}`);
    }
    return n / ((performance.now() - t0) / 1000);
  };
  await run(1000); // warm-up: brings up the mapping's concurrent batches and their instances
  const rate = await run(o.queueMessages);
  o.progress(`queue: ${Math.round(rate)} messages/s (batch 10)`);
  return { queue_msgs_per_s: Math.round(rate), queue_msgs_samples: o.queueMessages};
}

function deleted(p: BenchPlatform): number {
  return p.resources().queues.find((q) => q.name === QUEUE)?.deleted ?? 0;
}
