/** A topic in the Resources region: its subscribed functions and how many messages were published. */
import type { TopicView } from '@/runtime/services/types';
import { plural } from './resource-format';

export function TopicCard({ topic }: { topic: TopicView }) {
  const label = `topic: ${topic.name}`;
  return (
    <div role="group" aria-label={label} className="resource-card">
      <div className="resource-head">
        <h4 className="resource-title">{label}</h4>
        <span className="muted small">{plural(topic.published, 'message')} published</span>
      </div>
      <p className="small">
        Subscribers:{' '}
        {topic.subscribers.length ? <span className="mono">{topic.subscribers.join(', ')}</span> : <span className="muted">none</span>}
      </p>
    </div>
  );
}
