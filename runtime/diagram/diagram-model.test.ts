import { describe, expect, it } from 'vitest';
import { buildDiagramModel } from './diagram-model';
import { manifest, project, SHOP_YML } from './diagram-fixtures';
import type { DiagramModel, RuntimeDependency } from './types';

const nodes = (m: DiagramModel) => m.nodes.map((n) => [n.id, n.kind, n.ref, [n.title, ...n.detail].join(' | ')]);
const edges = (m: DiagramModel) => m.edges.map((e) => [e.id, e.kind, e.label ?? null, e.triggers ?? null]);
const ids = (m: DiagramModel) => new Map(m.nodes.map((n) => [n.ref, n.id]));

describe('buildDiagramModel: every source and service kind', () => {
  const shop = buildDiagramModel(project(SHOP_YML), [], ['src/api.ts', 'jobs.js', 'jobs.py']);

  it('draws clients, gateway, schedules, triggering resources, functions, then the other resources', () => {
    expect(nodes(shop)).toEqual([
      ['client', 'client', 'client', 'HTTP clients'],
      ['gateway', 'gateway', 'gateway', 'HTTP API | 3 routes'],
      ['sched_report_1', 'schedule', 'schedule:report:1', 'schedule | rate(5 minutes)'],
      ['sched_report_2', 'schedule', 'schedule:report:2', 'schedule | cron(0 12 * * ? *) (disabled)'],
      ['sched_report_eb3', 'schedule', 'eventBridge:shop-dev-report-rule-3', 'schedule | rate(1 hour)'],
      [expect.stringMatching(/^bucket_shop_uploads_[0-9a-z]+$/), 'bucket', 'shop-uploads', 'shop-uploads | S3 bucket'],
      ['queue_orders', 'queue', 'orders', 'orders | SQS queue'],
      ['topic_alerts', 'topic', 'alerts', 'alerts | SNS topic'],
      ['bus_default', 'bus', 'default', 'default | EventBridge bus'],
      ['table_orders', 'table', 'orders', 'orders | DynamoDB table · stream'],
      ['fn_api', 'function', 'api', 'api | nodejs20.x · 512 MB · 10 s'],
      ['fn_health', 'function', 'health', 'health | nodejs22.x · 1024 MB · 6 s'],
      ['fn_report', 'function', 'report', 'report | nodejs20.x · 1024 MB · 6 s'],
      ['fn_thumbs', 'function', 'thumbs', 'thumbs | nodejs20.x · 1024 MB · 6 s'],
      ['fn_charge', 'function', 'charge', 'charge | nodejs20.x · 1024 MB · 6 s'],
      ['fn_notify', 'function', 'notify', 'notify | nodejs20.x · 1024 MB · 6 s'],
      ['fn_audit', 'function', 'audit', 'audit | nodejs20.x · 1024 MB · 6 s'],
      [expect.stringMatching(/^queue_orders_dlq_[0-9a-z]+$/), 'queue', 'orders-dlq', 'orders-dlq | SQS queue · dead-letter queue'],
      ['table_sessions', 'table', 'sessions', 'sessions | DynamoDB table'],
    ]);
  });

  it('links each trigger with its match keys, merges a function’s routes, and draws the redrive', () => {
    const bucket = ids(shop).get('shop-uploads');
    const dlq = ids(shop).get('orders-dlq');
    expect(edges(shop)).toEqual([
      ['e_client__gateway', 'trigger', null, ['http']],
      ['e_gateway__fn_api', 'trigger', 'GET /orders, POST /orders', ['http:GET /orders', 'http:POST /orders']],
      ['e_gateway__fn_health', 'trigger', 'GET /health', ['http:GET /health']],
      ['e_sched_report_1__fn_report', 'trigger', null, ['schedule:report:1']],
      ['e_sched_report_2__fn_report', 'trigger', null, ['schedule:report:2']],
      // An eventBridge schedule rule's invocations report its bus as their trigger.
      ['e_sched_report_eb3__fn_report', 'trigger', null, ['bus:default']],
      [`e_${bucket}__fn_thumbs`, 'trigger', 'ObjectCreated:* images/*.jpg, ObjectRemoved:*', ['bucket:shop-uploads']],
      ['e_queue_orders__fn_charge', 'trigger', 'batch 5', ['queue:orders']],
      ['e_topic_alerts__fn_notify', 'trigger', null, ['topic:alerts']],
      ['e_bus_default__fn_notify', 'trigger', 'shop.orders', ['bus:default']],
      ['e_table_orders__fn_audit', 'trigger', 'batch 10 · TRIM_HORIZON', ['table:orders']],
      [`e_queue_orders__${dlq}`, 'redrive', 'after 3 receives', null],
    ]);
    expect(shop.edges.map((e) => [e.from, e.to]).slice(0, 2)).toEqual([['client', 'gateway'], ['gateway', 'fn_api']]);
  });

  it('targets: the handler file that exists, the schedule’s source, the manifest line, the resource card', () => {
    const target = (ref: string) => shop.nodes.find((n) => n.ref === ref)?.target;
    expect(target('api')).toEqual({ kind: 'file', path: 'src/api.ts' });
    expect(target('report')).toEqual({ kind: 'file', path: 'jobs.js' });
    expect(target('health')).toEqual({ kind: 'file', path: 'health.js' }); // not in the files: the first candidate
    expect(target('schedule:report:2')).toEqual({ kind: 'source', sourceId: 'schedule:report:2' });
    expect(target('eventBridge:shop-dev-report-rule-3')).toEqual({ kind: 'file', path: 'serverless.yml', line: 23 });
    expect(target('orders-dlq')).toEqual({ kind: 'resource', resource: 'queue:orders-dlq' });
    expect(target('default')).toEqual({ kind: 'resource', resource: 'bus:default' });
    expect(target('client')).toEqual({ kind: 'request' });
    expect(target('gateway')).toEqual({ kind: 'request' });
  });

  it('a Python function’s handler file is its .py module', () => {
    const p = project(SHOP_YML);
    p.functions.report.runtime = 'python3.12';
    const report = buildDiagramModel(p, [], ['jobs.js', 'jobs.py']).nodes.find((n) => n.ref === 'report');
    expect(report?.target).toEqual({ kind: 'file', path: 'jobs.py' });
  });
});

