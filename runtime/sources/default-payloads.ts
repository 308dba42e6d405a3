/** What each Fire button sends before the person edits it: an example that the source's own filters let through. */
import type { EventBridgeEventDef, Project, S3EventDef, TableDef } from '../project/types';

/** A key the first notification of the bucket accepts: its prefix, a name, its suffix ('uploads/example.txt'). */
export function defaultBucketKey(project: Project, bucket: string): string {
  const def = Object.values(project.functions)
    .flatMap((fn) => fn.events)
    .find((e): e is S3EventDef => e.kind === 's3' && e.bucket === bucket && e.event.includes('ObjectCreated'));
  return `${def?.prefix ?? ''}example${def?.suffix ?? '.txt'}`;
}

export const DEFAULT_OBJECT_TEXT = 'Hello from Serverless Playground!';

export function defaultMessage(): string {
  return JSON.stringify({ orderId: 'order-1001', amount: 42 }, null, 2);
}

/** A PutEvents entry built from the first exact values of the first rule's pattern on the bus, so it matches. */
export function defaultBusEntry(project: Project, bus: string): string {
  const def = Object.values(project.functions)
    .flatMap((fn) => fn.events)
    .find((e): e is EventBridgeEventDef => e.kind === 'eventBridge' && e.bus === bus && !!e.pattern);
  const pattern = def?.pattern ?? {};
  const entry = {
    Source: firstExact(pattern.source) ?? 'playground.app',
    DetailType: firstExact(pattern['detail-type']) ?? 'Example',
    Detail: exampleOf(pattern.detail) ?? { message: 'Hello' },
  };
  return JSON.stringify(entry, null, 2);
}

/** An item with the table's key attributes filled in. */
export function defaultItem(table: TableDef): string {
  const value = (type: string, name: string) => (type === 'N' ? 1 : `${name}-1`);
  const item: Record<string, unknown> = { [table.hashKey.name]: value(table.hashKey.type, table.hashKey.name) };
  if (table.rangeKey) item[table.rangeKey.name] = value(table.rangeKey.type, table.rangeKey.name);
  item.message = 'Hello';
  return JSON.stringify(item, null, 2);
}

function firstExact(values: unknown): string | undefined {
  if (!Array.isArray(values)) return undefined;
  const v = values.find((x) => typeof x === 'string');
  return typeof v === 'string' ? v : undefined;
}

/** The first exact value of each leaf of a pattern (nested objects recurse); operators like {prefix} are skipped. */
function exampleOf(pattern: unknown): Record<string, unknown> | undefined {
  if (!pattern || typeof pattern !== 'object' || Array.isArray(pattern)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pattern)) {
    if (Array.isArray(value)) {
      const exact = value.find((x) => x === null || typeof x !== 'object');
      if (exact !== undefined) out[key] = exact;
      else {
        const prefix = value.find((x) => x && typeof x === 'object' && typeof (x as { prefix?: unknown }).prefix === 'string') as { prefix: string } | undefined;
        if (prefix) out[key] = `${prefix.prefix}example`;
      }
    } else {
      const nested = exampleOf(value);
      if (nested) out[key] = nested;
    }
  }
  return out;
}
