/** The event S3 sends a function it notifies: one record per object change, in S3 event structure version 2.1. */
import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { ObjectNotice } from '../services/types';
import { hashHex } from '../services/stable-hash';

export interface S3EventInput {
  notice: ObjectNotice;
  region: string;
  /** The id of the bucket's notification configuration that matched. */
  configurationId: string;
  /** The bucket owner's canonical id. */
  ownerPrincipalId: string;
  /** Where the request came from (the page, or a function's instance). */
  sourceIPAddress: string;
}

/** The bucket's ARN: S3 ARNs carry neither region nor account. */
export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/**
 * An object key as S3 writes it into a notification: URL-encoded like a form value, so a space becomes `+`, a `+`
 * becomes `%2B` and `/` stays as it is ('my photo.jpg' → 'my+photo.jpg').
 */
export function encodeS3Key(key: string): string {
  return key.split('/').map((part) => encodeURIComponent(part).replace(/%20/g, '+')).join('/');
}

/**
 * An S3 event of one record. Removals carry no size or eTag, as S3's ObjectRemoved records don't (@types/aws-lambda
 * declares both required, so a handler reading them on a delete gets undefined, as on AWS).
 */
export function s3Event(o: S3EventInput): S3Event {
  const n = o.notice;
  const removed = n.eventName.startsWith('ObjectRemoved');
  const object = removed
    ? { key: encodeS3Key(n.key), ...(n.versionId ? { versionId: n.versionId } : {}), sequencer: n.sequencer }
    : { key: encodeS3Key(n.key), size: n.size, eTag: n.eTag ?? '', ...(n.versionId ? { versionId: n.versionId } : {}), sequencer: n.sequencer };
  const record: S3EventRecord = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: o.region,
    eventTime: new Date(n.time).toISOString(),
    eventName: n.eventName,
    userIdentity: { principalId: n.principalId },
    requestParameters: { sourceIPAddress: o.sourceIPAddress },
    responseElements: { 'x-amz-request-id': requestIdOf(n), 'x-amz-id-2': hostIdOf(n) },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: o.configurationId,
      bucket: { name: n.bucket, ownerIdentity: { principalId: o.ownerPrincipalId }, arn: bucketArn(n.bucket) },
      object: object as S3EventRecord['s3']['object'],
    },
  };
  return { Records: [record] };
}

/** S3's request id: 16 upper-case hex digits, the same for every function one request notifies. */
function requestIdOf(n: ObjectNotice): string {
  return hashHex(`${n.bucket}/${n.key}/${n.sequencer}`, 16).toUpperCase();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** S3's extended request id (x-amz-id-2): 76 base64 characters naming the host that served the request. */
function hostIdOf(n: ObjectNotice): string {
  const hex = hashHex(`id2:${n.bucket}/${n.key}/${n.sequencer}`, 152);
  let out = '';
  for (let i = 0; i < 76; i++) out += B64[parseInt(hex.slice(2 * i, 2 * i + 2), 16) % 64];
  return out;
}
