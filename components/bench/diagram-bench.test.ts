import { describe, expect, it } from 'vitest';
import { parseManifest } from '@/runtime/project/manifest';
import { buildDiagramModel } from '@/runtime/diagram/diagram-model';
import { thirtyNodeManifest } from './diagram-bench';

describe('the diagram benchmark project', () => {
  it('deploys cleanly and draws exactly 30 nodes, with every kind of trigger', () => {
    const handler = Array.from({ length: 12 }, (_, i) => `exports.f${i} = async () => ({});`).join('\n');
    const { project, diagnostics } = parseManifest(thirtyNodeManifest(), { 'handler.js': handler });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = buildDiagramModel(project!, [], ['handler.js']);
    expect(model.nodes).toHaveLength(30);
    const kinds = new Set(model.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(['bucket', 'client', 'function', 'gateway', 'queue', 'schedule', 'table', 'topic']);
    expect(model.edges.some((e) => e.kind === 'redrive')).toBe(true);
  });
});
