/**
 * Traces as a fold over the platform's event stream: each invocation that starts without a cause (an HTTP request, a
 * console action, a schedule) roots a trace; its SDK calls hang under it, and under each call the invocations whose
 * `causes` name it (a notification, a batch, a delivery), and so on. Bounded: the newest `maxTraces` traces are kept,
 * each with at most `maxInvocationsPerTrace` invocations (a function that triggers itself cannot exhaust memory).
 */
import type { PlatformEvent } from '../platform-types';
import type { Trace, TraceCall, TraceHttp, TraceInvocation, TraceSummary } from './trace-types';

interface TraceRecord {
  id: string;
  http: TraceHttp | null;
  root: TraceInvocation | null;
  invocations: number;
  /** Invocations not recorded for want of room (what those went on to cause is not seen at all). */
  dropped: number;
}

/** Invocations whose causing call has not been reported yet (a notification starts while its call is answered). */
interface Pending {
  invocation: TraceInvocation;
  /** Its causes still to look for, in order. */
  causes: readonly string[];
}

const MAX_PENDING = 1000;

export class TraceLog {
  private seq = 0;
  private readonly traces = new Map<string, TraceRecord>();
  /** Every recorded invocation → its trace. */
  private readonly traceOfInvocation = new Map<string, TraceRecord>();
  private readonly invocations = new Map<string, TraceInvocation>();
  private readonly calls = new Map<string, TraceCall>();
  private readonly callTrace = new Map<string, TraceRecord>();
  private readonly pending = new Map<string, Pending[]>();
  private pendingCount = 0;
  /** Bumped on every change (the UI redraws when it moves, once per frame). */
  version = 0;

  constructor(
    private readonly maxTraces = 200,
    private readonly maxInvocationsPerTrace = 500,
  ) {}

  /** Folds one event in; true when the traces changed. */
  apply(e: PlatformEvent): boolean {
    switch (e.type) {
      case 'invocation-start':
      case 'throttle':
        this.started(e.requestId, e.functionName, e.trigger, e.causes, e.time, e.type === 'throttle', e.type === 'invocation-start' && e.cold);
        return this.changed();
      case 'invocation-end': {
        const inv = this.invocations.get(e.requestId);
        if (!inv) return false;
        inv.end = { ok: e.ok, durationMs: e.durationMs, time: e.time, seq: ++this.seq };
        return this.changed();
      }
      case 'service-call':
        return this.called(e) && this.changed();
      case 'http-request': {
        const http: TraceHttp = { method: e.method, path: e.path, routeKey: e.routeKey, status: e.status, durationMs: e.durationMs, time: e.time };
        const existing = this.traces.get(e.requestId);
        if (existing) existing.http = http;
        else this.addTrace({ id: e.requestId, http, root: null, invocations: 0, dropped: 0 });
        return this.changed();
      }
      default:
        return false;
    }
  }

  /** The newest traces first. */
  list(): TraceSummary[] {
    const out: TraceSummary[] = [];
    for (const t of this.traces.values()) out.push(summarize(t));
    return out.reverse();
  }

  get(id: string): Trace | null {
    const t = this.traces.get(id);
    return t ? { id: t.id, http: t.http, root: t.root } : null;
  }

  /** The trace an invocation belongs to (its id), e.g. for a log line's request id. */
  traceOf(requestId: string): string | null {
    return this.traceOfInvocation.get(requestId)?.id ?? (this.traces.has(requestId) ? requestId : null);
  }

  /** How many invocations a trace left out for want of room (0 for an unknown one). */
  dropped(id: string): number {
    return this.traces.get(id)?.dropped ?? 0;
  }

  clear(): void {
    this.traces.clear();
    this.traceOfInvocation.clear();
    this.invocations.clear();
    this.calls.clear();
    this.callTrace.clear();
    this.pending.clear();
    this.pendingCount = 0;
    this.changed();
  }

  private changed(): true {
    this.version++;
    return true;
  }

  private started(requestId: string, functionName: string, trigger: string, causes: readonly string[], time: number, throttled: boolean, cold: boolean): void {
    const invocation: TraceInvocation = { requestId, functionName, trigger, cold, throttled, start: time, seq: ++this.seq, end: null, calls: [] };
    if (causes.length === 0) {
      const trace: TraceRecord = { id: requestId, http: null, root: invocation, invocations: 1, dropped: 0 };
      this.addTrace(trace);
      this.invocations.set(requestId, invocation);
      this.traceOfInvocation.set(requestId, trace);
      return;
    }
    for (const cause of causes) {
      const call = this.calls.get(cause);
      if (call) return this.attach(invocation, call);
    }
    // Reported before its call: wait for the first cause that turns up.
    if (this.pendingCount >= MAX_PENDING) this.dropPending();
    const entry: Pending = { invocation, causes };
    for (const cause of causes) {
      const list = this.pending.get(cause);
      if (list) list.push(entry);
      else this.pending.set(cause, [entry]);
    }
    this.pendingCount++;
  }

