/** A queue in the Resources region: its depth and counters, its dead-letter queue, its messages with receive counts, and Purge. */
import { useWorkbench } from '@/components/store/store-context';
import type { QueueView } from '@/runtime/services/types';
import { cappedNote, clipTitle, formatTime } from './resource-format';

interface Props {
  queue: QueueView;
  /** The queues that name this one as their dead-letter queue. */
  sources: QueueView[];
  now: number | null;
}

export function QueueCard({ queue, sources, now }: Props) {
  const purgeQueue = useWorkbench((s) => s.purgeQueue);
  const label = `queue: ${queue.name}`;
  const total = queue.visible + queue.inFlight + queue.delayed;
  const capped = cappedNote(queue.messages.length, total);
  const counts: [string, number][] = [
    ['Visible', queue.visible], ['In flight', queue.inFlight], ['Delayed', queue.delayed],
    ['Sent', queue.sent], ['Deleted', queue.deleted],
  ];
  // A dead-letter queue's messages arrive by redrive, not SendMessage: count those too.
  if (sources.length) counts.push(['Moved in', sources.reduce((n, q) => n + q.redriven, 0)]);
  if (queue.deadLetterQueue) counts.push(['Moved to DLQ', queue.redriven]);
  return (
    <div role="group" aria-label={label} className="resource-card" data-dlq={queue.isDeadLetterQueue || undefined}>
      <div className="resource-head">
        <h4 className="resource-title">{label}</h4>
        {queue.isDeadLetterQueue && <span className="badge badge-dlq">dead-letter queue</span>}
        {/* aria-disabled, not disabled: the button keeps focus once the purge has emptied the queue. */}
        <button
          type="button"
          className="button button-small"
          aria-label={`Purge ${queue.name}`}
          aria-disabled={total === 0 || undefined}
          title={total === 0 ? 'The queue is empty' : undefined}
          onClick={() => {
            if (total > 0) purgeQueue(queue.name);
          }}
        >
          Purge
        </button>
      </div>
      <dl className="resource-counts">
        {counts.map(([name, n]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd className="num">{n.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      {(queue.deadLetterQueue || sources.length > 0) && (
        <p className="small">
          {queue.deadLetterQueue && (
            <>Failed messages move to <span className="mono">{queue.deadLetterQueue}</span> after {queue.maxReceiveCount} receives.</>
          )}
          {queue.deadLetterQueue && sources.length > 0 && ' '}
          {sources.length > 0 && (
            <>Dead-letter queue of <span className="mono">{sources.map((q) => q.name).join(', ')}</span>.</>
          )}
        </p>
      )}
      {total === 0 ? (
        <p className="muted small">No messages waiting.</p>
      ) : queue.messages.length > 0 && (
        // Focusable so the keyboard can scroll a long list (it holds no controls of its own).
        <div className="resource-scroll" tabIndex={0} role="region" aria-label={`Messages in ${queue.name}`}>
          <table className="resource-table">
            <caption className="sr-only">Messages in {queue.name}, oldest first</caption>
            <thead>
              <tr><th scope="col">Body</th><th scope="col">State</th><th scope="col">Receives</th><th scope="col">Sent</th><th scope="col">Message ID</th></tr>
            </thead>
            <tbody>
              {queue.messages.map((m) => (
                <tr key={m.messageId}>
                  <td className="mono resource-body">
                    <span className="resource-clamp" title={clipTitle(m.body)}>{m.body}</span>
                  </td>
                  <td data-label="State">{m.state}</td>
                  <td className="num" data-label="Receives">{m.receiveCount}</td>
                  <td className="resource-time" data-label="Sent">{formatTime(m.sentAt, now)}</td>
                  <td className="mono small resource-id" data-label="ID" title={m.messageId}>{m.messageId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {capped && <p className="muted small">{capped}</p>}
    </div>
  );
}
