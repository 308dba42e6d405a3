/**
 * The architecture diagram as Mermaid flowchart text. User text appears only inside escaped, double-quoted labels:
 * ids come from the model (generated, checked here again), arrows and class names are fixed words. Colours are left
 * to the page's CSS, which styles the `class` names (Mermaid needs no `classDef` for `class` to tag a node).
 */
import { escapeLabel, shortenLine } from './escape-label';
import type { DiagramEdgeKind, DiagramModel, DiagramNode, DiagramNodeKind } from './types';

export { escapeLabel } from './escape-label';

export interface MermaidOptions {
  /** Left to right (the default) or top to bottom. */
  direction?: 'LR' | 'TB';
}

/** Each kind's shape: the brackets around its quoted label. */
const SHAPES: Record<DiagramNodeKind, [open: string, close: string]> = {
  client: ['([', '])'], // stadium
  gateway: ['{{', '}}'], // hexagon
  function: ['[', ']'], // rectangle
  schedule: ['([', '])'], // stadium
  bucket: ['[(', ')]'], // cylinder
  queue: ['[[', ']]'], // subroutine
  topic: ['{{', '}}'], // hexagon
  bus: ['>', ']'], // asymmetric
  table: ['[(', ')]'], // cylinder
};

/** The CSS class of each kind; queues that are another queue's dead-letter queue also get `dlq`. */
const CLASSES: Record<DiagramNodeKind, string> = {
  client: 'client', gateway: 'gateway', function: 'fn', schedule: 'schedule', bucket: 'bucket', queue: 'queue', topic: 'topic', bus: 'bus', table: 'table',
};

const CLASS_ORDER = ['client', 'gateway', 'fn', 'schedule', 'bucket', 'queue', 'topic', 'bus', 'table', 'dlq'];

/** Triggers are solid arrows; run-time calls and redrives are dashed. */
const ARROWS: Record<DiagramEdgeKind, string> = { trigger: '-->', dependency: '-.->', redrive: '-.->' };

/** What the model builder makes: a letter, then letters, digits and `_`. Anything else is a bug, not a name to pass on. */
const SAFE_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

export function toMermaid(model: DiagramModel, opts: MermaidOptions = {}): string {
  const lines = [`flowchart ${opts.direction === 'TB' ? 'TB' : 'LR'}`];
  const classes = new Map<string, string[]>(CLASS_ORDER.map((c) => [c, []]));
  const deadLetter = new Set(model.edges.filter((e) => e.kind === 'redrive').map((e) => e.to));
  for (const node of model.nodes) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${id(node.id)}${open}"${nodeLabel(node)}"${close}`);
    classes.get(CLASSES[node.kind])!.push(node.id);
    if (deadLetter.has(node.id)) classes.get('dlq')!.push(node.id);
  }
  for (const edge of model.edges) {
    const label = edge.label ? `|"${escapeLabel(shortenLine(edge.label))}"|` : '';
    lines.push(`  ${id(edge.from)} ${id(edge.id)}@${ARROWS[edge.kind]}${label} ${id(edge.to)}`);
  }
  for (const [name, ids] of classes) if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${name}`);
  return lines.join('\n') + '\n';
}

/** The title, then each detail line, escaped and joined with `<br>`: the only markup in the text is ours. */
function nodeLabel(node: DiagramNode): string {
  return [node.title, ...node.detail].map((line) => escapeLabel(shortenLine(line))).join('<br>');
}

function id(value: string): string {
  if (!SAFE_ID.test(value)) throw new Error(`Not a diagram id: ${JSON.stringify(value)}`);
  return value;
}
