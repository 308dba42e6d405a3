/**
 * The `Traces` region: the newest requests, console actions and schedule runs, and the chosen one's path as a sequence
 * diagram (client → gateway → function → the services it called → the functions those triggered), like an X-Ray trace.
 * The list is a listbox (arrow keys, Home, End); until the reader picks one, the newest trace shows.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { copyText, downloadSvg } from '@/components/diagram/diagram-export';
import { utcTime } from '@/components/events/time-format';
import { formatDuration } from '@/runtime/diagram/trace-sequence';
import type { TraceSummary } from '@/runtime/telemetry/trace-types';
import { useTraceList } from './use-trace-list';
import { useTraceDiagram } from './use-trace-diagram';
import './traces.css';

const optionId = (id: string) => `trace-option-${id}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** '4 invocations · 1 error · 14.2 ms', or '… · running'. */
export function traceFacts(t: TraceSummary): string {
  const parts = [plural(t.invocations, 'invocation')];
  if (t.errors) parts.push(plural(t.errors, 'error'));
  parts.push(t.running ? 'running' : formatDuration(t.durationMs ?? 0));
  return parts.join(' · ');
}

/** 'POST /orders → order', 'bucket: uploads → resize'; 'invoke: hello' and 'schedule: hello' name their function already. */
function headingOf(t: TraceSummary): string {
  return t.functionName && !t.title.endsWith(`: ${t.functionName}`) ? `${t.title} → ${t.functionName}` : t.title;
}

const statusTone = (status: number | null, errors: number) =>
  status !== null ? (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'ok') : errors ? 'error' : 'ok';

export function TracesPanel() {
  const { platform, traceLog, selectedTrace, selectTrace, visible } = useWorkbench(
    useShallow((s) => ({
      platform: s.platform, traceLog: s.traceLog, selectedTrace: s.selectedTrace, selectTrace: s.selectTrace,
      visible: s.workspace?.layout.bottomTab === 'traces',
    })),
  );
  // Hidden, the panel neither reads the list nor draws: the log keeps folding, and shows it all when the tab opens.
  const { traces, refresh } = useTraceList(visible ? platform : null, traceLog);
  const listRef = useRef<HTMLUListElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);

  const shown = traces.find((t) => t.id === selectedTrace) ?? traces[0] ?? null;
  const trace = useMemo(() => (shown ? traceLog.get(shown.id) : null), [shown, traceLog]);
  // Redraw when the shown trace changes or grows (its summary moves), not on every refresh of the list.
  const drawKey = shown ? `${shown.id}|${shown.invocations}|${shown.errors}|${shown.running}|${shown.durationMs}` : '';
  const title = shown ? headingOf(shown) : '';
  const diagram = useTraceDiagram(hostRef, trace, drawKey, `Sequence diagram of ${title}`);
  const dropped = shown ? traceLog.dropped(shown.id) : 0;
  // Expanded: the trace over the whole window (a projector); Esc or the same button brings it back.
  const [expanded, setExpanded] = useState(false);

  const choose = (id: string) => {
    selectTrace(id);
    document.getElementById(optionId(id))?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (traces.length === 0) return;
    const index = shown ? traces.findIndex((t) => t.id === shown.id) : -1;
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(traces.length - 1, index + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = traces.length - 1;
    if (next < 0) return;
    e.preventDefault();
    choose(traces[next].id);
  };

  const clear = () => {
    traceLog.clear();
    selectTrace(null);
    refresh();
  };

  return (
    <section aria-label="Traces" className="traces">
      <div className="traces-list-pane">
        <div className="output-toolbar">
          <span className="muted">{traces.length ? `${plural(traces.length, 'trace')}, newest first` : 'No traces'}</span>
          <button type="button" className="button button-small button-quiet" onClick={clear} disabled={traces.length === 0}>
            Clear traces
          </button>
        </div>
        {traces.length === 0 ? (
          <p className="muted traces-empty">
            Send a request, fire an event or invoke a function: its path through your functions and services shows here.
          </p>
        ) : (
          <ul
            ref={listRef}
            role="listbox"
            aria-label="Recent traces"
            tabIndex={0}
            aria-activedescendant={shown ? optionId(shown.id) : undefined}
            className="trace-list"
            onKeyDown={onKeyDown}
          >
            {traces.map((t) => (
              <li
                key={t.id}
                id={optionId(t.id)}
                role="option"
                aria-selected={t.id === shown?.id}
                className="trace-option"
                onClick={() => {
                  choose(t.id);
                  listRef.current?.focus();
                }}
              >
                <span className="trace-title mono">{t.title}</span>
                {t.status !== null && <span className={`trace-status status-${statusTone(t.status, t.errors)}`}>{t.status}</span>}
                <span className="trace-facts muted">
                  {t.errors > 0 && t.status === null && <span className="status-error">failed · </span>}
                  {traceFacts(t)}
                </span>
                <time className="trace-time muted mono" dateTime={new Date(t.start).toISOString()}>{utcTime(t.start)}</time>
              </li>
            ))}
          </ul>
        )}
      </div>
      <section
        aria-label="Trace"
        className="trace-detail"
        data-expanded={expanded || undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && expanded) {
            e.preventDefault();
            setExpanded(false);
          }
        }}
      >
        {shown && (
          <div className="trace-head">
            <h3 className="trace-heading">
              <span className="mono">{title}</span>
              {shown.status !== null && <span className={`status-${statusTone(shown.status, shown.errors)}`}> · {shown.status}</span>}
            </h3>
            <p className="muted trace-head-facts">{traceFacts(shown)} · started {utcTime(shown.start)} UTC</p>
            <div className="trace-actions">
              <button
                type="button"
                className="button button-small"
                aria-pressed={expanded}
                title={expanded ? 'Back to the panel (Esc)' : 'Show the trace over the whole window'}
                onClick={() => setExpanded((x) => !x)}
              >
                {expanded ? 'Shrink' : 'Expand'}
              </button>
              <button type="button" className="button button-small" disabled={!diagram.text} onClick={() => void copyText(diagram.text)}>
                Copy Mermaid text
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={diagram.status !== 'ready'}
                onClick={() => {
                  const svg = hostRef.current?.querySelector('svg');
                  if (svg) downloadSvg(svg, `trace-${shown.id}`);
                }}
              >
                Download SVG
              </button>
            </div>
          </div>
        )}
        {diagram.status === 'failed' && <p className="result-error-line">The trace could not be drawn: {diagram.error}</p>}
        {diagram.status === 'drawing' && <p className="muted" role="status">Drawing the trace…</p>}
        <div ref={hostRef} className="trace-diagram" />
        {(diagram.omitted > 0 || dropped > 0) && (
          <p className="muted trace-cut">
            {diagram.omitted > 0 && `${plural(diagram.omitted, 'more step')} not drawn. `}
            {dropped > 0 && `${plural(dropped, 'invocation')} left out: the trace grew past its limit.`}
          </p>
        )}
      </section>
    </section>
  );
}
