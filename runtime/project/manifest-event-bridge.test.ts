import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const BUS = ['resources:', '  Resources:', '    ShopBus: { Type: AWS::Events::EventBus, Properties: { Name: shop } }'];
const yml = (events: string[]) =>
  ['service: demo', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f', '    events:', ...events, ...BUS].join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);

describe('parseManifest: eventBridge events', () => {
  it('reads patterns and schedules on the default, a named, a declared and an ARN-given bus', () => {
    const r = parseManifest(
      yml([
        '      - eventBridge:', //                                                           8
        '          pattern:', //                                                             9
        '            source: [shop.orders]', //                                              10
        '            detail: { total: [{ numeric: [">", 100] }] }', //                       11
        '      - eventBridge: { eventBus: orders, schedule: rate(1 hour), input: { a: 1 }, enabled: false }', // 12
        '      - eventBridge: { eventBus: !GetAtt ShopBus.Arn, pattern: { source: [x] }, inputPath: $.detail }', // 13
        '      - eventBridge: { eventBus: !Ref ShopBus, pattern: { source: [y] } }', //       14
        '      - eventBridge: { eventBus: default, pattern: { source: [z] } }', //            15
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.events).toEqual([
      { kind: 'eventBridge', bus: 'default', pattern: { source: ['shop.orders'], detail: { total: [{ numeric: ['>', 100] }] } }, enabled: true, line: 8 },
      { kind: 'eventBridge', bus: 'orders', schedule: 'rate(1 hour)', input: { a: 1 }, enabled: false, line: 12 },
      { kind: 'eventBridge', bus: 'shop', pattern: { source: ['x'] }, inputPath: '$.detail', enabled: true, line: 13 },
      { kind: 'eventBridge', bus: 'shop', pattern: { source: ['y'] }, enabled: true, line: 14 },
      { kind: 'eventBridge', bus: 'default', pattern: { source: ['z'] }, enabled: true, line: 15 },
    ]);
    expect(r.project!.resources.buses).toEqual([
      { logicalId: null, name: 'default', line: 0 },
      { logicalId: 'ShopBus', name: 'shop', line: 18 },
      { logicalId: null, name: 'orders', line: 12 },
    ]);
  });

  it('reports a pattern leaf that is not a list, a bad schedule, a missing rule and two inputs', () => {
    const r = parseManifest(
      yml([
        '      - eventBridge: { pattern: { source: shop.orders } }', //                          8
        '      - eventBridge: { schedule: rate(5 minute) }', //                                   9
        '      - eventBridge: { eventBus: shop }', //                                             10
        '      - eventBridge: { pattern: { source: [a] }, input: {}, inputPath: $.detail }', //    11
        '      - eventBridge: { pattern: { source: [a] }, inputTransformer: { inputTemplate: x } }', // 12
      ]),
    );
    expect(brief(r)).toEqual([
      ['error', 8, 43, "Event pattern values are lists: write source: [shop.orders], not the text 'shop.orders'"],
      ['error', 9, 34, expect.stringMatching(/minute/)],
      ['error', 10, 9, "eventBridge needs a 'pattern' or a 'schedule', like { pattern: { source: [shop.orders] } }"],
      ['error', 11, 61, 'eventBridge takes only one of input, inputPath and inputTransformer'],
      ['warning', 12, 50, "'eventBridge.inputTransformer' is not simulated yet; it is kept for export"],
    ]);
  });
});
