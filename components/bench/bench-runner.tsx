'use client';
/** The benchmark page's view: builds its own Platform (real WorkerEngine + RealClock), runs the suite, shows JSON. */
import { useState } from 'react';
import { Platform } from '@/runtime/platform';
import { RealClock } from '@/runtime/clock';
import { WorkerEngine } from '@/runtime/engines/worker/worker-engine';
import { coldStarts, runBenchSuite, type BenchFigures } from './bench-suite';

/** Query parameters override the defaults, e.g. `/bench?warm=5000&cold=15&seconds=3&redeploys=10`. */
function optionsFromUrl() {
  const q = new URLSearchParams(window.location.search);
  const num = (key: string, fallback: number) => {
    const n = Number(q.get(key));
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { warmRequests: num('warm', 5000), coldSamples: num('cold', 15), throughputSeconds: num('seconds', 3), redeploySamples: num('redeploys', 10), queueMessages: num('messages', 20000) };
}

export function BenchRunner() {
  const [progress, setProgress] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<BenchFigures | { error: string } | null>(null);

  const run = async () => {
    setRunning(true);
    setResult(null);
    setProgress([]);
    const platform = new Platform({ engine: new WorkerEngine(), clock: new RealClock() });
    try {
      const options = { ...optionsFromUrl(), progress: (line: string) => setProgress((p) => [...p, line]) };
      const figures = await runBenchSuite(platform, options);
      // The engine keeps one blank worker booted ahead of need; this figure shows a cold start without that help.
      const bare = new Platform({ engine: new WorkerEngine({ spares: 0 }), clock: new RealClock() });
      try {
        figures.cold_start_no_spare_p50_ms = (await coldStarts(bare, options)).cold_start_p50_ms;
      } finally {
        bare.dispose();
      }
      setResult(figures);
    } catch (e) {
      setResult({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      platform.dispose();
      setRunning(false);
    }
  };

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '1.5rem', maxWidth: '48rem' }}>
      <h1>Benchmarks</h1>
      <p>Runs the playground&apos;s in-page benchmarks on a Platform of its own; <code>npm run bench</code> drives this page.</p>
      <button type="button" onClick={run} disabled={running}>Run benchmarks</button>
      <ol aria-label="Progress">
        {progress.map((line, i) => <li key={i}>{line}</li>)}
      </ol>
      <pre data-testid="bench-result" aria-label="Result">{result ? JSON.stringify(result) : ''}</pre>
    </main>
  );
}
