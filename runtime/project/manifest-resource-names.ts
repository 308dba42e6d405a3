/** Physical names of resources declared without one, made as CloudFormation makes them (`<stack>-<LogicalId>-<suffix>`), and S3's naming rules. */
import type { ResourceKind } from './manifest-resource-set';

/** AWS's longest names: buckets 63, queues 80 characters. */
const MAX_LENGTH: Record<ResourceKind, number> = { bucket: 63, queue: 80, topic: 256, table: 255, bus: 256 };

/**
 * CloudFormation appends a random suffix; the playground derives six characters from the logical id instead, so a
 * project gets the same names on every deploy. Buckets are lower case (S3 allows no capitals); a generated FIFO
 * queue name ends in '.fifo', as SQS requires.
 */
export function generatedName(service: string, stage: string, logicalId: string, kind: ResourceKind, fifo = false): string {
  const suffix = hashSuffix(logicalId);
  const tail = fifo ? '.fifo' : '';
  const stem = `${service}-${stage}-${logicalId}`.slice(0, MAX_LENGTH[kind] - suffix.length - 1 - tail.length);
  const name = `${stem}-${suffix}${tail}`;
  return kind === 'bucket' ? name.toLowerCase() : name;
}

/** Six upper-case letters and digits from an FNV-1a hash. */
function hashSuffix(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36).toUpperCase().padStart(6, '0').slice(-6);
}

/** Why S3 would refuse a bucket name, or null when it is valid. */
export function bucketProblem(name: string): string | null {
  const rules = 'use 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit';
  if (name.length < 3 || name.length > 63 || !/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return `Bucket name '${name}' is not valid: ${rules}`;
  }
  if (name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) return `Bucket name '${name}' is not valid: no '..' and not an IP address`;
  return null;
}
