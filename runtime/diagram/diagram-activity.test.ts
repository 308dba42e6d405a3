import { describe, expect, it } from 'vitest';
import { badgeText, DiagramActivity, EDGE_LIT_MS, ERROR_LIT_MS } from './diagram-activity';
import type { DiagramModel } from './types';

const model: DiagramModel = {
  nodes: [
    { id: 'client', kind: 'client', ref: 'client', title: 'HTTP clients', detail: [], target: null },
    { id: 'gateway', kind: 'gateway', ref: 'gateway', title: 'HTTP API', detail: [], target: null },
    { id: 'bucket_up', kind: 'bucket', ref: 'up', title: 'up', detail: [], target: null },
    { id: 'fn_api', kind: 'function', ref: 'api', title: 'api', detail: [], target: null },
    { id: 'fn_size', kind: 'function', ref: 'size', title: 'size', detail: [], target: null },
    { id: 'fn_other', kind: 'function', ref: 'other', title: 'other', detail: [], target: null },
    { id: 'table_t', kind: 'table', ref: 't', title: 't', detail: [], target: null },
    { id: 'queue_q', kind: 'queue', ref: 'q', title: 'q', detail: [], target: null },
    { id: 'queue_dlq', kind: 'queue', ref: 'dlq', title: 'dlq', detail: [], target: null },
  ],
  edges: [
    { id: 'e_client__gateway', from: 'client', to: 'gateway', kind: 'trigger', triggers: ['http'] },
    { id: 'e_gateway__fn_api', from: 'gateway', to: 'fn_api', kind: 'trigger', label: 'GET /a', triggers: ['http:GET /a', 'http:POST /a'] },
    { id: 'e_bucket_up__fn_size', from: 'bucket_up', to: 'fn_size', kind: 'trigger', triggers: ['bucket:up'] },
    { id: 'e_bucket_up__fn_other', from: 'bucket_up', to: 'fn_other', kind: 'trigger', triggers: ['bucket:up'] },
    { id: 'e_fn_api__bucket_up', from: 'fn_api', to: 'bucket_up', kind: 'dependency' },
    { id: 'e_queue_q__queue_dlq', from: 'queue_q', to: 'queue_dlq', kind: 'redrive', label: 'after 3 receives' },
  ],
};

const start = (functionName: string, trigger: string) => ({ type: 'invocation-start' as const, requestId: 'r', functionName, cold: false, trigger, causes: [], time: 0 });
const end = (functionName: string, ok: boolean) => ({ type: 'invocation-end' as const, requestId: 'r', functionName, ok, durationMs: 1, billedMs: 1, time: 0 });

describe('DiagramActivity', () => {
  it('lights client → gateway → function for an HTTP request, and fades after EDGE_LIT_MS', () => {
    const a = new DiagramActivity(model);
    expect(a.apply(start('api', 'http:POST /a'), 1000)).toBe('view');
    const v = a.view(1000);
    expect([...v.litEdges].sort()).toEqual(['e_client__gateway', 'e_gateway__fn_api']);
    expect(v.nodes.get('fn_api')).toBe('active');
    expect(v.nodes.get('client')).toBe('active');
    expect(v.nextChangeAt).toBe(1000 + EDGE_LIT_MS);
    const later = a.view(1000 + EDGE_LIT_MS);
    expect(later.litEdges.size).toBe(0);
    expect(later.nodes.size).toBe(0);
    expect(later.nextChangeAt).toBeNull();
    expect(later.badges.get('fn_api')).toBe('1 call · 0 warm');
  });

  it('lights only the edge into the function a shared source invoked', () => {
    const a = new DiagramActivity(model);
    a.apply(start('other', 'bucket:up'), 0);
    expect([...a.view(0).litEdges]).toEqual(['e_bucket_up__fn_other']);
    expect(a.view(0).nodes.get('bucket_up')).toBe('active');
  });

  it('lights a queue’s edge to its dead-letter queue when a message moves there', () => {
    const a = new DiagramActivity(model);
    expect(a.apply({ type: 'redrive', queue: 'other', deadLetterQueue: 'dlq', time: 0 }, 0)).toBeNull();
    expect(a.apply({ type: 'redrive', queue: 'q', deadLetterQueue: 'dlq', time: 0 }, 500)).toBe('view');
    const v = a.view(500);
    expect([...v.litEdges]).toEqual(['e_queue_q__queue_dlq']);
    expect(v.nodes.get('queue_dlq')).toBe('active');
  });

  it('counts invocations, errors, throttles and warm instances; a failing function is red until it succeeds or rests', () => {
    const a = new DiagramActivity(model);
    a.apply({ type: 'instance-start', functionName: 'size', instanceId: 'i1', initDurationMs: 3 }, 0);
    a.apply({ type: 'instance-start', functionName: 'size', instanceId: 'i2', initDurationMs: 3 }, 0);
    a.apply(start('size', 'bucket:up'), 0);
    a.apply(end('size', false), 10);
    a.apply({ type: 'throttle', requestId: 'r', functionName: 'size', trigger: 'bucket:up', causes: [], time: 0 }, 20);
    a.apply({ type: 'instance-stop', functionName: 'size', instanceId: 'i1', reason: 'idle' }, 30);
    expect(a.counters('size')).toEqual({ invocations: 1, errors: 1, throttles: 1, warm: 1 });
    expect(a.view(40).badges.get('fn_size')).toBe('1 call · 1 error · 1 throttle · 1 warm');
    expect(a.view(40).nodes.get('fn_size')).toBe('error');
    expect(a.view(20 + ERROR_LIT_MS).nodes.get('fn_size')).toBeUndefined();
    a.apply(start('size', 'bucket:up'), 100);
    a.apply(end('size', true), 110);
    expect(a.view(120).nodes.get('fn_size')).toBe('active');
  });

  it('a first call to a resource asks for a redraw; known dependency edges light up', () => {
    const a = new DiagramActivity(model);
    const call = (functionName: string, service: 's3' | 'dynamodb', resource: string | null) =>
      ({ type: 'service-call' as const, callId: 'c', functionName, requestId: null, service, operation: 'PutObject', resource, ok: true, time: 0 });
    expect(a.apply(call('api', 's3', 'up'), 5)).toBe('view'); // already drawn
    expect([...a.view(5).litEdges]).toEqual(['e_fn_api__bucket_up']);
    expect(a.apply(call('api', 'dynamodb', 't'), 6)).toBe('structure');
    expect(a.apply(call('api', 'dynamodb', 't'), 7)).toBe('view');
    expect(a.apply(call('api', 'dynamodb', null), 8)).toBeNull();
    expect(a.dependencies()).toEqual([
      { functionName: 'api', service: 's3', resource: 'up' },
      { functionName: 'api', service: 'dynamodb', resource: 't' },
    ]);
  });

  it('keeps counters across a redraw and forgets them on reset', () => {
    const a = new DiagramActivity(model);
    a.apply(start('api', 'invoke'), 0);
    a.setModel({ ...model, edges: [] });
    expect(a.view(0).badges.get('fn_api')).toBe('1 call · 0 warm');
    a.reset();
    expect(a.counters('api').invocations).toBe(0);
  });

  it('words badges with plurals and thousands', () => {
    expect(badgeText({ invocations: 12345, errors: 2, throttles: 0, warm: 3 })).toBe('12,345 calls · 2 errors · 3 warm');
  });
});
