/**
 * Where the Architecture panel goes. Its code (the diagram model, the live overlay, then Mermaid itself) loads only
 * once the project is first deployed, after the page has painted and become usable: until then the region shows a
 * placeholder of the same size and name.
 */
'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { useWorkbench } from '@/components/store/store-context';

function Placeholder({ text }: { text: string }) {
  return (
    <section className="architecture panel" role="region" aria-label="Architecture">
      <div className="panel-header">
        <h2 className="panel-title">Architecture</h2>
      </div>
      <p className="panel-pad muted">{text}</p>
    </section>
  );
}

const ArchitecturePanel = dynamic(() => import('./architecture-panel').then((m) => m.ArchitecturePanel), {
  ssr: false,
  loading: () => <Placeholder text="Loading the diagram…" />,
});

export function ArchitectureSlot() {
  const ready = useWorkbench((s) => s.deployment.status === 'ready');
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (ready) setWanted(true);
  }, [ready]);
  return wanted ? <ArchitecturePanel /> : <Placeholder text="The diagram appears once the project is deployed." />;
}
