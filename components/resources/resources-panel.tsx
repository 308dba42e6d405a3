/**
 * The `Resources` region: buckets with their objects, queues with depth and messages, topics, buses, and tables with
 * items, read from the platform at most once per frame (the resources slice). Clear data empties them all.
 */
import { useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useVirtualNow } from '@/components/events/use-virtual-now';
import type { ResourcesView } from '@/runtime/services/types';
import { BucketCard } from './bucket-card';
import { QueueCard } from './queue-card';
import { TopicCard } from './topic-card';
import { BusCard } from './bus-card';
import { TableCard } from './table-card';
import './resources.css';

const EXAMPLE = `resources:
  Resources:
    OrdersQueue:
      Type: AWS::SQS::Queue
      Properties: { QueueName: orders }
    OrdersTable:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: orders
        KeySchema: [{ AttributeName: id, KeyType: HASH }]`;

const isEmpty = (v: ResourcesView | null) =>
  !v || v.buckets.length + v.queues.length + v.topics.length + v.buses.length + v.tables.length === 0;

export function ResourcesPanel() {
  const { resources, error, clearData } = useWorkbench(
    useShallow((s) => ({ resources: s.resources, error: s.resourceError, clearData: s.clearData })),
  );
  const now = useVirtualNow();
  const [confirming, setConfirming] = useState(false);

  return (
    <section aria-label="Resources" className="resources">
      {error && <p role="alert" className="result-error-line resources-error">{error}</p>}
      {/* One scrolling column, the toolbar included, so a short panel or large text still reaches everything. */}
      <div className="resources-body">
        <div className="resources-toolbar">
          <p className="muted small">Bucket objects and table items are saved in this browser.</p>
          <button type="button" className="button button-small" onClick={() => setConfirming(true)}>Clear data</button>
        </div>
        {isEmpty(resources) ? (
          <div className="resources-empty">
            <p>
              No resources yet. A bucket, queue, topic or bus appears here once a function&apos;s <code>events</code> use it
              in <code>serverless.yml</code>; declare queues (with a dead-letter queue), topics and tables under
              {' '}<code>resources.Resources</code>, for example:
            </p>
            <pre className="code-block">{EXAMPLE}</pre>
          </div>
        ) : (
          <ResourceSections view={resources!} now={now} />
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Clear all data?"
        confirmLabel="Clear data"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void clearData();
        }}
      >
        Every bucket, queue and table is emptied, here and in this browser&apos;s saved copy. Functions are not notified.
        The files of the project stay as they are.
      </ConfirmDialog>
    </section>
  );
}

function ResourceSections({ view, now }: { view: ResourcesView; now: number | null }) {
  return (
    <>
      {view.buckets.length > 0 && (
        <Section title="Buckets">{view.buckets.map((b) => <BucketCard key={b.name} bucket={b} now={now} />)}</Section>
      )}
      {view.queues.length > 0 && (
        <Section title="Queues">
          {view.queues.map((q) => (
            <QueueCard key={q.name} queue={q} sources={view.queues.filter((s) => s.deadLetterQueue === q.name)} now={now} />
          ))}
        </Section>
      )}
      {view.topics.length > 0 && <Section title="Topics">{view.topics.map((t) => <TopicCard key={t.name} topic={t} />)}</Section>}
      {view.buses.length > 0 && <Section title="Event buses">{view.buses.map((b) => <BusCard key={b.name} bus={b} />)}</Section>}
      {view.tables.length > 0 && <Section title="Tables">{view.tables.map((t) => <TableCard key={t.name} table={t} />)}</Section>}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="resources-section">
      <h3 className="resources-section-title">{title}</h3>
      {children}
    </div>
  );
}
