/** A queue in the Resources region: its depth and counters, its dead-letter queue, its messages with receive counts, and Purge. */
import { useWorkbench } from '@/components/store/store-context';
import type { QueueView } from '@/runtime/services/types';
import { cappedNote, formatTime } from './resource-format';

export function QueueCard({ queue, now }: { queue: QueueView; now: number | null }) {
  const purgeQueue = useWorkbench((s) => s.purgeQueue);
  const label = `queue: ${queue.name}`;
  const total = queue.visible + queue.inFlight + queue.delayed;
  const capped = cappedNote(queue.messages.length, total);
  const counts: [string, number][] = [
    ['Visible', queue.visible], ['In flight', queue.inFlight], ['Delayed', queue.delayed],
    ['Sent', queue.sent], ['Deleted', queue.deleted], ['Moved to DLQ', queue.redriven],
  ];
  return (
    <div role="group" aria-label={label} className="resource-card" data-dlq={queue.isDeadLetterQueue || undefined}>
      <div className="resource-head">
        <h4 className="resource-title">{label}</h4>
        {queue.isDeadLetterQueue && <span className="badge badge-dlq">dead-letter queue</span>}
        <button
          type="button"
          className="button button-small"
          aria-label={`Purge ${queue.name}`}
          disabled={total === 0}
          onClick={() => purgeQueue(queue.name)}
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
      <p className="small">
        {queue.deadLetterQueue ? (
          <>DLQ <span className="mono">{queue.deadLetterQueue}</span> after {queue.maxReceiveCount} receives</>
        ) : (
          <span className="muted">No dead-letter queue</span>
        )}
      </p>
      {queue.messages.length > 0 && (
        <div className="resource-scroll">
          <table className="resource-table">
            <caption className="sr-only">Messages in {queue.name}, oldest first</caption>
            <thead>
              <tr><th scope="col">Body</th><th scope="col">State</th><th scope="col">Receives</th><th scope="col">Sent</th><th scope="col">Message ID</th></tr>
            </thead>
            <tbody>
              {queue.messages.map((m) => (
                <tr key={m.messageId}>
                  <td className="mono resource-body">{m.body}</td>
                  <td>{m.state}</td>
                  <td className="num">{m.receiveCount}</td>
                  <td>{formatTime(m.sentAt, now)}</td>
                  <td className="mono small">{m.messageId}</td>
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
