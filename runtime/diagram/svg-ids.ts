/**
 * Where the model's nodes and edges are in the SVG Mermaid drew: the one place that knows Mermaid's id scheme (it has
 * no API to restyle a drawn diagram, mermaid issue #7517). Measured with mermaid 12.3: a node is a `g.node` with id
 * `<renderId>-flowchart-<nodeId>-<n>` (n counts from 0 across the diagram's vertices), and an edge given an id in the
 * text (`A e_x@--> B`) is a `path` with id `<renderId>-<edgeId>`. Pure over element ids, so it is tested in Node.
 */
import type { DiagramModel } from './types';

export interface SvgIdMap {
  /** Model node id → SVG element id. */
  nodes: Map<string, string>;
  /** Model edge id → SVG element id. */
  edges: Map<string, string>;
  /** Model ids with no element: a change in Mermaid's scheme shows up here (and in a test), not as a silent overlay. */
  missing: string[];
}

export function mapSvgIds(renderId: string, model: DiagramModel, elementIds: Iterable<string>): SvgIdMap {
  const nodePrefix = `${renderId}-flowchart-`;
  const edgePrefix = `${renderId}-`;
  const wantedNodes = new Set(model.nodes.map((n) => n.id));
  const wantedEdges = new Set(model.edges.map((e) => e.id));
  const nodes = new Map<string, string>();
  const edges = new Map<string, string>();
  for (const id of elementIds) {
    if (id.startsWith(nodePrefix)) {
      const m = /^(.*)-\d+$/.exec(id.slice(nodePrefix.length));
      if (m && wantedNodes.has(m[1]) && !nodes.has(m[1])) nodes.set(m[1], id);
    } else if (id.startsWith(edgePrefix)) {
      const edge = id.slice(edgePrefix.length);
      if (wantedEdges.has(edge)) edges.set(edge, id);
    }
  }
  const missing = [...[...wantedNodes].filter((n) => !nodes.has(n)), ...[...wantedEdges].filter((e) => !edges.has(e))];
  return { nodes, edges, missing };
}
