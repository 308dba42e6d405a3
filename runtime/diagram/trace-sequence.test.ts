import { describe, expect, it } from 'vitest';
import type { Trace, TraceCall, TraceHttp, TraceInvocation } from '../telemetry/trace-types';
import { shortenLine } from './escape-label';
import { escapeSequenceText, formatDuration, MAX_DEPTH, traceToSequence } from './trace-sequence';

// --- fixtures --------------------------------------------------------------------------------------------------------

const T0 = 1_700_000_000_000;

/** An invocation that ended ok after `ms`, unless `end` says otherwise. Times are ms after T0. */
function inv(
  functionName: string,
  trigger: string,
  start: number,
  seq: number,
  more: Partial<Omit<TraceInvocation, 'end'>> & { end?: { ok?: boolean; ms: number; at: number; seq: number } | null } = {},
): TraceInvocation {
  const { end, ...rest } = more;
  return {
    requestId: `req-${functionName}-${seq}`,
    functionName,
    trigger,
    cold: false,
    throttled: false,
    start: T0 + start,
    seq,
    end: end === null ? null : { ok: end?.ok ?? true, durationMs: end?.ms ?? 1, time: T0 + (end?.at ?? start + 1), seq: end?.seq ?? seq + 1000 },
    calls: [],
    ...rest,
  };
}

function call(service: TraceCall['service'], operation: string, resource: string | null, at: number, seq: number, more: Partial<TraceCall> = {}): TraceCall {
  return { callId: `c${seq}`, service, operation, resource, ok: true, time: T0 + at, seq, triggered: [], ...more };
}

function http(method: string, path: string, status: number, durationMs: number, at = 0): TraceHttp {
  return { method, path, routeKey: `${method} ${path.split('?')[0]}`, status, durationMs, time: T0 + at };
}

const trace = (root: TraceInvocation | null, h: TraceHttp | null = null): Trace => ({ id: root?.requestId ?? 'http-1', http: h, root });

const lines = (text: string) => text.trimEnd().split('\n');

/** Replays the activations as Mermaid does: `+` activates the target, `-` deactivates the source, never below zero. */
function activationsBalance(text: string): boolean {
  const active = new Map<string, number>();
  for (const line of lines(text)) {
    const m = /^ {2}(P\d+)(?:->>|-->>|-x|--x)([+-]?)(P\d+): /.exec(line);
    if (!m) continue;
    const [, from, sign, to] = m;
    if (sign === '+') active.set(to, (active.get(to) ?? 0) + 1);
    if (sign === '-') {
      const n = active.get(from) ?? 0;
      if (n === 0) return false;
      active.set(from, n - 1);
    }
  }
  return [...active.values()].every((n) => n === 0);
}

/** Every line is one statement of the few forms the builder writes. */
const STATEMENT = /^(?:sequenceDiagram| {2}participant P\d+ as [^\n]+| {2}P\d+(?:->>|-->>|-x|--x)[+-]?P\d+: [^\n]+| {2}Note over P\d+(?:,P\d+)?: [^\n]+)$/;

// --- a full request ----------------------------------------------------------------------------------------------------

