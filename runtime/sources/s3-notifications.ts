/** A bucket's notification configuration: which functions an object change invokes (asynchronously, as S3 does). */
import type { Project, S3EventDef } from '../project/types';
import type { ObjectNotice } from '../services/types';
import { hashHex, hashUuid } from '../services/stable-hash';
import { s3Event } from './s3-event';
import type { SourceHost } from './types';

/** One function's `- s3:` event on a bucket: a LambdaFunctionConfiguration of the bucket. */
export interface BucketNotification {
  functionName: string;
  def: S3EventDef;
  configurationId: string;
}

/** Where the playground's requests come from, as S3 records `requestParameters.sourceIPAddress`. */
const SOURCE_IP = '127.0.0.1';

export class BucketNotifications {
  private byBucket = new Map<string, BucketNotification[]>();

  constructor(private readonly host: SourceHost) {}

  deploy(project: Project): void {
    const byBucket = new Map<string, BucketNotification[]>();
    for (const fn of Object.values(project.functions)) {
      fn.events.forEach((def, index) => {
        if (def.kind !== 's3') return;
        const list = byBucket.get(def.bucket) ?? [];
        list.push({ functionName: fn.name, def, configurationId: configurationId(def.bucket, fn.name, index) });
        byBucket.set(def.bucket, list);
      });
    }
    this.byBucket = byBucket;
  }

  /** The functions a bucket notifies of anything, in the manifest's order. */
  targets(bucket: string): string[] {
    return [...new Set((this.byBucket.get(bucket) ?? []).map((n) => n.functionName))];
  }

  /** The configurations an object change matches: at most one per function (S3 rejects overlapping configurations). */
  matching(notice: ObjectNotice): BucketNotification[] {
    const seen = new Set<string>();
    return (this.byBucket.get(notice.bucket) ?? []).filter((n) => {
      if (seen.has(n.functionName) || !notificationMatches(n.def, notice)) return false;
      seen.add(n.functionName);
      return true;
    });
  }

  /** Invokes each matching function with an event of one record; Lambda's async retries are the host's. */
  notify(notice: ObjectNotice): void {
    for (const n of this.matching(notice)) {
      const event = s3Event({
        notice,
        region: this.host.region(),
        configurationId: n.configurationId,
        ownerPrincipalId: ownerPrincipalId(this.host.account),
        sourceIPAddress: SOURCE_IP,
      });
      this.host.invokeAsync(n.functionName, event, `bucket:${notice.bucket}`).catch((err: unknown) => {
        this.host.log(n.functionName, 'error', `S3 notification from bucket ${notice.bucket} failed: ${err instanceof Error ? err.message : String(err)}`);
      });
    }
  }
}

/**
 * S3's event type match: 's3:ObjectCreated:*' covers every ObjectCreated event ('ObjectCreated:Put', ':Copy', …),
 * 's3:ObjectCreated:Put' only itself. Key filters compare the key as stored (not URL-encoded).
 */
export function notificationMatches(def: Pick<S3EventDef, 'event' | 'prefix' | 'suffix'>, notice: Pick<ObjectNotice, 'eventName' | 'key'>): boolean {
  const type = def.event.replace(/^s3:/, '');
  const typeOk = type.endsWith(':*') ? notice.eventName.startsWith(type.slice(0, -1)) : notice.eventName === type;
  if (!typeOk) return false;
  if (def.prefix && !notice.key.startsWith(def.prefix)) return false;
  if (def.suffix && !notice.key.endsWith(def.suffix)) return false;
  return true;
}

/**
 * The id S3 gives a notification configuration created without one (as CloudFormation creates the framework's):
 * base64 of a UUID. Derived from the bucket, function and event, so a redeploy keeps it.
 */
export function configurationId(bucket: string, functionName: string, index: number): string {
  return btoa(hashUuid(`${bucket}|${functionName}|${index}`));
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The bucket owner's id as notifications show it: 'A' and 13 upper-case alphanumerics, stable per account. */
export function ownerPrincipalId(account: string): string {
  const h = hashHex(`owner:${account}`, 26);
  let id = 'A';
  for (let i = 0; i < 13; i++) id += UPPER_ALNUM[parseInt(h.slice(2 * i, 2 * i + 2), 16) % 36];
  return id;
}