  private attach(invocation: TraceInvocation, call: TraceCall): void {
    const trace = this.callTrace.get(call.callId);
    if (!trace || this.traces.get(trace.id) !== trace) return;
    if (trace.invocations >= this.maxInvocationsPerTrace) {
      trace.dropped++;
      return;
    }
    trace.invocations++;
    call.triggered.push(invocation);
    this.invocations.set(invocation.requestId, invocation);
    this.traceOfInvocation.set(invocation.requestId, trace);
  }

  private called(e: Extract<PlatformEvent, { type: 'service-call' }>): boolean {
    const owner = e.requestId === null ? undefined : this.invocations.get(e.requestId);
    const trace = e.requestId === null ? undefined : this.traceOfInvocation.get(e.requestId);
    const waiting = this.pending.get(e.callId);
    this.pending.delete(e.callId);
    if (!owner || !trace) return false;
    // Invocations it caused were reported first: the call goes before them in the trace's order.
    const firstWaiting = waiting?.reduce((min, p) => Math.min(min, p.invocation.seq), Infinity) ?? Infinity;
    const call: TraceCall = {
      callId: e.callId, service: e.service, operation: e.operation, resource: e.resource, ok: e.ok, time: e.time,
      seq: firstWaiting === Infinity ? ++this.seq : firstWaiting - 0.5, triggered: [],
      ...(e.errorName ? { errorName: e.errorName } : {}),
    };
    owner.calls.push(call);
    this.calls.set(e.callId, call);
    this.callTrace.set(e.callId, trace);
    for (const p of waiting ?? []) {
      if (this.invocations.has(p.invocation.requestId)) continue; // attached through an earlier cause
      this.forgetPending(p);
      this.attach(p.invocation, call);
    }
    return true;
  }

  private forgetPending(p: Pending): void {
    for (const cause of p.causes) {
      const list = this.pending.get(cause);
      if (!list) continue;
      const rest = list.filter((x) => x !== p);
      if (rest.length) this.pending.set(cause, rest);
      else this.pending.delete(cause);
    }
    this.pendingCount--;
  }

  /** The oldest waiting invocations give up (their calls were never reported: the caller's trace was dropped). */
  private dropPending(): void {
    const oldest = this.pending.values().next().value;
    if (oldest) for (const p of [...oldest]) this.forgetPending(p);
  }

  private addTrace(trace: TraceRecord): void {
    this.traces.set(trace.id, trace);
    while (this.traces.size > this.maxTraces) {
      const oldest = this.traces.values().next().value as TraceRecord;
      this.traces.delete(oldest.id);
      this.forget(oldest.root);
    }
  }

  /** Drops an evicted trace's invocations and calls from the indexes. */
  private forget(inv: TraceInvocation | null): void {
    const stack = inv ? [inv] : [];
    while (stack.length) {
      const i = stack.pop()!;
      this.invocations.delete(i.requestId);
      this.traceOfInvocation.delete(i.requestId);
      for (const c of i.calls) {
        this.calls.delete(c.callId);
        this.callTrace.delete(c.callId);
        stack.push(...c.triggered);
      }
    }
  }
}

/** A trace's line in the list: what started it, how many invocations, errors, and how long it took. */
export function summarize(t: Pick<TraceRecord, 'id' | 'http' | 'root'>): TraceSummary {
  const start = t.http?.time ?? t.root?.start ?? 0;
  let invocations = 0;
  let errors = 0;
  let running = false;
  let last = t.http ? t.http.durationMs : 0;
  const stack = t.root ? [t.root] : [];
  while (stack.length) {
    const inv = stack.pop()!;
    invocations++;
    if (inv.throttled || (inv.end && !inv.end.ok)) errors++;
    if (!inv.throttled && !inv.end) running = true;
    if (inv.end) last = Math.max(last, inv.start - start + inv.end.durationMs);
    for (const c of inv.calls) {
      if (!c.ok) errors++;
      stack.push(...c.triggered);
    }
  }
  return {
    id: t.id,
    title: traceTitle(t.http, t.root),
    functionName: t.root?.functionName ?? null,
    status: t.http?.status ?? null,
    invocations,
    errors,
    running,
    start,
    durationMs: running ? null : last,
  };
}

/** 'GET /hello', 'bucket: uploads', 'schedule: hello', 'invoke: hello'. */
export function traceTitle(http: TraceHttp | null, root: TraceInvocation | null): string {
  if (http) return `${http.method} ${http.path}`;
  if (!root) return '(nothing)';
  const colon = root.trigger.indexOf(':');
  const kind = colon < 0 ? root.trigger : root.trigger.slice(0, colon);
  if (kind === 'invoke') return `invoke: ${root.functionName}`;
  if (kind === 'schedule') return `schedule: ${root.functionName}`;
  if (kind === 'http') return root.trigger.slice(colon + 1);
  return `${kind}: ${root.trigger.slice(colon + 1)}`;
}
