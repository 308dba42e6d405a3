/**
 * The `Architecture` region (CONTRACTS.md §4): the deployed project drawn by Mermaid, alive with the events that flow
 * through it. Nodes open what they stand for (a function's file, a source's Events group, a resource's card); the view
 * zooms, pans and fits; the drawing leaves as Mermaid text, SVG or PNG.
 */
'use client';
import { useCallback, useRef, useState, type MouseEvent as ReactMouseEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useWorkbench, useWorkbenchStore } from '@/components/store/store-context';
import type { DiagramTarget } from '@/runtime/diagram/types';
import { copyText, downloadPng, downloadSvg } from './diagram-export';
import { useArchitectureDiagram } from './use-architecture-diagram';
import { usePanZoom } from './use-pan-zoom';
import { openTarget } from './open-target';
import './diagram.css';

export function ArchitecturePanel() {
  const store = useWorkbenchStore();
  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const { status, drawn } = useArchitectureDiagram(canvas);
  const { zoomIn, zoomOut, fit } = usePanZoom(viewport, canvas, drawn);
  const service = useWorkbench((s) => s.service);
  const [note, setNote] = useState<string | null>(null);
  // Expanded: the diagram over the whole window (a projector, a classroom); Esc or the same button brings it back.
  const [expanded, setExpanded] = useState(false);

  const activate = useCallback(
    (target: EventTarget | null) => {
      const el = target instanceof Element ? target.closest('[data-node]') : null;
      const node = el && drawn?.model.nodes.find((n) => n.id === el.getAttribute('data-node'));
      if (node?.target) openTarget(store, node.target as DiagramTarget);
    },
    [drawn, store],
  );
  const onClick = (e: ReactMouseEvent) => activate(e.target);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      setExpanded(false);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element && e.target.hasAttribute('data-node')) {
      e.preventDefault();
      activate(e.target);
    }
  };

  const say = (text: string) => {
    setNote(text);
    setTimeout(() => setNote((n) => (n === text ? null : n)), 4000);
  };
  const svg = () => canvas.current?.querySelector('svg') ?? null;
  const fileName = `${service ?? 'architecture'}-architecture`;
  const actions = drawn !== null;

  return (
    <section className="architecture panel" role="region" aria-label="Architecture" data-expanded={expanded || undefined} onKeyDown={onKeyDown}>
      <div className="panel-header diagram-header">
        <h2 className="panel-title">Architecture</h2>
        <div className="diagram-tools" role="toolbar" aria-label="Diagram">
          <button type="button" className="button button-small" onClick={zoomOut} disabled={!actions} aria-label="Zoom out" title="Zoom out (-)">−</button>
          <button type="button" className="button button-small" onClick={zoomIn} disabled={!actions} aria-label="Zoom in" title="Zoom in (+)">+</button>
          <button type="button" className="button button-small" onClick={fit} disabled={!actions} title="Fit to the panel (0)">Fit</button>
          <button
            type="button"
            className="button button-small"
            aria-pressed={expanded}
            title={expanded ? 'Back to the panel (Esc)' : 'Show the diagram over the whole window'}
            onClick={() => setExpanded((x) => !x)}
          >
            {expanded ? 'Shrink' : 'Expand'}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!actions}
            aria-label="Copy Mermaid text"
            title="Copy the Mermaid text (pastes into GitHub Markdown or Mermaid Live)"
            onClick={() => drawn && copyText(drawn.text).then(() => say('Mermaid text copied'), () => say('The browser refused the clipboard'))}
          >
            Copy
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!actions}
            aria-label="Download SVG"
            title="Download the drawing as SVG"
            onClick={() => { const s = svg(); if (s) downloadSvg(s, fileName); }}
          >
            SVG
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!actions}
            aria-label="Download PNG"
            title="Download the drawing as PNG"
            onClick={() => { const s = svg(); if (s) downloadPng(s, fileName).catch((err: Error) => say(err.message)); }}
          >
            PNG
          </button>
        </div>
      </div>
      <p className="sr-only" role="status">{note ?? ''}</p>
      {note && <p className="diagram-note small" aria-hidden="true">{note}</p>}
      <div
        ref={viewport}
        className="diagram-viewport"
        tabIndex={0}
        aria-label="Diagram view: arrow keys pan, + and - zoom, 0 fits; Tab moves through the nodes"
        onClick={onClick}
      >
        <div ref={canvas} id="architecture-canvas" className="diagram-canvas" data-status={status.kind} />
        {status.kind !== 'drawn' && <DiagramPlaceholder status={status} hasDrawing={actions} />}
      </div>
    </section>
  );
}

function DiagramPlaceholder({ status, hasDrawing }: { status: ReturnType<typeof useArchitectureDiagram>['status']; hasDrawing: boolean }) {
  if (status.kind === 'error') {
    return (
      <p className="diagram-message diagram-error" role="alert">
        The diagram could not be drawn{hasDrawing ? ' (the last drawing stays)' : ''}: {status.message}
      </p>
    );
  }
  if (hasDrawing) return null;
  return <p className="diagram-message muted">{status.kind === 'loading' ? 'Drawing the architecture…' : 'The diagram appears once the project is deployed.'}</p>;
}
