/**
 * A bottom-panel region whose code loads the first time its tab is chosen (xterm.js, the trace view and Mermaid stay
 * out of the page's first JavaScript); until then a placeholder of the same accessible name holds its place.
 */
'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState, type ComponentType } from 'react';
import { useWorkbench } from '@/components/store/store-context';
import type { BottomTab } from '@/components/workspace/workspace';

export function lazyTabPanel(tab: BottomTab, label: string, load: () => Promise<ComponentType>): ComponentType {
  const Placeholder = () => (
    <section aria-label={label} className="panel-pad">
      <p className="muted">Loading…</p>
    </section>
  );
  const Panel = dynamic(load, { ssr: false, loading: Placeholder });
  return function LazyTabPanel() {
    const chosen = useWorkbench((s) => s.workspace?.layout.bottomTab === tab);
    const [wanted, setWanted] = useState(false);
    useEffect(() => {
      if (chosen) setWanted(true);
    }, [chosen]);
    return wanted ? <Panel /> : <Placeholder />;
  };
}
