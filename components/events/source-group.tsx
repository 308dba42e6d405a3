/**
 * One event source in the `Events` region: a group named by its label (CONTRACTS.md §4) with what it triggers, its
 * kind's own controls (a schedule's timing, a bucket's Key and File), a `Payload` and a `Fire` button. A bucket's group
 * also takes files dropped on it.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { payloadText } from '@/components/store/events-slice';
import { payloadError, payloadHint } from '@/components/store/source-payload';
import type { SourceInfo } from '@/runtime/sources/types';
import { CodeField } from '@/components/ui/code-field';
import { utcStamp } from './time-format';
import { ScheduleFacts } from './schedule-facts';
import { BucketUpload } from './bucket-upload';
import { useFileDrop } from './use-file-drop';

export function SourceGroup({ source, now }: { source: SourceInfo; now: number | null }) {
  const { payload, status } = useWorkbench(
    useShallow((s) => ({ payload: payloadText(s, source), status: s.fireStatus[source.id] ?? null })),
  );
  const { setPayload, fire, uploadFile } = useWorkbench(
    useShallow((s) => ({ setPayload: s.setPayload, fire: s.fire, uploadFile: s.uploadFile })),
  );
  const messageId = useId();
  const hintId = useId();
  const drop = useFileDrop(source.kind === 'bucket' ? (file) => void uploadFile(source.id, file) : null);
  // Typing shows a JSON error as soon as the text stops parsing (for the kinds that take JSON); Fire refuses it too.
  const invalid = payloadError(payload, source.kind);
  const message = invalid ?? (status?.kind === 'error' ? status.message : null);

  return (
    <div
      role="group"
      aria-label={source.label}
      className="event-source"
      data-kind={source.kind}
      data-dropping={drop.active || undefined}
      {...drop.handlers}
    >
      <div className="event-source-head">
        <h3 className="event-source-title">{source.label}</h3>
        {source.kind === 'schedule' && (
          <span className={`badge ${source.enabled ? 'badge-ok' : 'badge-off'}`}>{source.enabled ? 'enabled' : 'disabled'}</span>
        )}
      </div>
      {source.kind === 'schedule' ? (
        <ScheduleFacts source={source} now={now} />
      ) : (
        <dl className="event-source-facts">
          <dt>Triggers</dt>
          <dd className={source.targets.length ? 'mono' : 'muted'}>
            {source.targets.length ? source.targets.join(', ') : 'no function (it can still be fired)'}
          </dd>
        </dl>
      )}
      {source.kind === 'bucket' && <BucketUpload source={source} />}
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
          aria-describedby={message ? `${hintId} ${messageId}` : hintId}
          onChange={(text) => setPayload(source.id, text)}
        />
        <p id={hintId} className="muted small">{payloadHint(source.kind)}</p>
        {message && <p id={messageId} role={invalid ? undefined : 'alert'} className="result-error-line">{message}</p>}
        <div className="form-actions">
          <button type="submit" className="button" aria-busy={status?.kind === 'firing' || undefined}>
            Fire
          </button>
          <span className="muted small" role="status">
            {status?.kind === 'firing' && 'Firing…'}
            {status?.kind === 'fired' && `${status.detail ?? 'Fired'} at ${utcStamp(status.at, now ?? status.at)} · see Logs`}
          </span>
        </div>
      </form>
      {drop.active && <p className="event-drop-hint" aria-hidden="true">Drop the file to upload it to {source.label}</p>}
    </div>
  );
}
