/**
 * One trace as Mermaid sequence-diagram text, drawn like an AWS X-Ray trace: client → HTTP API → function → the
 * services it called → the functions those triggered, with timings. Participants get generated ids (`P0`, `P1`, …);
 * user text (function, bucket, queue, topic, bus, table, route and path names) appears only in participant aliases and
 * message texts, escaped by escapeSequenceText. Messages are drawn in time order, capped, and activations are emitted
 * only in pairs that are both drawn: Mermaid throws on a deactivation without its activation.
 */
import type { ServiceName } from '../services/types';
import type { Trace, TraceCall, TraceInvocation } from '../telemetry/trace-types';
import { shortenLine } from './escape-label';

export interface TraceSequence {
  text: string;
  /** messages drawn */
  steps: number;
  /** steps left out beyond the cap */
  omitted: number;
}

export interface TraceSequenceOptions {
  /** At most this many messages (arrows) are drawn; 80 by default. */
  maxSteps?: number;
}

export const DEFAULT_MAX_STEPS = 80;

/** Triggers cannot form a cycle in a trace tree; a corrupt one still must not recurse without bound. */
export const MAX_DEPTH = 20;

// ---------------------------------------------------------------------------------------------------------------------
// Escaping

/**
 * Measured in a browser with mermaid 12.3 (sequence diagram, securityLevel strict): a participant alias or message text
 * runs to the first `;` (next statement), `#` (comment) or newline, so the named entities escapeLabel writes for
 * flowcharts (`&lt;`, `&semi;`) end the statement and the diagram fails to parse. Mermaid's own `#60;` codes are swapped
 * for placeholders before parsing and come out as `&#60;` in the SVG, which reads `<`: numeric codes are the form
 * that works here (for any code point). Raw, `<img …>` is drawn as text, but `<br>` splits the line, `$$…$$` is typeset
 * by KaTeX into a foreignObject, `%%{init}%%` anywhere is read as a directive, a text starting `wrap:` loses that prefix
 * and turns wrapping on, and the placeholder characters `ﬂ` and `¶` can forge a code. All of those are escaped, plus
 * quotes, `&`, backticks and braces for good measure; controls and line separators become spaces.
 */
