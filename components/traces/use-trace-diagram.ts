/**
 * Draws one trace as a Mermaid sequence diagram into a host element, again whenever the trace grows (a running trace
 * redraws as its invocations end), never more than once per refresh of the list.
 */
import { useEffect, useState, type RefObject } from 'react';
import { loadMermaid } from '@/components/diagram/load-mermaid';
import type { Trace } from '@/runtime/telemetry/trace-types';
import { traceToSequence } from '@/runtime/diagram/trace-sequence';

export interface TraceDiagramState {
  /** The Mermaid text drawn (what Copy copies), or '' before the first drawing. */
  text: string;
  /** Steps left out beyond the cap. */
  omitted: number;
  status: 'empty' | 'drawing' | 'ready' | 'failed';
  error: string | null;
}

let renderSeq = 0;

/** `trace` is read when `drawKey` changes (the caller derives it from the trace's summary). */
export function useTraceDiagram(host: RefObject<HTMLDivElement | null>, trace: Trace | null, drawKey: string, label: string): TraceDiagramState {
  const [state, setState] = useState<TraceDiagramState>({ text: '', omitted: 0, status: 'empty', error: null });
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    if (!trace) {
      el.replaceChildren();
      setState({ text: '', omitted: 0, status: 'empty', error: null });
      return;
    }
    let cancelled = false;
    const { text, omitted } = traceToSequence(trace);
    setState((s) => ({ ...s, status: s.status === 'ready' ? 'ready' : 'drawing' }));
    (async () => {
      try {
        const mermaid = await loadMermaid();
        const { svg } = await mermaid.render(`trace-${++renderSeq}`, text);
        if (cancelled) return;
        el.innerHTML = svg; // Mermaid's own output, sanitised by it (securityLevel strict)
        const svgEl = el.querySelector('svg');
        if (svgEl) {
          // Natural size (the region scrolls): shrunk to the panel's width, a trace of many participants is unreadable.
          const box = svgEl.viewBox.baseVal;
          svgEl.removeAttribute('style');
          svgEl.setAttribute('width', String(box.width));
          svgEl.setAttribute('height', String(box.height));
          svgEl.setAttribute('role', 'group');
          svgEl.setAttribute('aria-label', label);
        }
        setState({ text, omitted, status: 'ready', error: null });
      } catch (err) {
        if (cancelled) return;
        setState({ text, omitted, status: 'failed', error: err instanceof Error ? err.message : String(err) });
      }
    })();
    return () => {
      cancelled = true;
    };
    // The trace object is mutated in place as it grows: drawKey says when to read it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, drawKey]);
  return state;
}
