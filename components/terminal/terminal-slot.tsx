/** Where the Terminal panel goes: xterm.js loads the first time its tab is chosen (the platform keeps the output till then). */
'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { useWorkbench } from '@/components/store/store-context';

function Placeholder() {
  return (
    <section aria-label="Terminal" className="panel-pad">
      <p className="muted">Loading the terminal…</p>
    </section>
  );
}

const TerminalPanel = dynamic(() => import('./terminal-panel').then((m) => m.TerminalPanel), { ssr: false, loading: Placeholder });

export function TerminalSlot() {
  const chosen = useWorkbench((s) => s.workspace?.layout.bottomTab === 'terminal');
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (chosen) setWanted(true);
  }, [chosen]);
  return wanted ? <TerminalPanel /> : <Placeholder />;
}
