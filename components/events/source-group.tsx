/** One event source in the `Events` region: a group named by its label, its schedule, a `Payload` and a `Fire` button. */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { payloadError, payloadText } from '@/components/store/events-slice';
import type { SourceInfo } from '@/runtime/sources/types';
import { relativeTime, utcStamp } from './time-format';
import { CodeField } from '@/components/ui/code-field';

export function SourceGroup({ source, now }: { source: SourceInfo; now: number | null }) {
  const { payload, status } = useWorkbench(
    useShallow((s) => ({ payload: payloadText(s, source), status: s.fireStatus[source.id] ?? null })),
  );
  const { setPayload, fire } = useWorkbench(useShallow((s) => ({ setPayload: s.setPayload, fire: s.fire })));
  const messageId = useId();
  // Typing shows a JSON error as soon as the text stops parsing; Fire refuses it too.
  const invalid = payloadError(payload);
  const message = invalid ?? (status?.kind === 'error' ? status.message : null);

  return (
    <div role="group" aria-label={source.label} className="event-source">
      <div className="event-source-head">
        <h3 className="event-source-title">{source.label}</h3>
        <span className={`badge ${source.enabled ? 'badge-ok' : 'badge-off'}`}>{source.enabled ? 'enabled' : 'disabled'}</span>
      </div>
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
      <form
        className="event-source-form"
        onSubmit={(event) => {
          event.preventDefault();
          void fire(source.id);
        }}
      >
        <CodeField
          label="Payload"
          value={payload}
          placeholder="Empty sends the default event"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          onChange={(text) => setPayload(source.id, text)}
        />
        {message && <p id={messageId} className="result-error-line">{message}</p>}
        <div className="form-actions">
          <button type="submit" className="button" aria-busy={status?.kind === 'firing' || undefined}>
            Fire
          </button>
          <span className="muted small" aria-live="polite">
            {status?.kind === 'firing' && 'Firing…'}
            {status?.kind === 'fired' && `Fired at ${utcStamp(status.at, now ?? status.at)} · see Logs`}
          </span>
        </div>
      </form>
    </div>
  );
}
