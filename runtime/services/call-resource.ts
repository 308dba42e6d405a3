/** Which bucket, queue, topic, bus or table an SDK call addresses (for the recorded call and the diagram's run-time edges). */
import type { ServiceCall } from './types';

const lastSegment = (s: string, sep: string) => s.slice(s.lastIndexOf(sep) + 1);

export function resourceOf(call: ServiceCall): string | null {
  const input = call.input ?? {};
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string) : null);
  switch (call.service) {
    case 's3':
      return str('Bucket');
    case 'sqs': {
      const url = str('QueueUrl');
      return url ? lastSegment(url.replace(/\/+$/, ''), '/') : str('QueueName');
    }
    case 'sns': {
      const arn = str('TopicArn') ?? str('TargetArn');
      return arn ? lastSegment(arn, ':') : null;
    }
    case 'eventbridge': {
      const entries = Array.isArray(input.Entries) ? (input.Entries as Array<Record<string, unknown>>) : [];
      const bus = entries.length > 0 && typeof entries[0].EventBusName === 'string' ? (entries[0].EventBusName as string) : str('Name');
      return bus ? lastSegment(bus, '/') : 'default';
    }
    case 'dynamodb': {
      const table = str('TableName');
      if (table) return lastSegment(table, '/');
      const items = input.RequestItems;
      return items && typeof items === 'object' ? (Object.keys(items)[0] ?? null) : null;
    }
  }
  return null;
}
