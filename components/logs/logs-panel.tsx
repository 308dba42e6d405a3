/**
 * The `Logs` region: CloudWatch-style lines, newest last, filterable by function. Lines never go through React state:
 * a log event only schedules one animation frame, which reads `platform.logs.since(seq)` and appends to the DOM.
 */
import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useWorkbench } from '@/components/store/store-context';
import { appendLogLines } from './log-view';
import './logs.css';

export function LogsPanel() {
  const platform = useWorkbench((s) => s.platform);
  const functionNames = useWorkbench((s) => s.functionNames);
  const traceLog = useWorkbench((s) => s.traceLog);
  const showTrace = useWorkbench((s) => s.showTrace);
  const [filter, setFilter] = useState('');
  const [empty, setEmpty] = useState(true);
  const linesRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = linesRef.current;
    if (!platform || !container) return;
    const matches = (fn: string | null) => !filter || fn === filter;
    const hasTrace = (rid: string) => traceLog.traceOf(rid) !== null;
    container.replaceChildren();
    const all = platform.logs.all();
    appendLogLines(container, all.filter((e) => matches(e.functionName)), undefined, hasTrace);
    let seq = all.length ? all[all.length - 1].seq : 0;
    setEmpty(container.childElementCount === 0);
    let frame = 0;
    const drain = () => {
      frame = 0;
      const fresh = platform.logs.since(seq);
      if (fresh.length === 0) return;
      seq = fresh[fresh.length - 1].seq;
      appendLogLines(container, filter ? fresh.filter((e) => matches(e.functionName)) : fresh, undefined, hasTrace);
      if (container.childElementCount > 0) setEmpty(false);
    };
    const off = platform.on((event) => {
      if (event.type === 'log' && frame === 0) frame = requestAnimationFrame(drain);
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [platform, filter, traceLog]);

  const openTrace = (e: ReactMouseEvent) => {
    const rid = e.target instanceof HTMLElement && e.target.matches('.log-trace-link') ? e.target.dataset.requestId : undefined;
    const id = rid ? traceLog.traceOf(rid) : null;
    if (id) showTrace(id);
  };

  const clear = () => {
    platform?.logs.clear();
    linesRef.current?.replaceChildren();
    setEmpty(true);
  };

  return (
    <section aria-label="Logs" className="logs">
      <div className="logs-toolbar">
        <label className="field field-inline">
          <span className="field-label">Logs from</span>
          <select className="input" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">All functions</option>
            {functionNames.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <button type="button" className="button button-small button-quiet" onClick={clear}>Clear logs</button>
      </div>
      {empty && <p className="muted log-empty">No log lines yet. Send a request or invoke a function.</p>}
      <div className="log-lines" ref={linesRef} tabIndex={0} aria-label="Log lines" role="log" onClick={openTrace} />
    </section>
  );
}
