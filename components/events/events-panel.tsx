/** The `Events` region: one group per event source of the deployed manifest, or how to add one. */
import { useWorkbench } from '@/components/store/store-context';
import { SourceGroup } from './source-group';
import { useVirtualNow } from './use-virtual-now';
import './events.css';

const EXAMPLE = `functions:
  hello:
    handler: handler.hello
    events:
      - schedule: rate(5 minutes)`;

export function EventsPanel() {
  const sources = useWorkbench((s) => s.sources);
  const now = useVirtualNow();
  return (
    <section aria-label="Events" className="events">
      {sources.length === 0 ? (
        <div className="events-empty">
          <p>No event sources yet. Give a function an <code>events</code> entry in <code>serverless.yml</code>, for example a schedule:</p>
          <pre className="code-block">{EXAMPLE}</pre>
          <p className="muted small">
            It runs on the playground&apos;s clock: fire it here at any time, or fast-forward the clock in the top bar.
          </p>
        </div>
      ) : (
        sources.map((source) => <SourceGroup key={source.id} source={source} now={now} />)
      )}
    </section>
  );
}
