/** The short text on a trigger edge of the architecture diagram: the route, the bucket's filter, the batch size, … */
import type { FunctionEventDef } from '../project/types';

/** Plain text (the Mermaid writer escapes and shortens it), or undefined for an edge that needs no label. */
export function eventLabel(def: FunctionEventDef): string | undefined {
  switch (def.kind) {
    case 'httpApi':
      return def.routeKey;
    case 'schedule':
      return undefined; // the schedule node shows the expression
    case 's3': {
      // 's3:ObjectCreated:*' → 'ObjectCreated:*', then the key filter as a glob: 'uploads/*.jpg'.
      const event = def.event.replace(/^s3:/, '');
      return def.prefix || def.suffix ? `${event} ${def.prefix ?? ''}*${def.suffix ?? ''}` : event;
    }
    case 'sqs':
      return disabled(`batch ${def.batchSize}`, def.enabled);
    case 'sns':
      return def.filterPolicy ? `filter: ${Object.keys(def.filterPolicy).join(', ')}` : undefined;
    case 'eventBridge':
      return def.pattern ? disabled(patternLabel(def.pattern), def.enabled) : undefined;
    case 'stream':
      return disabled(`batch ${def.batchSize} · ${def.startingPosition}`, def.enabled);
  }
}

/** A pattern's `source` values ('shop.orders'), else its `detail-type` values, else just 'pattern'. */
function patternLabel(pattern: Record<string, unknown>): string {
  for (const field of ['source', 'detail-type']) {
    const values = pattern[field];
    if (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string')) return values.join(', ');
  }
  return 'pattern';
}

function disabled(label: string, enabled: boolean): string {
  return enabled ? label : `${label} (disabled)`;
}