describe('buildDiagramModel: what is left out', () => {
  it('has no clients or gateway without routes, and no default bus for an eventBridge schedule alone', () => {
    const m = buildDiagramModel(project(manifest(['  tick:', '    handler: h.tick', '    events:', '      - eventBridge: { schedule: rate(1 hour), enabled: false }'])));
    expect(nodes(m)).toEqual([
      ['sched_tick_eb1', 'schedule', 'eventBridge:demo-dev-tick-rule-1', 'schedule | rate(1 hour) (disabled)'],
      ['fn_tick', 'function', 'tick', 'tick | nodejs20.x · 1024 MB · 6 s'],
    ]);
  });

  it('one route is "1 route"; a disabled or filtered source says so on its edge', () => {
    const m = buildDiagramModel(project(manifest([
      '  f:', '    handler: h.f', '    events:',
      "      - httpApi: '*'",
      '      - sqs: { arn: !GetAtt Q.Arn, enabled: false }',
      '      - sns: { topicName: t, filterPolicy: { kind: [a] } }',
      "      - eventBridge: { pattern: { detail-type: [Placed, Paid] }, enabled: false }",
      '      - s3: { bucket: pics, rules: [{ suffix: .png }] }',
    ], ['    Q: { Type: AWS::SQS::Queue, Properties: { QueueName: q } }'])));
    expect(m.nodes.find((n) => n.kind === 'gateway')?.detail).toEqual(['1 route']);
    expect(edges(m).map(([, , label]) => label)).toEqual([null, '$default', 'ObjectCreated:* *.png', 'batch 10 (disabled)', 'filter: kind', 'Placed, Paid (disabled)']);
  });
});

