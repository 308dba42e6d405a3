/**
 * In-page benchmarks of the architecture diagram: `diagram_render_ms` (a 30-node project, from the Project to a drawn,
 * mapped SVG with its overlay: what a redraw costs) and `diagram_frame_ms_p95` (the frame interval while 1,000
 * platform events a second flow through the same DiagramActivity → DiagramOverlay path the Architecture panel uses,
 * restyled once per animation frame).
 */
import { parseManifest } from '@/runtime/project/manifest';
import { DiagramActivity } from '@/runtime/diagram/diagram-activity';
import { buildDiagramModel } from '@/runtime/diagram/diagram-model';
import { toMermaid } from '@/runtime/diagram/mermaid-text';
import { mapSvgIds } from '@/runtime/diagram/svg-ids';
import type { DiagramModel } from '@/runtime/diagram/types';
import type { PlatformEvent } from '@/runtime/platform-types';
import { DiagramOverlay } from '@/components/diagram/diagram-overlay';
import { loadMermaid } from '@/components/diagram/load-mermaid';
import '@/components/diagram/diagram.css';
import { median, percentile, round } from './stats';
import type { BenchFigures } from './bench-suite';

const FUNCTIONS = 12;
const QUEUES = ['orders', 'payments', 'emails', 'audit', 'retries', 'orders-dlq'];
const BUCKETS = ['uploads', 'thumbs', 'exports', 'logs-archive'];
const TABLES = ['users', 'orders-table', 'sessions'];
const TOPICS = ['alerts', 'signups'];

/** 30 nodes: HTTP clients, the gateway, 12 functions, 6 queues, 4 buckets, 3 tables, 2 topics and a schedule. */
export function thirtyNodeManifest(): string {
  const fns: string[] = [];
  for (let i = 0; i < FUNCTIONS; i++) {
    const events = [`      - httpApi: 'GET /f${i}'`];
    if (i < QUEUES.length - 1) events.push(`      - sqs: { arn: !GetAtt Q${i}.Arn, batchSize: 10 }`);
    if (i < BUCKETS.length) events.push(`      - s3: { bucket: ${BUCKETS[i]}, existing: true }`);
    if (i < TABLES.length) events.push(`      - stream: { type: dynamodb, arn: !GetAtt T${i}.StreamArn }`);
    if (i < TOPICS.length) events.push(`      - sns: ${TOPICS[i]}`);
    if (i === 0) events.push('      - schedule: rate(5 minutes)');
    fns.push(`  f${i}:`, `    handler: handler.f${i}`, '    events:', ...events);
  }
  const resources: string[] = [];
  QUEUES.forEach((q, i) => {
    const redrive = q === 'orders' ? `, RedrivePolicy: { deadLetterTargetArn: !GetAtt Q${QUEUES.length - 1}.Arn, maxReceiveCount: 3 }` : '';
    resources.push(`    Q${i}:`, '      Type: AWS::SQS::Queue', `      Properties: { QueueName: ${q}${redrive} }`);
  });
  BUCKETS.forEach((b, i) => resources.push(`    B${i}:`, '      Type: AWS::S3::Bucket', `      Properties: { BucketName: ${b} }`));
  TABLES.forEach((t, i) => resources.push(
    `    T${i}:`, '      Type: AWS::DynamoDB::Table', '      Properties:', `        TableName: ${t}`,
    '        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]', '        KeySchema: [{ AttributeName: id, KeyType: HASH }]',
    '        StreamSpecification: { StreamViewType: NEW_IMAGE }',
  ));
  return ['service: diagram-bench', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:', ...fns, 'resources:', '  Resources:', ...resources, ''].join('\n');
}

function benchModel(): DiagramModel {
  const handler = Array.from({ length: FUNCTIONS }, (_, i) => `exports.f${i} = async () => ({});`).join('\n');
  const { project, diagnostics } = parseManifest(thirtyNodeManifest(), { 'handler.js': handler });
  if (!project) throw new Error(`diagram bench manifest: ${diagnostics.map((d) => `${d.line}: ${d.message}`).join('; ')}`);
  return buildDiagramModel(project, [], ['handler.js', 'serverless.yml']);
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

export async function diagramBench(progress: (line: string) => void, renders = 5, flowSeconds = 3): Promise<BenchFigures> {
  const model = benchModel();
  const text = toMermaid(model);
  const mermaid = await loadMermaid();
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:0;top:0;width:900px;height:600px;overflow:hidden;opacity:0.01;pointer-events:none';
  host.id = 'architecture-canvas'; // the panel's id, so the page's diagram styles (and their transitions) apply
  document.body.append(host);
  try {
    let overlay: DiagramOverlay | null = null;
    const samples: number[] = [];
    for (let i = 0; i <= renders; i++) {
      const id = `bench-arch-${i}`;
      const t0 = performance.now();
      const { svg } = await mermaid.render(id, text);
      host.innerHTML = svg;
      const map = mapSvgIds(id, model, [...host.querySelectorAll('[id]')].map((e) => e.id));
      if (map.missing.length) throw new Error(`diagram bench: no SVG element for ${map.missing.join(', ')}`);
      overlay = new DiagramOverlay(host, map, model);
      const dt = performance.now() - t0;
      if (i > 0) samples.push(dt); // the first render also loads Mermaid's diagram code
    }
    progress(`diagram render (${model.nodes.length} nodes, ${model.edges.length} edges): ${samples.map((s) => s.toFixed(0)).join(' ')} ms`);

    // 1,000 events a second: invocation start and end pairs on random functions and their triggers, for flowSeconds.
    const activity = new DiagramActivity(model);
    const triggers = model.edges.filter((e) => e.kind === 'trigger' && e.triggers?.length && model.nodes.find((n) => n.id === e.to)?.kind === 'function');
    const fnRef = new Map(model.nodes.map((n) => [n.id, n.ref]));
    let pending = 0;
    let painted = 0;
    const paint = () => {
      pending = 0;
      overlay!.apply(activity.view(performance.now()));
      painted++;
    };
    let sent = 0;
    const emit = () => {
      const e = triggers[sent % triggers.length];
      const functionName = fnRef.get(e.to)!;
      const start: PlatformEvent = { type: 'invocation-start', requestId: String(sent), functionName, cold: false, trigger: e.triggers![0], causes: [], time: 0 };
      const end: PlatformEvent = { type: 'invocation-end', requestId: String(sent), functionName, ok: sent % 17 !== 0, durationMs: 1, billedMs: 1, time: 0 };
      activity.apply(start, performance.now());
      activity.apply(end, performance.now());
      sent += 2;
      if (!pending) pending = requestAnimationFrame(paint);
    };
    const tick = setInterval(() => {
      for (let k = 0; k < 5; k++) emit(); // 5 pairs every 10 ms: 1,000 events a second
    }, 10);
    const intervals: number[] = [];
    try {
      let last = await frame();
      const end = last + flowSeconds * 1000;
      while (last < end) {
        const t = await frame();
        intervals.push(t - last);
        last = t;
      }
    } finally {
      clearInterval(tick);
    }
    const eventsPerS = Math.round(sent / flowSeconds);
    progress(`diagram frames while ${eventsPerS} events/s flow: p50 ${percentile(intervals, 50).toFixed(1)} ms, p95 ${percentile(intervals, 95).toFixed(1)} ms (${painted} restyles)`);
    return {
      diagram_render_ms: round(median(samples), 1),
      diagram_nodes: model.nodes.length,
      diagram_frame_ms_p95: round(percentile(intervals, 95), 2),
      diagram_events_per_s: eventsPerS,
    };
  } finally {
    host.remove();
  }
}
