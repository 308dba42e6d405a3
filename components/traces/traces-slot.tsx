/**
 * Where the Traces panel goes. Its code (the list, the sequence-diagram writer, then Mermaid) loads the first time the
 * Traces tab is chosen, not with the page: the trace log itself folds events from the start, so nothing is missed.
 */
'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { useWorkbench } from '@/components/store/store-context';

function Placeholder() {
  return (
    <section aria-label="Traces" className="panel-pad">
      <p className="muted">Loading traces…</p>
    </section>
  );
}

const TracesPanel = dynamic(() => import('./traces-panel').then((m) => m.TracesPanel), { ssr: false, loading: Placeholder });

export function TracesSlot() {
  const chosen = useWorkbench((s) => s.workspace?.layout.bottomTab === 'traces');
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (chosen) setWanted(true);
  }, [chosen]);
  return wanted ? <TracesPanel /> : <Placeholder />;
}