describe('buildDiagramModel: stable ids', () => {
  it('builds the same model twice', () => {
    expect(buildDiagramModel(project(SHOP_YML))).toEqual(buildDiagramModel(project(SHOP_YML)));
  });

  it('adding an unrelated function keeps every other id', () => {
    const before = buildDiagramModel(project(SHOP_YML));
    const added = SHOP_YML.replace('resources:\n', '  aaa-new:\n    handler: x.y\n    events:\n      - schedule: rate(1 day)\nresources:\n');
    const after = buildDiagramModel(project(added));
    expect(after.nodes.length).toBe(before.nodes.length + 2);
    for (const [ref, id] of ids(before)) expect(ids(after).get(ref)).toBe(id);
    const edgeIds = new Set(after.edges.map((e) => e.id));
    for (const e of before.edges) expect(edgeIds.has(e.id)).toBe(true);
  });

  it('keeps `my-fn` and `my_fn` apart, and every id Mermaid-safe, unique and short', () => {
    const long = 'x'.repeat(70);
    const m = buildDiagramModel(project(manifest(['  my-fn: { handler: h.a }', '  my_fn: { handler: h.b }', `  ${long}: { handler: h.c }`])));
    const [dash, under, cut] = m.nodes.map((n) => n.id);
    expect(under).toBe('fn_my_fn');
    expect(dash).toMatch(/^fn_my_fn_[0-9a-z]{1,7}$/);
    expect(cut).toMatch(new RegExp(`^fn_${'x'.repeat(40)}_[0-9a-z]{1,7}$`));
    for (const n of m.nodes) expect(n.id).toMatch(/^[a-z]+_[A-Za-z0-9_]+$/);
  });

  it('a name crafted to equal another name’s hashed id still gets its own id', () => {
    const first = buildDiagramModel(project(manifest(['  a-b: { handler: h.a }']))).nodes[0].id;
    const crafted = first.slice('fn_'.length);
    const m = buildDiagramModel(project(manifest(['  a-b: { handler: h.a }', `  ${crafted}: { handler: h.b }`])));
    expect(m.nodes.map((n) => n.id)).toEqual([first, `${first}_2`]);
  });
});

describe('buildDiagramModel: run-time dependencies', () => {
  const dep = (functionName: string, service: RuntimeDependency['service'], resource: string) => ({ functionName, service, resource });

  it('draws one dashed edge per function and resource, for known resources only, in model order', () => {
    const deps = [
      dep('charge', 'dynamodb', 'sessions'), dep('api', 'sqs', 'orders'), dep('api', 'sqs', 'orders'),
      dep('api', 's3', 'shop-uploads'), dep('api', 'sns', 'nope'), dep('ghost', 'sqs', 'orders'), dep('api', 'dynamodb', 'orders'),
    ];
    const m = buildDiagramModel(project(SHOP_YML), deps);
    const bucket = ids(m).get('shop-uploads');
    expect(edges(m).filter(([, kind]) => kind === 'dependency')).toEqual([
      [`e_fn_api__${bucket}`, 'dependency', null, null],
      ['e_fn_api__queue_orders', 'dependency', null, null],
      ['e_fn_api__table_orders', 'dependency', null, null],
      ['e_fn_charge__table_sessions', 'dependency', null, null],
    ]);
    expect(buildDiagramModel(project(SHOP_YML), [...deps].reverse())).toEqual(m);
  });

  it('a call to the default bus draws it; a resource only called moves after the functions', () => {
    const m = buildDiagramModel(project(manifest(['  f: { handler: h.f }'])), [dep('f', 'eventbridge', 'default')]);
    expect(nodes(m).map(([id]) => id)).toEqual(['fn_f', 'bus_default']);
    expect(edges(m)).toEqual([['e_fn_f__bus_default', 'dependency', null, null]]);
  });
});
