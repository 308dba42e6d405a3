/** An event bus in the Resources region: the functions with a rule on it and how many events were put. */
import type { BusView } from '@/runtime/services/types';
import { plural } from './resource-format';

export function BusCard({ bus }: { bus: BusView }) {
  const label = `bus: ${bus.name}`;
  return (
    <div role="group" aria-label={label} className="resource-card">
      <div className="resource-head">
        <h4 className="resource-title">{label}</h4>
        <span className="muted small">{plural(bus.put, 'event')} put</span>
      </div>
      <p className="small">
        Rules target:{' '}
        {bus.targets.length ? <span className="mono">{bus.targets.join(', ')}</span> : <span className="muted">no function</span>}
      </p>
    </div>
  );
}
