import { describe, expect, it } from 'vitest';
import { mapSvgIds } from './svg-ids';
import type { DiagramModel } from './types';

const model: DiagramModel = {
  nodes: [
    { id: 'fn_a', kind: 'function', ref: 'a', title: 'a', detail: [], target: null },
    { id: 'fn_a_1', kind: 'function', ref: 'a-1', title: 'a-1', detail: [], target: null },
    { id: 'bucket_b', kind: 'bucket', ref: 'b', title: 'b', detail: [], target: null },
  ],
  edges: [
    { id: 'e_bucket_b__fn_a', from: 'bucket_b', to: 'fn_a', kind: 'trigger' },
    { id: 'e_fn_a__bucket_b', from: 'fn_a', to: 'bucket_b', kind: 'dependency' },
  ],
};

describe('mapSvgIds', () => {
  it("finds Mermaid 12's node and edge elements by the render id, telling look-alike ids apart", () => {
    // The ids the page saw in a mermaid 12.3 render of this model (markers and filters included).
    const ids = [
      'arch-3', 'arch-3_flowchart-v2-pointEnd', 'arch-3-e_bucket_b__fn_a', 'arch-3-e_fn_a__bucket_b',
      'arch-3-flowchart-bucket_b-0', 'arch-3-flowchart-fn_a-1', 'arch-3-flowchart-fn_a_1-2', 'arch-3-drop-shadow',
      'arch-2-flowchart-fn_a-1', // an older render's element, still in the page
    ];
    const map = mapSvgIds('arch-3', model, ids);
    expect(Object.fromEntries(map.nodes)).toEqual({ bucket_b: 'arch-3-flowchart-bucket_b-0', fn_a: 'arch-3-flowchart-fn_a-1', fn_a_1: 'arch-3-flowchart-fn_a_1-2' });
    expect(Object.fromEntries(map.edges)).toEqual({ e_bucket_b__fn_a: 'arch-3-e_bucket_b__fn_a', e_fn_a__bucket_b: 'arch-3-e_fn_a__bucket_b' });
    expect(map.missing).toEqual([]);
  });

  it('reports what it could not find', () => {
    expect(mapSvgIds('r', model, ['r-flowchart-fn_a-0']).missing).toEqual(['fn_a_1', 'bucket_b', 'e_bucket_b__fn_a', 'e_fn_a__bucket_b']);
  });
});