describe('traceToSequence', () => {
  it('draws an HTTP request through a cold function, its PutObject and the notification it caused', () => {
    const thumb = inv('thumb', 'bucket:uploads', 12, 3, { cold: true, end: { ms: 1200, at: 1212, seq: 6 } });
    const api = inv('api', 'http:GET /hello', 1, 1, {
      cold: true,
      end: { ms: 12.34, at: 14, seq: 4 },
      calls: [call('s3', 'PutObject', 'uploads', 10, 2, { triggered: [thumb] })],
    });
    const out = traceToSequence(trace(api, http('GET', '/hello?x=1', 200, 14.2)));
    expect(out.text).toBe(
      [
        'sequenceDiagram',
        '  participant P0 as Client',
        '  participant P1 as HTTP API',
        '  participant P2 as λ api',
        '  participant P3 as S3 bucket uploads',
        '  participant P4 as λ thumb',
        '  P0->>P1: GET /hello?x=1',
        '  P1->>+P2: invoke · cold',
        '  P2->>P3: PutObject',
        '  P3-->>P2: ok',
        '  P3->>+P4: event (async) · cold · +12 ms',
        '  P2-->>-P1: ok · 12.3 ms',
        '  P1-->>P0: 200 · 14.2 ms',
        '  P4-->>-P3: ok · 1.2 s',
      ].join('\n') + '\n',
    );
    expect(out.steps).toBe(8);
    expect(out.omitted).toBe(0);
    expect(activationsBalance(out.text)).toBe(true);
  });

  it('answers a request no route matched (root null) right after it', () => {
    const out = traceToSequence(trace(null, http('GET', '/nope', 404, 0.42)));
    expect(lines(out.text)).toEqual([
      'sequenceDiagram',
      '  participant P0 as Client',
      '  participant P1 as HTTP API',
      '  P0->>P1: GET /nope',
      '  P1-->>P0: 404 · 0.4 ms',
    ]);
    expect(out).toMatchObject({ steps: 2, omitted: 0 });
  });

  it('starts a console upload at its bucket, with no client, API nor delay', () => {
    const root = inv('resize', 'bucket:photos', 0, 1, { end: { ms: 3, at: 3, seq: 2 } });
    expect(lines(traceToSequence(trace(root)).text)).toEqual([
      'sequenceDiagram',
      '  participant P0 as S3 bucket photos',
      '  participant P1 as λ resize',
      '  P0->>+P1: event (async)',
      '  P1-->>-P0: ok · 3 ms',
    ]);
  });

  it('starts a scheduled run at EventBridge Scheduler and a console invoke at Console', () => {
    const tick = inv('tick', 'schedule:tick:1', 0, 1, { cold: true, end: { ok: false, ms: 250, at: 250, seq: 2 } });
    expect(lines(traceToSequence(trace(tick)).text).slice(1)).toEqual([
      '  participant P0 as EventBridge Scheduler',
      '  participant P1 as λ tick',
      '  P0->>+P1: event (async) · cold',
      '  P1-->>-P0: error · 250 ms',
    ]);
    const manual = inv('hello', 'invoke', 0, 1);
    expect(lines(traceToSequence(trace(manual)).text).slice(1, 2)).toEqual(['  participant P0 as Console']);
  });

  it('draws a throttled invocation as one refused arrow, and the API still answers', () => {
    const root = inv('api', 'http:GET /busy', 1, 1, { throttled: true, end: null });
    const out = traceToSequence(trace(root, http('GET', '/busy', 429, 1)));
    expect(lines(out.text).slice(4)).toEqual([
      '  P0->>P1: GET /busy',
      '  P1-xP2: throttled (TooManyRequestsException)',
      '  P1-->>P0: 429 · 1 ms',
    ]);
    expect(out.text).not.toContain('running');
    expect(out.steps).toBe(3);
  });

  it('draws a running invocation without activation, with a note, and its calls so far', () => {
    const root = inv('slow', 'invoke', 0, 1, { end: null, calls: [call('dynamodb', 'Scan', 'orders', 5, 2)] });
    const out = traceToSequence(trace(root));
    expect(lines(out.text).slice(1)).toEqual([
      '  participant P0 as Console',
      '  participant P1 as λ slow',
      '  participant P2 as DynamoDB table orders',
      '  P0->>P1: invoke',
      '  Note over P1: running',
      '  P1->>P2: Scan',
      '  P2-->>P1: ok',
    ]);
    expect(out.steps).toBe(3);
    expect(activationsBalance(out.text)).toBe(true);
  });

  it('draws a failed SDK call as a cross with its error name, or `error` without one', () => {
    const root = inv('get', 'invoke', 0, 1, {
      end: { ms: 2, at: 9, seq: 9 },
      calls: [
        call('s3', 'GetObject', 'uploads', 1, 2, { ok: false, errorName: 'NoSuchKey' }),
        call('sns', 'Publish', null, 2, 3, { ok: false }),
      ],
    });
    expect(lines(traceToSequence(trace(root)).text).slice(1)).toEqual([
      '  participant P0 as Console',
      '  participant P1 as λ get',
      '  participant P2 as S3 bucket uploads',
      '  participant P3 as SNS',
      '  P0->>+P1: invoke',
      '  P1->>P2: GetObject',
      '  P2--xP1: NoSuchKey',
      '  P1->>P3: Publish',
      '  P3--xP1: error',
      '  P1-->>-P0: ok · 2 ms',
    ]);
  });

  it('draws the batch a SendMessage caused from the same queue, and a DLQ consumer from its own', () => {
    const worker = inv('worker', 'queue:orders', 1500, 3, { end: { ok: false, ms: 30, at: 1530, seq: 4 } });
    const dlq = inv('dead', 'queue:orders-dlq', 2500, 5, { end: { ms: 4, at: 2504, seq: 6 } });
    const root = inv('api', 'http:POST /orders', 1, 1, {
      end: { ms: 8, at: 9, seq: 7 },
      calls: [call('sqs', 'SendMessage', 'orders', 5, 2, { triggered: [worker, dlq] })],
    });
    const out = traceToSequence(trace(root, http('POST', '/orders', 202, 9.5)));
    expect(lines(out.text).slice(1)).toEqual([
      '  participant P0 as Client',
      '  participant P1 as HTTP API',
      '  participant P2 as λ api',
      '  participant P3 as SQS queue orders',
      '  participant P4 as λ worker',
      '  participant P5 as SQS queue orders-dlq',
      '  participant P6 as λ dead',
      '  P0->>P1: POST /orders',
      '  P1->>+P2: invoke',
      '  P2->>P3: SendMessage',
      '  P3-->>P2: ok',
      '  P2-->>-P1: ok · 8 ms',
      '  P1-->>P0: 202 · 9.5 ms',
      '  P3->>+P4: batch · +1.5 s',
      '  P4-->>-P3: error · 30 ms',
      '  P5->>+P6: batch · +2.5 s',
      '  P6-->>-P5: ok · 4 ms',
    ]);
    expect(activationsBalance(out.text)).toBe(true);
  });

  it('names topic, bus and table participants, and service-level ones for calls without a resource', () => {
    const root = inv('fan', 'invoke', 0, 1, {
      end: { ms: 9, at: 9, seq: 20 },
      calls: [
        call('sns', 'Publish', 'alerts', 1, 2, { triggered: [inv('onAlert', 'topic:alerts', 2, 3)] }),
        call('eventbridge', 'PutEvents', 'default', 3, 5, { triggered: [inv('onEvent', 'bus:default', 4, 6)] }),
        call('dynamodb', 'PutItem', 'orders', 5, 8, { triggered: [inv('onChange', 'table:orders', 6, 9)] }),
        call('s3', 'ListBuckets', null, 7, 11),
        call('sqs', 'ListQueues', null, 7, 12),
      ],
    });
    const text = traceToSequence(trace(root)).text;
    const labels = lines(text).filter((l) => l.includes('participant')).map((l) => l.replace(/^ {2}participant P\d+ as /, ''));
    expect(labels).toEqual([
      'Console', 'λ fan', 'SNS topic alerts', 'λ onAlert', 'EventBridge bus default', 'λ onEvent', 'DynamoDB table orders', 'λ onChange', 'S3', 'SQS',
    ]);
    expect(text).toContain('P2->>+P3: event (async) · +2 ms');
    expect(text).toContain('P6->>+P7: batch · +6 ms');
  });

  it('orders messages by time, then by seq, and never before the call that caused them', () => {
    // Same start time: seq decides, whatever the array order. `late` started after the root returned.
    const b = inv('b', 'topic:t', 5, 4, { end: { ms: 1, at: 6, seq: 7 } });
    const a = inv('a', 'topic:t', 5, 3, { end: { ms: 1, at: 6, seq: 6 } });
    const late = inv('late', 'bus:x', 50, 10);
    // Logged before its call's answer (time 3 < 4): still drawn after the call.
    const early = inv('early', 'bucket:u', 3, 13, { end: { ms: 1, at: 5, seq: 14 } });
    const root = inv('root', 'invoke', 0, 1, {
      end: { ms: 20, at: 20, seq: 8 },
      calls: [
        call('sns', 'Publish', 't', 4, 2, { triggered: [b, a] }),
        call('eventbridge', 'PutEvents', 'x', 4.5, 5, { triggered: [late] }),
        call('s3', 'PutObject', 'u', 4, 12, { triggered: [early] }),
      ],
    });
    const messages = lines(traceToSequence(trace(root)).text).filter((l) => /P\d+(?:->>|-->>|-x|--x)/.test(l));
    const texts = messages.map((l) => l.replace(/^.*?: /, ''));
    expect(texts).toEqual([
      'invoke', // root 0/1
      'Publish', 'ok', // 4/2
      'PutObject', 'ok', // 4/12
      'event (async) · +3 ms', // early, clamped to after 4/12
      'PutEvents', 'ok', // 4.5/5
      'event (async) · +5 ms', // a 5/3
      'event (async) · +5 ms', // b 5/4
      'ok · 1 ms', // early ends 5/14
      'ok · 1 ms', // a ends 6/6
      'ok · 1 ms', // b ends 6/7
      'ok · 20 ms', // root ends 20/8
      'event (async) · +50 ms', // late 50/10
      'ok · 1 ms',
    ]);
    expect(messages[8]).toMatch(/->>\+P\d+: event/);
    const fnOf = (line: string) => /->>\+(P\d+)/.exec(line)?.[1];
    expect(text(root)).toContain(`participant ${fnOf(messages[8])} as λ a`);
    expect(text(root)).toContain(`participant ${fnOf(messages[9])} as λ b`);
    expect(text(root)).toContain(`participant ${fnOf(messages[5])} as λ early`);
  });

  it('stops at the cap with a note, and balances activations when an invocation is cut', () => {
    const child = inv('child', 'queue:q', 2, 3, { end: { ms: 1, at: 3, seq: 4 } });
    const calls = [call('sqs', 'SendMessage', 'q', 1, 2, { triggered: [child] })];
    for (let i = 0; i < 20; i++) calls.push(call('dynamodb', 'GetItem', 'tbl', 10 + i, 10 + i));
    const root = inv('api', 'http:GET /many', 1, 1, { end: { ms: 40, at: 40, seq: 100 }, calls });
    const t = trace(root, http('GET', '/many', 200, 41));
    const full = traceToSequence(t);
    expect(full).toMatchObject({ steps: 48, omitted: 0 }); // request, start, 21 calls × 2, child × 2, return, answer

    const cut = traceToSequence(t, { maxSteps: 10 });
    expect(cut.steps).toBe(10);
    expect(cut.omitted).toBe(38);
    const out = lines(cut.text);
    // The root's return was cut: its start has no activation; the child ran to its end inside the cap: it keeps both.
    expect(out).toContain('  P1->>P2: invoke');
    expect(out).toContain('  P3->>+P4: batch · +2 ms');
    expect(out).toContain('  P4-->>-P3: ok · 1 ms');
    expect(out.at(-1)).toBe('  Note over P0,P5: … 38 more steps not shown');
    expect(cut.text).not.toMatch(/-P1|-->>P0: 200/);
    expect(activationsBalance(cut.text)).toBe(true);
    expect(out.every((l) => STATEMENT.test(l))).toBe(true);

    // A call is never split from its reply: after the request and the start, one slot is left, and the call needs two.
    expect(traceToSequence(t, { maxSteps: 3 })).toMatchObject({ steps: 2, omitted: 46 });
    // The default cap is 80.
    const big = inv('big', 'invoke', 0, 1, {
      end: { ms: 1, at: 999, seq: 999 },
      calls: Array.from({ length: 60 }, (_, i) => call('s3', 'HeadObject', 'b', 1 + i, 2 + i)),
    });
    const capped = traceToSequence(trace(big));
    expect(capped).toMatchObject({ steps: 79, omitted: 43 });
    expect(activationsBalance(capped.text)).toBe(true);
  });

  it('cuts every activation whose return falls beyond the cap, at any cap', () => {
    const nested = (depth: number, at: number): TraceInvocation =>
      inv(`f${depth}`, depth === 0 ? 'http:GET /' : `queue:q${depth}`, at, at * 10, {
        end: { ms: 100 - depth, at: 1000 - depth, seq: 10_000 - depth },
        calls: depth < 4 ? [call('sqs', 'SendMessage', `q${depth + 1}`, at + 1, at * 10 + 5, { triggered: [nested(depth + 1, at + 2)] })] : [],
      });
    const t = trace(nested(0, 1), http('GET', '/', 200, 1000));
    const total = traceToSequence(t).steps;
    for (let max = 0; max <= total; max++) {
      const out = traceToSequence(t, { maxSteps: max });
      expect(activationsBalance(out.text), `maxSteps ${max}`).toBe(true);
      expect(out.steps + out.omitted).toBe(total);
      expect(lines(out.text).every((l) => STATEMENT.test(l))).toBe(true);
    }
    expect(lines(traceToSequence(t, { maxSteps: 0 }).text)).toEqual([
      'sequenceDiagram',
      '  participant P0 as Client',
      `  Note over P0: … ${total} more steps not shown`,
    ]);
  });

  it('guards depth on a runaway chain', () => {
    let leaf = inv('f50', 'queue:q50', 50, 500);
    for (let d = 49; d >= 0; d--) {
      leaf = inv(`f${d}`, d === 0 ? 'invoke' : `queue:q${d}`, d, d * 10, {
        calls: [call('sqs', 'SendMessage', `q${d + 1}`, d + 0.5, d * 10 + 1, { triggered: [leaf] })],
      });
    }
    const out = traceToSequence(trace(leaf), { maxSteps: 10_000 });
    const fns = lines(out.text).filter((l) => / as λ /.test(l));
    expect(fns).toHaveLength(MAX_DEPTH + 1);
    expect(activationsBalance(out.text)).toBe(true);
  });
});

