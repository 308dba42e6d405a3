/**
 * The live side of the diagram: a fold over the platform's events into what the drawn SVG shows — per function its
 * invocations, errors, throttles and warm instances, which edges an event just travelled, which nodes are busy or
 * failing. Pure and clock-free (every call takes `now`), so the overlay can batch per animation frame and tests can
 * drive time by hand. Counters are kept by function name, so they survive a redraw of the diagram.
 */
import type { PlatformEvent } from '../platform-types';
import type { ServiceName } from '../services/types';
import { SERVICE_RESOURCE } from './diagram-model';
import type { DiagramModel, RuntimeDependency } from './types';

/** How long an edge stays lit after an event travelled it (ms); the CSS fades it back. */
export const EDGE_LIT_MS = 1200;
/** How long a function that just failed stays red, unless it succeeds first (ms). */
export const ERROR_LIT_MS = 5000;

export type NodeState = 'idle' | 'active' | 'error';

export interface FunctionCounters {
  invocations: number;
  errors: number;
  throttles: number;
  /** Instances started and not stopped: warm (or busy) ones. */
  warm: number;
}

export interface DiagramView {
  /** Node id → its state; nodes not listed are idle. */
  nodes: Map<string, NodeState>;
  /** Function node id → its badge text. */
  badges: Map<string, string>;
  /** Ids of the edges lit now. */
  litEdges: Set<string>;
  /** The earliest time something lit goes back to idle, or null when nothing is lit (when to look again). */
  nextChangeAt: number | null;
}

interface FunctionState extends FunctionCounters {
  instances: Set<string>;
  lastActive: number;
  lastError: number;
  lastOk: number;
}

const depKey = (fn: string, service: ServiceName, resource: string) => `${fn}\u0000${service}\u0000${resource}`;

export class DiagramActivity {
  private readonly fns = new Map<string, FunctionState>();
  private readonly deps = new Map<string, RuntimeDependency>();
  /** Edge id → when it was last travelled. */
  private readonly edgeAt = new Map<string, number>();
  /** Node id → when it was last active (resources, gateway, schedules). */
  private readonly nodeAt = new Map<string, number>();
  // Lookups built from the model.
  private fnNode = new Map<string, string>();
  private triggerEdge = new Map<string, string>();
  private depEdge = new Map<string, string>();
  /** Queue name → its edge to its dead-letter queue. */
  private redriveEdge = new Map<string, string>();
  /** The clients → gateway edge(s), lit by every HTTP request. */
  private httpEdges: string[] = [];
  private edgeEnds = new Map<string, { from: string; to: string }>();

  constructor(model: DiagramModel = { nodes: [], edges: [] }) {
    this.setModel(model);
  }

  /** A redrawn diagram: ids may have come or gone; the counters stay (by function name). */
  setModel(model: DiagramModel): void {
    this.fnNode = new Map(model.nodes.filter((n) => n.kind === 'function').map((n) => [n.ref, n.id]));
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    this.triggerEdge = new Map();
    this.depEdge = new Map();
    this.redriveEdge = new Map();
    this.edgeEnds = new Map(model.edges.map((e) => [e.id, { from: e.from, to: e.to }]));
    this.httpEdges = model.edges.filter((e) => e.kind === 'trigger' && e.triggers?.includes('http')).map((e) => e.id);
    for (const e of model.edges) {
      if (e.kind === 'trigger') {
        // An edge into a function is found by (trigger, function); client → gateway by its trigger alone.
        for (const t of e.triggers ?? []) this.triggerEdge.set(`${t}\u0000${e.to}`, e.id);
      } else if (e.kind === 'dependency') {
        const fn = byId.get(e.from);
        const res = byId.get(e.to);
        if (fn && res) this.depEdge.set(`${fn.ref}\u0000${res.kind}\u0000${res.ref}`, e.id);
      } else if (e.kind === 'redrive') {
        const queue = byId.get(e.from);
        if (queue) this.redriveEdge.set(queue.ref, e.id);
      }
    }
    this.edgeAt.clear();
    this.nodeAt.clear();
  }

  /** The services functions have called so far (the diagram draws them as dashed edges). */
  dependencies(): RuntimeDependency[] {
    return [...this.deps.values()];
  }

