/** The `Events` region: one group per event source of the deployed manifest, or how to add one. */
import { useWorkbench } from '@/components/store/store-context';
import { SourceGroup } from './source-group';
import { useVirtualNow } from './use-virtual-now';
import './events.css';

const EXAMPLE = `functions:
  hello:
    handler: handler.hello
    events:
      - schedule: rate(5 minutes)
      - s3: { bucket: uploads, event: 's3:ObjectCreated:*' }
      - sqs: { arn: !GetAtt OrdersQueue.Arn, batchSize: 10 }`;

export function EventsPanel() {
  const sources = useWorkbench((s) => s.sources);
  const now = useVirtualNow();
  return (
    <section aria-label="Events" className="events">
      {sources.length === 0 ? (
        <div className="events-empty">
          <p>
            No event sources yet. Give a function an <code>events</code> entry in <code>serverless.yml</code> (a schedule,
            a bucket, a queue, a topic, an event bus or a table stream), or declare a resource under
            {' '}<code>resources.Resources</code>, for example:
          </p>
          <pre className="code-block">{EXAMPLE}</pre>
          <p className="muted small">
            Each source gets a group here to fire it by hand: send a message, upload a file, put an event or an item, or run
            a schedule now. Schedules run on the playground&apos;s clock: fast-forward it in the top bar.
          </p>
        </div>
      ) : (
        sources.map((source) => <SourceGroup key={source.id} source={source} now={now} />)
      )}
    </section>
  );
}