function text(root: TraceInvocation): string {
  return traceToSequence(trace(root)).text;
}

// --- hostile names -----------------------------------------------------------------------------------------------------

/** Undo the `#<code point>;` codes Mermaid turns back into characters. */
const decode = (s: string) => s.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const bare = (s: string) => s.replace(/#\d+;/g, '');

const HOSTILE = [
  '<img src=x onerror=alert(1)>', '"]', 'x;y', '#1', '50%', '%%{init: {"theme":"dark"}}%%', 'a-->>b', 'k:v', 'a\nb',
  'classDef x fill:red', 'participant P0 as Evil', 'end', 'Note over P0: pwned', '#quot;', '#60;', '&lt;', '$$x^2$$',
  'wrap:x', 'a<br>b', '`md`', 'ﬂ°°60¶ß', '\u2028\r\t', 'ünï 🚀 名前',
];

describe('hostile names', () => {
  it.each(HOSTILE)('escapes %j so it reads back as itself', (input) => {
    const out = escapeSequenceText(input);
    expect(bare(out)).not.toMatch(/[<>"'`#;%$:&{}\n\r\t\u2028\uFB02\u00B6]/);
    expect(decode(out)).toBe(input.replace(/[\n\r\t\u2028]/g, ' '));
  });

  it('keeps every user string inside one statement', () => {
    const evil = (s: string) => `${s}<img src=x onerror=alert(1)>"];#1%%{init: {"theme":"dark"}}%%\nparticipant X as Y\nP0-->>-P1: end`;
    const child = inv(evil('fn2'), `queue:${evil('dlq')}`, 5, 3);
    const sched = inv(evil('tick'), `schedule:${evil('s')}:1`, 6, 4);
    const root = inv(evil('fn'), `http:${evil('GET /r')}`, 1, 1, {
      end: { ms: 3, at: 9, seq: 9 },
      calls: [
        call('s3', evil('PutObject'), evil('bucket'), 2, 2, { ok: false, errorName: evil('NoSuchKey'), triggered: [child] }),
        call('sns', 'Publish', evil('topic'), 3, 5, { triggered: [sched] }),
        call('eventbridge', 'PutEvents', evil('bus'), 3, 6),
        call('dynamodb', 'PutItem', evil('table'), 3, 7),
      ],
    });
    const out = traceToSequence(trace(root, http(evil('GET'), evil('/p?a=1'), 500, 3)));
    const all = lines(out.text);
    expect(all).toHaveLength(1 + 11 + out.steps);
    expect(all.every((l) => STATEMENT.test(l))).toBe(true);
    // Nothing from user text survives raw in an alias or a message text (arrows are ours).
    const texts = all.slice(1).map((l) => bare(l.replace(/^ {2}(?:participant P\d+ as |P\d+\S*P\d+: )/, '')));
    expect(texts).toHaveLength(11 + out.steps);
    for (const t of texts) expect(t).not.toMatch(/[<>"';#%$`{}&:]/);
    expect(all.filter((l) => /^ {2}participant /.test(l))).toHaveLength(11);
    expect(all.filter((l) => /^ {2}Note /.test(l))).toHaveLength(0);
    // And it reads back as the (shortened) original.
    expect(decode(all.find((l) => l.includes('P0->>P1'))!)).toContain('<img src=x onerror=alert(1)>"];#1%%{init');
    expect(decode(out.text)).toContain(`λ ${shortenLine(evil('fn')).replace('\n', ' ')}\n`);
  });

  it('shortens long names to one 60-character line before escaping', () => {
    const root = inv('x'.repeat(100), 'invoke', 0, 1);
    expect(traceToSequence(trace(root)).text).toContain(`as λ ${'x'.repeat(59)}…\n`);
    expect(escapeSequenceText(';'.repeat(3))).toBe('#59;#59;#59;');
  });
});

// --- durations -----------------------------------------------------------------------------------------------------------

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'], [0.42, '0.4 ms'], [9.96, '10 ms'], [12.34, '12.3 ms'], [14, '14 ms'], [99.94, '99.9 ms'], [99.96, '100 ms'],
    [350.4, '350 ms'], [999.4, '999 ms'], [999.6, '1 s'], [1234, '1.2 s'], [2000, '2 s'], [59_940, '59.9 s'], [59_960, '1 min'],
    [125_000, '2 min 5 s'], [-3, '0 ms'], [Number.NaN, '?'], [Number.POSITIVE_INFINITY, '?'],
  ])('%d ms reads %j', (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });
});
