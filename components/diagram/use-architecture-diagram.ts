/**
 * Draws the deployed project with Mermaid into `canvas` and keeps it alive: redrawn (debounced) when the deployed
 * project, its files or the functions' run-time dependencies change — never per event — and restyled in place per
 * animation frame as the platform's events flow.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useWorkbench, useWorkbenchStore } from '@/components/store/store-context';
import { DiagramActivity } from '@/runtime/diagram/diagram-activity';
import { buildDiagramModel } from '@/runtime/diagram/diagram-model';
import { toMermaid } from '@/runtime/diagram/mermaid-text';
import { mapSvgIds } from '@/runtime/diagram/svg-ids';
import type { DiagramModel, DiagramNode } from '@/runtime/diagram/types';
import { DiagramOverlay } from './diagram-overlay';
import { loadMermaid } from './load-mermaid';

/** Quiet time after a change before redrawing (typing in serverless.yml redeploys often). */
const REDRAW_DEBOUNCE_MS = 250;

export type DiagramStatus =
  | { kind: 'waiting' }
  | { kind: 'loading' }
  | { kind: 'drawn'; nodes: number; edges: number; ms: number }
  | { kind: 'error'; message: string };

export interface DrawnDiagram {
  model: DiagramModel;
  text: string;
  /** The drawn SVG's natural size (its viewBox). */
  width: number;
  height: number;
}

export interface ArchitectureDiagram {
  status: DiagramStatus;
  drawn: DrawnDiagram | null;
  overlay: RefObject<DiagramOverlay | null>;
}

let renderSeq = 0;

export function useArchitectureDiagram(canvas: RefObject<HTMLDivElement | null>): ArchitectureDiagram {
  const store = useWorkbenchStore();
  const platform = useWorkbench((s) => s.platform);
  // A new deployment (Ready) is what changes the drawn project; the version number changes with each one.
  const version = useWorkbench((s) => (s.deployment.status === 'ready' ? s.deployment.version : null));
  const [status, setStatus] = useState<DiagramStatus>({ kind: 'waiting' });
  const [drawn, setDrawn] = useState<DrawnDiagram | null>(null);
  const [depsVersion, setDepsVersion] = useState(0);
  const activity = useRef(new DiagramActivity());
  const overlay = useRef<DiagramOverlay | null>(null);

  // Live: fold events into the activity; restyle once per frame; ask for a redraw when a new dependency shows up.
  useEffect(() => {
    if (!platform) return;
    let frame = 0;
    let fade: ReturnType<typeof setTimeout> | null = null;
    let depsTimer: ReturnType<typeof setTimeout> | null = null;
    const paint = () => {
      frame = 0;
      const view = activity.current.view(performance.now());
      overlay.current?.apply(view);
      if (fade) clearTimeout(fade);
      fade = view.nextChangeAt === null ? null : setTimeout(schedule, Math.max(16, view.nextChangeAt - performance.now()));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    const off = platform.on((event) => {
      const change = activity.current.apply(event, performance.now());
      if (change === 'view') schedule();
      else if (change === 'structure' && !depsTimer) {
        depsTimer = setTimeout(() => {
          depsTimer = null;
          setDepsVersion((v) => v + 1);
        }, REDRAW_DEBOUNCE_MS);
      }
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
      if (fade) clearTimeout(fade);
      if (depsTimer) clearTimeout(depsTimer);
    };
  }, [platform]);

  // Draw: after the page has painted, debounced, only when the Mermaid text changed.
  const lastText = useRef<string | null>(null);
  const lastService = useRef<string | null>(null);
  useEffect(() => {
    const project = platform?.project;
    const host = canvas.current;
    if (!project || !host) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      // Another project (a share link, Reset to example): its counts start from zero.
      if (lastService.current !== null && lastService.current !== project.service) activity.current.reset();
      lastService.current = project.service;
      const files = Object.keys(store.getState().workspace?.files ?? {});
      const model = buildDiagramModel(project, activity.current.dependencies(), files);
      const text = toMermaid(model);
      if (text === lastText.current) return;
      if (lastText.current === null) setStatus({ kind: 'loading' });
      try {
        const started = performance.now();
        const mermaid = await loadMermaid();
        const id = `arch-${++renderSeq}`;
        const { svg } = await mermaid.render(id, text);
        if (cancelled) return;
        host.innerHTML = svg; // Mermaid's own output, sanitised by it (securityLevel strict)
        const svgEl = host.querySelector('svg');
        if (!svgEl) throw new Error('Mermaid drew no SVG');
        const box = svgEl.viewBox.baseVal;
        // Natural size, so the panel's transform alone zooms it.
        svgEl.removeAttribute('style');
        svgEl.setAttribute('width', String(box.width));
        svgEl.setAttribute('height', String(box.height));
        svgEl.setAttribute('role', 'group'); // not img: its nodes are buttons
        svgEl.setAttribute('aria-label', `Architecture of ${project.service}`);
        const map = mapSvgIds(id, model, [...host.querySelectorAll('[id]')].map((e) => e.id));
        overlay.current = new DiagramOverlay(host, map, model);
        decorateNodes(overlay.current, model);
        activity.current.setModel(model);
        overlay.current.apply(activity.current.view(performance.now()));
        lastText.current = text;
        setDrawn({ model, text, width: box.width, height: box.height });
        setStatus({ kind: 'drawn', nodes: model.nodes.length, edges: model.edges.length, ms: performance.now() - started });
      } catch (err) {
        if (cancelled) return;
        // The last good drawing stays; the message says what failed.
        setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    }, lastText.current === null ? 0 : REDRAW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [platform, version, depsVersion, canvas, store]);

  return { status, drawn, overlay };
}

/** Each node a keyboard stop with a name; what it opens is the panel's click handler's business. */
function decorateNodes(overlay: DiagramOverlay, model: DiagramModel): void {
  for (const node of model.nodes) {
    const el = overlay.node(node.id);
    if (!el) continue;
    el.setAttribute('data-node', node.id);
    if (!node.target) continue;
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', nodeName(node));
  }
}

const KIND_WORDS: Record<DiagramNode['kind'], string> = {
  client: 'HTTP clients', gateway: 'HTTP API', function: 'function', schedule: 'schedule', bucket: 'bucket', queue: 'queue', topic: 'topic', bus: 'event bus', table: 'table',
};

/** `function hello: open handler.js`, `bucket uploads: show in Resources`, … */
export function nodeName(node: DiagramNode): string {
  const what = node.kind === 'client' || node.kind === 'gateway' ? KIND_WORDS[node.kind] : `${KIND_WORDS[node.kind]} ${node.kind === 'schedule' ? node.detail[0] ?? node.title : node.title}`;
  const target = node.target;
  const action = !target ? '' : target.kind === 'file' ? `open ${target.path}` : target.kind === 'source' ? 'show in Events' : target.kind === 'resource' ? 'show in Resources' : 'open the Request panel';
  return action ? `${what}: ${action}` : what;
}
