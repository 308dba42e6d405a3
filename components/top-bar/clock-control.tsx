/** The `Clock` group: the platform's virtual UTC time, Pause/Resume, and Fast-forward by 1 hour or 1 day. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { useVirtualNow } from '@/components/events/use-virtual-now';
import { eventCount, spanLabel, utcDay, utcTime } from '@/components/events/time-format';
import { FastForwardIcon, PauseIcon, PlayIcon } from './clock-icons';

const SPANS = [
  { ms: 3_600_000, label: '1 hour', short: '1 h' },
  { ms: 86_400_000, label: '1 day', short: '1 day' },
];

export function ClockControl() {
  const { mode, fastForward } = useWorkbench(useShallow((s) => ({ mode: s.clock?.mode ?? null, fastForward: s.fastForward })));
  const { pauseClock, resumeClock, fastForwardBy } = useWorkbench(
    useShallow((s) => ({ pauseClock: s.pauseClock, resumeClock: s.resumeClock, fastForwardBy: s.fastForwardBy })),
  );
  const now = useVirtualNow();
  const [span, setSpan] = useState(SPANS[0].ms);
  const running = fastForward?.kind === 'running';
  const paused = mode === 'paused';
  const spanName = SPANS.find((s) => s.ms === span)?.label ?? spanLabel(span);

  return (
    <div role="group" aria-label="Clock" className={`clock${paused ? ' clock-paused' : ''}`}>
      <span className="clock-time" title="The playground's clock (UTC): schedules fire on it">
        {now === null ? (
          '--:--:--'
        ) : (
          <time dateTime={new Date(now).toISOString()}>
            <span className="clock-day">{utcDay(now)} </span>
            {utcTime(now)}
            <span className="clock-zone"> UTC</span>
          </time>
        )}
        {paused && <span className="clock-zone"> · paused</span>}
      </span>
      <button
        type="button"
        className="button button-quiet clock-button"
        aria-label={paused ? 'Resume' : 'Pause'}
        title={paused ? 'Resume the clock' : 'Pause the clock (schedules stop firing)'}
        disabled={mode === null || running}
        onClick={paused ? resumeClock : pauseClock}
      >
        {paused ? <PlayIcon /> : <PauseIcon />}
      </button>
      <button
        type="button"
        className="button button-quiet clock-button"
        aria-label={`Fast-forward ${spanName}`}
        title={`Fast-forward ${spanName}: run its schedules now, on the virtual clock`}
        disabled={mode === null || running}
        aria-busy={running || undefined}
        onClick={() => void fastForwardBy(span)}
      >
        <FastForwardIcon />
      </button>
      <select
        className="input clock-span"
        aria-label="Fast-forward by"
        value={span}
        disabled={running}
        onChange={(e) => setSpan(Number(e.target.value))}
      >
        {SPANS.map((s) => (
          <option key={s.ms} value={s.ms} aria-label={s.label}>
            {s.short}
          </option>
        ))}
      </select>
      <span className="clock-result" aria-live="polite">
        {fastForward?.kind === 'running' && 'Fast-forwarding…'}
        {fastForward?.kind === 'done' && `+${spanLabel(fastForward.ms)} · ${eventCount(fastForward.fired)}`}
        {fastForward?.kind === 'error' && <span className="result-error-line">{fastForward.message}</span>}
      </span>
    </div>
  );
}