const SEQ_SPECIAL = /[&<>"'`#;%$:{}\\\uFB02\u00B6]/g;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` (already shortened) safe as one sequence-diagram alias or message: specials as `#<code point>;`. */
export function escapeSequenceText(text: string): string {
  return text.replace(CONTROL, ' ').replace(SEQ_SPECIAL, (c) => `#${c.codePointAt(0)};`);
}

/** User text as it goes into the diagram: cut to one readable line first (so a code is never cut), then escaped. */
function user(text: string): string {
  return escapeSequenceText(shortenLine(text));
}

// ---------------------------------------------------------------------------------------------------------------------
// Durations

/** Drops a trailing `.0`: `12.0` reads better as `12`. */
function oneDecimal(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/**
 * A duration as people read it: `0.4 ms`, `12.3 ms` (one decimal below 100 ms), `350 ms`, `1.2 s` (one decimal below a
 * minute), `2 min 5 s`. Rounding picks the unit, so 999.7 ms is `1 s`, never `1000 ms`. Negative is 0; NaN is `?`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const value = Math.max(0, ms);
  if (Math.round(value * 10) / 10 < 100) return `${oneDecimal(value)} ms`;
  if (Math.round(value) < 1000) return `${Math.round(value)} ms`;
  if (Math.round(value / 100) / 10 < 60) return `${oneDecimal(value / 1000)} s`;
  const seconds = Math.round(value / 1000);
  const min = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${min} min` : `${min} min ${seconds % 60} s`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Participants

type ResourceKind = 'bucket' | 'queue' | 'topic' | 'bus' | 'table';

const SERVICE_KIND: Record<ServiceName, ResourceKind> = { s3: 'bucket', sqs: 'queue', sns: 'topic', eventbridge: 'bus', dynamodb: 'table' };
const SERVICE_LABEL: Record<ServiceName, string> = { s3: 'S3', sqs: 'SQS', sns: 'SNS', eventbridge: 'EventBridge', dynamodb: 'DynamoDB' };
const KIND_LABEL: Record<ResourceKind, string> = {
  bucket: 'S3 bucket', queue: 'SQS queue', topic: 'SNS topic', bus: 'EventBridge bus', table: 'DynamoDB table',
};

/** How an invocation's start reads, by what triggered it: a call, an async event, or a batch of records. */
const KIND_VERB: Record<ResourceKind, string> = { bucket: 'event (async)', topic: 'event (async)', bus: 'event (async)', queue: 'batch', table: 'batch' };

const isResourceKind = (value: string): value is ResourceKind => Object.hasOwn(KIND_LABEL, value);

/** A participant: `key` identifies it (a call's resource and a trigger's source id share one), `label` is escaped. */
interface Participant {
  key: string;
  label: string;
}

const CLIENT: Participant = { key: 'client', label: 'Client' };
const API: Participant = { key: 'api', label: 'HTTP API' };
const SCHEDULER: Participant = { key: 'scheduler', label: 'EventBridge Scheduler' };
const CONSOLE: Participant = { key: 'console', label: 'Console' };

function functionParticipant(name: string): Participant {
  return { key: `fn:${name}`, label: `λ ${user(name)}` };
}

function resourceParticipant(kind: ResourceKind, name: string): Participant {
  return { key: `${kind}:${name}`, label: `${KIND_LABEL[kind]} ${user(name)}` };
}

/** What a call addressed: its resource, or the service itself when it named none (ListBuckets). */
function callTarget(call: TraceCall): Participant {
  // Typed as possibly absent: a trace restored from elsewhere may name a service this build does not know.
  const kind: ResourceKind | undefined = SERVICE_KIND[call.service];
  if (kind === undefined) return { key: `service:${call.service}`, label: user(String(call.service)) };
  if (call.resource === null) return { key: `service:${call.service}`, label: SERVICE_LABEL[call.service] };
  return resourceParticipant(kind, call.resource);
}

/** Where an invocation came from, and how its start arrow reads. */
function triggerSource(trigger: string): { from: Participant; verb: string } {
  if (trigger === 'invoke') return { from: CONSOLE, verb: 'invoke' };
  const colon = trigger.indexOf(':');
  const prefix = colon < 0 ? trigger : trigger.slice(0, colon);
  const rest = colon < 0 ? '' : trigger.slice(colon + 1);
  if (prefix === 'http') return { from: API, verb: 'invoke' };
  if (prefix === 'schedule') return { from: SCHEDULER, verb: 'event (async)' };
  if (isResourceKind(prefix)) return { from: resourceParticipant(prefix, rest), verb: KIND_VERB[prefix] };
  return { from: { key: `source:${trigger}`, label: user(trigger) }, verb: 'event' };
}

// ---------------------------------------------------------------------------------------------------------------------
// Steps

/** Sort key: time, then the log's seq, then creation order (which puts a clamped child after its parent). */
type Key = readonly [time: number, seq: number, order: number];

/** Compares with `<`, not subtraction: the request's key is -Infinity, and -Infinity - -Infinity is NaN. */
function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

type Arrow = '->>' | '-->>' | '-x' | '--x';

interface Message {
  kind: 'message';
  from: Participant;
  to: Participant;
  arrow: Arrow;
  /** Escaped. */
  text: string;
  /** The activation this message opens (`+` on its target) or closes (`-` on its source), when both are drawn. */
  opens?: number;
  closes?: number;
}

interface Note {
  kind: 'note';
  over: Participant;
  /** Escaped. */
  text: string;
}

/** What is drawn or cut as one: a call's request and reply stay together, a running start keeps its note. */
interface Step {
  key: Key;
  lines: (Message | Note)[];
}

const messageCount = (step: Step) => step.lines.filter((l) => l.kind === 'message').length;

/** Collects a trace's steps; keys are clamped so nothing is drawn before what caused it. */
class StepBuilder {
  readonly steps: Step[] = [];
  private order = 0;
  private pairs = 0;

  constructor(private readonly traceStart: number) {}

  /** `[time, seq]` as a key, moved up to `after` when earlier (a notification logged before its call's answer). */
  key(time: number, seq: number, after: Key | null): Key {
    const own: Key = [time, seq, this.order++];
    return after !== null && compareKeys(own, after) < 0 ? [after[0], after[1], own[2]] : own;
  }

  add(key: Key, ...lines: (Message | Note)[]): Key {
    this.steps.push({ key, lines });
    return key;
  }

  /** Adds the invocation and everything under it; returns the key of its last own step (its end, throttle or start). */
  invocation(inv: TraceInvocation, after: Key | null, root: boolean, depth: number): Key {
    const fn = functionParticipant(inv.functionName);
    const { from, verb } = triggerSource(inv.trigger);
    const startKey = this.key(inv.start, inv.seq, after);
    if (inv.throttled) {
      return this.add(startKey, message(from, fn, '-x', 'throttled (TooManyRequestsException)'));
    }
    let text = verb;
    if (inv.cold) text += ' · cold';
    if (!root) text += ` · +${formatDuration(inv.start - this.traceStart)}`;
    const pair = inv.end === null ? undefined : this.pairs++;
    if (inv.end === null) this.add(startKey, message(from, fn, '->>', text), { kind: 'note', over: fn, text: 'running' });
    else this.add(startKey, { ...message(from, fn, '->>', text), opens: pair });
    for (const call of inv.calls) this.call(call, fn, startKey, depth);
    if (inv.end === null) return startKey;
    const result = `${inv.end.ok ? 'ok' : 'error'} · ${formatDuration(inv.end.durationMs)}`;
    return this.add(this.key(inv.end.time, inv.end.seq, startKey), { ...message(fn, from, '-->>', result), closes: pair });
  }

  private call(call: TraceCall, fn: Participant, after: Key, depth: number): void {
    const target = callTarget(call);
    const reply = call.ok ? message(target, fn, '-->>', 'ok') : message(target, fn, '--x', user(call.errorName || 'error'));
    const key = this.add(this.key(call.time, call.seq, after), message(fn, target, '->>', user(call.operation)), reply);
    if (depth >= MAX_DEPTH) return;
    for (const triggered of call.triggered) this.invocation(triggered, key, false, depth + 1);
  }
}

function message(from: Participant, to: Participant, arrow: Arrow, text: string): Message {
  return { kind: 'message', from, to, arrow, text };
}

/** Every step of the trace, in drawing order. */
function traceSteps(trace: Trace): Step[] {
  const start = trace.http?.time ?? trace.root?.start ?? 0;
  const b = new StepBuilder(start);
  const { http, root } = trace;
  // The request comes first whatever the clocks say.
  const request = http === null ? null : b.add([-Infinity, -Infinity, -1], message(CLIENT, API, '->>', user(`${http.method} ${http.path}`)));
  let answered: Key | null = request;
  if (root !== null) {
    answered = b.invocation(root, request, true, 0);
    // A root still running when the gateway gave up: the answer goes where its time puts it.
    if (http !== null && root.end === null && !root.throttled) answered = b.key(http.time + http.durationMs, Infinity, answered);
  }
  if (http !== null && answered !== null) {
    const status = Number.isFinite(http.status) ? String(http.status) : '?';
    b.add(b.key(answered[0], answered[1], answered), message(API, CLIENT, '-->>', `${status} · ${formatDuration(http.durationMs)}`));
  }
  return b.steps.sort((x, y) => compareKeys(x.key, y.key));
}

// ---------------------------------------------------------------------------------------------------------------------
// Text

export function traceToSequence(trace: Trace, opts: TraceSequenceOptions = {}): TraceSequence {
  const max = opts.maxSteps !== undefined && !Number.isNaN(opts.maxSteps) ? Math.max(0, Math.floor(opts.maxSteps)) : DEFAULT_MAX_STEPS;
  const all = traceSteps(trace);
  // Whole steps only: stop at the first that does not fit, so a call never loses its reply.
  let drawn = 0;
  let steps = 0;
  while (drawn < all.length && steps + messageCount(all[drawn]) <= max) steps += messageCount(all[drawn++]);
  const shown = all.slice(0, drawn);
  const omitted = all.slice(drawn).reduce((n, s) => n + messageCount(s), 0);
  // An activation is drawn only when its closing message is: that one comes after its opening one, so both are drawn.
  const closed = new Set(shown.flatMap((s) => s.lines.flatMap((l) => (l.kind === 'message' && l.closes !== undefined ? [l.closes] : []))));

  const ids = new Map<string, string>();
  const declarations: string[] = [];
  const id = (p: Participant): string => {
    let value = ids.get(p.key);
    if (value === undefined) {
      value = `P${ids.size}`;
      ids.set(p.key, value);
      declarations.push(`  participant ${value} as ${p.label}`);
    }
    return value;
  };

  const body: string[] = [];
  for (const line of shown.flatMap((s) => s.lines)) {
    if (line.kind === 'note') {
      body.push(`  Note over ${id(line.over)}: ${line.text}`);
      continue;
    }
    const from = id(line.from);
    const to = id(line.to);
    const plus = line.opens !== undefined && closed.has(line.opens) ? '+' : '';
    const minus = line.closes !== undefined && closed.has(line.closes) ? '-' : '';
    body.push(`  ${from}${line.arrow}${plus}${minus}${to}: ${line.text}`);
  }
  if (omitted > 0) {
    // Nothing drawn (a cap of 0): the note stands over the first participant there would have been.
    const firstCut = all[drawn].lines[0];
    if (ids.size === 0) id(firstCut.kind === 'note' ? firstCut.over : firstCut.from);
    const list = [...ids.values()];
    const over = list.length === 1 ? list[0] : `${list[0]},${list[list.length - 1]}`;
    body.push(`  Note over ${over}: … ${omitted} more step${omitted === 1 ? '' : 's'} not shown`);
  }
  return { text: ['sequenceDiagram', ...declarations, ...body].join('\n') + '\n', steps, omitted };
}