  /**
   * Folds one platform event in. Returns 'structure' when the diagram needs redrawing (a function called a resource it
   * had not called before), 'view' when what is drawn changes, or null.
   */
  apply(event: PlatformEvent, now: number): 'structure' | 'view' | null {
    switch (event.type) {
      case 'invocation-start': {
        const f = this.fn(event.functionName);
        f.invocations++;
        f.lastActive = now;
        this.lightTrigger(event.trigger, event.functionName, now);
        return 'view';
      }
      case 'invocation-end': {
        const f = this.fn(event.functionName);
        f.lastActive = now;
        if (event.ok) f.lastOk = now;
        else {
          f.errors++;
          f.lastError = now;
        }
        return 'view';
      }
      case 'throttle': {
        const f = this.fn(event.functionName);
        f.throttles++;
        f.lastError = now;
        this.lightTrigger(event.trigger, event.functionName, now);
        return 'view';
      }
      case 'instance-start':
        this.fn(event.functionName).instances.add(event.instanceId);
        return 'view';
      case 'instance-stop':
        return this.fn(event.functionName).instances.delete(event.instanceId) ? 'view' : null;
      case 'service-call': {
        if (event.resource === null) return null;
        const key = depKey(event.functionName, event.service, event.resource);
        const isNew = !this.deps.has(key);
        if (isNew) this.deps.set(key, { functionName: event.functionName, service: event.service, resource: event.resource });
        const edge = this.depEdge.get(`${event.functionName}\u0000${SERVICE_RESOURCE[event.service]}\u0000${event.resource}`);
        if (edge) this.light(edge, now);
        return isNew && !edge ? 'structure' : 'view';
      }
      case 'redrive': {
        const edge = this.redriveEdge.get(event.queue);
        if (!edge) return null;
        this.light(edge, now);
        return 'view';
      }
      default:
        return null;
    }
  }

  counters(functionName: string): FunctionCounters {
    const f = this.fns.get(functionName);
    return f ? { invocations: f.invocations, errors: f.errors, throttles: f.throttles, warm: f.instances.size } : { invocations: 0, errors: 0, throttles: 0, warm: 0 };
  }

  /** Forgets the counts and lit edges (not the dependencies: they are part of the architecture). */
  reset(): void {
    for (const f of this.fns.values()) {
      f.invocations = f.errors = f.throttles = 0;
      f.lastError = f.lastOk = f.lastActive = -Infinity;
    }
    this.edgeAt.clear();
    this.nodeAt.clear();
  }

  view(now: number): DiagramView {
    const nodes = new Map<string, NodeState>();
    const badges = new Map<string, string>();
    const litEdges = new Set<string>();
    let next = Infinity;
    const until = (t: number) => {
      if (t > now) next = Math.min(next, t);
      return t > now;
    };
    for (const [edge, at] of this.edgeAt) if (until(at + EDGE_LIT_MS)) litEdges.add(edge);
    for (const [node, at] of this.nodeAt) if (until(at + EDGE_LIT_MS)) nodes.set(node, 'active');
    for (const [name, f] of this.fns) {
      const id = this.fnNode.get(name);
      if (!id) continue;
      badges.set(id, badgeText({ invocations: f.invocations, errors: f.errors, throttles: f.throttles, warm: f.instances.size }));
      if (f.lastError > f.lastOk && until(f.lastError + ERROR_LIT_MS)) nodes.set(id, 'error');
      else if (until(f.lastActive + EDGE_LIT_MS)) nodes.set(id, 'active');
    }
    return { nodes, badges, litEdges, nextChangeAt: next === Infinity ? null : next };
  }

  private fn(name: string): FunctionState {
    let f = this.fns.get(name);
    if (!f) {
      f = { invocations: 0, errors: 0, throttles: 0, warm: 0, instances: new Set(), lastActive: -Infinity, lastError: -Infinity, lastOk: -Infinity };
      this.fns.set(name, f);
    }
    return f;
  }

  private lightTrigger(trigger: string, functionName: string, now: number): void {
    const fnNode = this.fnNode.get(functionName);
    if (!fnNode) return;
    const edge = this.triggerEdge.get(`${trigger}\u0000${fnNode}`);
    if (edge) this.light(edge, now);
    // The request came from the clients through the gateway: light that hop too.
    if (trigger.startsWith('http:')) for (const id of this.httpEdges) this.light(id, now);
  }

  private light(edge: string, now: number): void {
    this.edgeAt.set(edge, now);
    const ends = this.edgeEnds.get(edge);
    if (!ends) return;
    this.nodeAt.set(ends.from, now);
    this.nodeAt.set(ends.to, now);
  }
}

/** `12 calls · 1 error · 2 warm` (throttles only when there were some). */
export function badgeText(c: FunctionCounters): string {
  const parts = [plural(c.invocations, 'call')];
  if (c.errors) parts.push(plural(c.errors, 'error'));
  if (c.throttles) parts.push(plural(c.throttles, 'throttle'));
  parts.push(`${c.warm} warm`);
  return parts.join(' · ');
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
