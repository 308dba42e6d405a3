/** A schedule's facts in its Events group: expression, function, and the next fire time on the platform's clock. */
import type { ScheduleSourceInfo } from '@/runtime/sources/types';
import { relativeTime, utcStamp } from './time-format';

export function ScheduleFacts({ source, now }: { source: ScheduleSourceInfo; now: number | null }) {
  return (
    <dl className="event-source-facts">
      <dt>Expression</dt>
      <dd className="mono">{source.expression}</dd>
      <dt>Function</dt>
      <dd className="mono">{source.functionName}</dd>
      <dt>Next</dt>
      <dd>
        {source.nextFireAt === null || now === null ? (
          <span className="muted">{source.enabled ? '—' : 'not scheduled (disabled)'}</span>
        ) : (
          <>
            {relativeTime(source.nextFireAt, now)} <span className="muted">· {utcStamp(source.nextFireAt, now)}</span>
          </>
        )}
      </dd>
    </dl>
  );
}
