/**
 * The architecture diagram's model (issue 4): a deployed project's HTTP clients, gateway, schedules, resources and
 * functions as nodes, and what triggers or calls what as edges, in a deterministic order with stable ids.
 */
import { handlerFileCandidates } from '../project/handler-file';
import type { FunctionDef, FunctionEventDef, Project, ProjectResources } from '../project/types';
import { ruleName } from '../sources/event-bridge-rules';
import { scheduleRules } from '../sources/schedule-rules';
import type { ServiceName } from '../services/types';
import { IdRegistry, nodeId, scheduleNodeId, type NodeIdPrefix } from './diagram-ids';
import { eventLabel } from './event-labels';
import type { DiagramEdge, DiagramEdgeKind, DiagramModel, DiagramNode, RuntimeDependency } from './types';

type ResourceKind = 'bucket' | 'queue' | 'topic' | 'bus' | 'table';

/** The resource a service's SDK calls name. */
export const SERVICE_RESOURCE: Record<ServiceName, ResourceKind> = { s3: 'bucket', sqs: 'queue', sns: 'topic', eventbridge: 'bus', dynamodb: 'table' };

/** Node groups, in drawing order: triggers on the left, functions in the middle, what they only call on the right. */
const Group = { Client: 0, Gateway: 1, Schedule: 2, TriggeringResource: 3, Function: 4, OtherResource: 5 } as const;

/** A node before ids are handed out; edges name nodes by `key`: 'fn:hello', 'bucket:uploads', 'schedule:hello:1', … */
interface Draft extends Omit<DiagramNode, 'id'> { key: string; baseId: string }

interface EdgeDraft { from: string; to: string; kind: DiagramEdgeKind; labels: string[]; triggers: string[] }

const EDGE_RANK: Record<DiagramEdgeKind, number> = { trigger: 0, redrive: 1, dependency: 2 };

/** Where the eventBridge `schedule` rules and other manifest-only nodes point. */
const MANIFEST_FILE = 'serverless.yml';

/**
 * The diagram of `project`. `deps` are the services functions called at run time (drawn dashed, once per function and
 * resource; calls to resources the project lacks are left out); `files` are the project's paths, to find handler files.
 */
export function buildDiagramModel(project: Project, deps: RuntimeDependency[] = [], files: readonly string[] = []): DiagramModel {
  const drafts = new Map<string, Draft>();
  const edges = new Map<string, EdgeDraft>();
  const add = (draft: Draft) => drafts.set(draft.key, draft);
  const link = (from: string, to: string, kind: DiagramEdgeKind, label?: string, trigger?: string) => {
    if (!drafts.has(from) || !drafts.has(to)) return;
    const k = `${kind} ${from} ${to}`;
    const edge = edges.get(k) ?? { from, to, kind, labels: [], triggers: [] };
    edges.set(k, edge);
    if (label && !edge.labels.includes(label)) edge.labels.push(label);
    if (trigger && !edge.triggers.includes(trigger)) edge.triggers.push(trigger);
  };

  const fns = Object.values(project.functions);
  const known = deps.filter((d) => Object.hasOwn(project.functions, d.functionName));
  resourceDrafts(project.resources, fns, known).forEach(add);
  const paths = new Set(files);
  for (const fn of fns) add(functionDraft(fn, paths));

  const routes = new Set(fns.flatMap((fn) => fn.events.flatMap((e) => (e.kind === 'httpApi' ? [e.routeKey] : []))));
  if (routes.size > 0) {
    add({ key: 'client', baseId: 'client', kind: 'client', ref: 'client', title: 'HTTP clients', detail: [], target: { kind: 'request' } });
    const detail = [`${routes.size} ${routes.size === 1 ? 'route' : 'routes'}`];
    add({ key: 'gateway', baseId: 'gateway', kind: 'gateway', ref: 'gateway', title: 'HTTP API', detail, target: { kind: 'request' } });
    link('client', 'gateway', 'trigger', undefined, 'http');
  }

  // A `schedule` event's node is keyed by its Events-panel source id, numbered as the schedule sources number them.
  const scheduleIds = new Map(scheduleRules(project, '').map((rule) => [rule.def, rule.id]));
  for (const fn of fns) {
    const to = `fn:${fn.name}`;
    fn.events.forEach((def, index) => {
      const label = eventLabel(def);
      if (def.kind === 'httpApi') {
        link('gateway', to, 'trigger', label, `http:${def.routeKey}`);
      } else if (def.kind === 'schedule') {
        const id = scheduleIds.get(def);
        if (!id) return; // an invalid expression: the manifest reader reported it
        const n = id.slice(id.lastIndexOf(':') + 1);
        add(scheduleDraft(id, scheduleNodeId(fn.name, n), def.expression, def.enabled, { kind: 'source', sourceId: id }));
        link(id, to, 'trigger', label, id);
      } else if (def.kind === 'eventBridge' && !def.pattern) {
        if (!def.schedule) return;
        // A schedule rule fires on the clock, not on events put on the bus, so it is drawn as a schedule. Its key is the
        // rule's scheduler id (it has no Events-panel group, so it opens its line of serverless.yml); its invocations
        // report the bus as their trigger, as the rules deliver them.
        const id = `eventBridge:${ruleName(fn.functionName ?? `${project.service}-${project.provider.stage}-${fn.name}`, index + 1)}`;
        add(scheduleDraft(id, scheduleNodeId(fn.name, `eb${index + 1}`), def.schedule, def.enabled, { kind: 'file', path: MANIFEST_FILE, line: def.line }));
        link(id, to, 'trigger', label, `bus:${def.bus}`);
      } else {
        const source = eventSource(def);
        link(source, to, 'trigger', label, source);
      }
    });
  }
  for (const q of project.resources.queues) {
    if (q.redrive) link(`queue:${q.name}`, `queue:${q.redrive.deadLetterQueue}`, 'redrive', `after ${q.redrive.maxReceiveCount} receives`);
  }
  for (const d of known) link(`fn:${d.functionName}`, `${SERVICE_RESOURCE[d.service]}:${d.resource}`, 'dependency');
  return finish(drafts, [...edges.values()]);
}

/** Orders the nodes by group (then as added) and the edges by kind, source and target, and hands out the ids. */
function finish(drafts: Map<string, Draft>, edgeDrafts: EdgeDraft[]): DiagramModel {
  const triggering = new Set(edgeDrafts.filter((e) => e.kind === 'trigger').map((e) => e.from));
  const group = (d: Draft): number => {
    if (d.kind === 'client') return Group.Client;
    if (d.kind === 'gateway') return Group.Gateway;
    if (d.kind === 'schedule') return Group.Schedule;
    if (d.kind === 'function') return Group.Function;
    return triggering.has(d.key) ? Group.TriggeringResource : Group.OtherResource;
  };
  const ordered = [...drafts.values()].map((d, i) => ({ d, g: group(d), i })).sort((a, b) => a.g - b.g || a.i - b.i);
  const registry = new IdRegistry();
  const ids = new Map<string, string>();
  const index = new Map<string, number>();
  const nodes = ordered.map(({ d: { key, baseId, ...node } }, i) => {
    ids.set(key, registry.claim(baseId));
    index.set(key, i);
    return { id: ids.get(key)!, ...node };
  });
  const at = (key: string) => index.get(key)!;
  const sorted = [...edgeDrafts].sort((a, b) => EDGE_RANK[a.kind] - EDGE_RANK[b.kind] || at(a.from) - at(b.from) || at(a.to) - at(b.to));
  const edges = sorted.map((e): DiagramEdge => {
    const from = ids.get(e.from)!;
    const to = ids.get(e.to)!;
    const edge: DiagramEdge = { id: registry.claim(`e_${from}__${to}`), from, to, kind: e.kind };
    if (e.labels.length > 0) edge.label = e.labels.join(', ');
    if (e.kind === 'trigger') edge.triggers = e.triggers;
    return edge;
  });
  return { nodes, edges };
}

function functionDraft(fn: FunctionDef, paths: ReadonlySet<string>): Draft {
  const candidates = handlerFileCandidates(fn.handlerModule, fn.runtime);
  const path = candidates.find((p) => paths.has(p)) ?? candidates[0];
  return {
    key: `fn:${fn.name}`, baseId: nodeId('fn', fn.name), kind: 'function', ref: fn.name, title: fn.name,
    detail: [`${fn.runtime} · ${fn.memorySize} MB · ${fn.timeout} s`], target: { kind: 'file', path },
  };
}

function scheduleDraft(key: string, baseId: string, expression: string, enabled: boolean, target: DiagramNode['target']): Draft {
  return { key, baseId, kind: 'schedule', ref: key, title: 'schedule', detail: [enabled ? expression : `${expression} (disabled)`], target };
}

/** The source id of a bucket, queue, topic, bus or table event: the key of its resource's node, and its trigger. */
function eventSource(def: Exclude<FunctionEventDef, { kind: 'httpApi' | 'schedule' }>): string {
  if (def.kind === 's3') return `bucket:${def.bucket}`;
  if (def.kind === 'sqs') return `queue:${def.queue}`;
  if (def.kind === 'sns') return `topic:${def.topic}`;
  if (def.kind === 'eventBridge') return `bus:${def.bus}`;
  return `table:${def.table}`;
}

/**
 * One node per bucket, queue, topic, bus and table. Every account has the `default` bus: like the Events panel, the
 * diagram shows it only when a pattern rule or a run-time call uses it.
 */
function resourceDrafts(r: ProjectResources, fns: FunctionDef[], deps: RuntimeDependency[]): Draft[] {
  const draft = (kind: ResourceKind, prefix: NodeIdPrefix, name: string, detail: string): Draft => ({
    key: `${kind}:${name}`, baseId: nodeId(prefix, name), kind, ref: name, title: name, detail: [detail],
    target: { kind: 'resource', resource: `${kind}:${name}` },
  });
  const deadLetter = new Set(r.queues.flatMap((q) => (q.redrive ? [q.redrive.deadLetterQueue] : [])));
  const usedBuses = new Set([
    ...fns.flatMap((fn) => fn.events.flatMap((e) => (e.kind === 'eventBridge' && e.pattern ? [e.bus] : []))),
    ...deps.filter((d) => d.service === 'eventbridge').map((d) => d.resource),
  ]);
  return [
    ...r.buckets.map((b) => draft('bucket', 'bucket', b.name, 'S3 bucket')),
    ...r.queues.map((q) => draft('queue', 'queue', q.name, deadLetter.has(q.name) ? 'SQS queue · dead-letter queue' : 'SQS queue')),
    ...r.topics.map((t) => draft('topic', 'topic', t.name, 'SNS topic')),
    ...r.buses
      .filter((b) => b.name !== 'default' || b.logicalId !== null || usedBuses.has(b.name))
      .map((b) => draft('bus', 'bus', b.name, 'EventBridge bus')),
    ...r.tables.map((t) => draft('table', 'table', t.name, t.streamViewType ? 'DynamoDB table · stream' : 'DynamoDB table')),
  ];
}
