/** The event Lambda sends a function reading a DynamoDB stream: one record per item change, images in the JSON wire format. */
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue } from '../services/dynamodb-values';
import { toBase64 } from '../bytes-json';
import type { TableChange } from '../services/types';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export interface StreamRecordInput {
  change: TableChange;
  /** 32 hex digits, fixed per record (a retried batch carries the same ids). */
  eventID: string;
  region: string;
  streamArn: string;
  streamViewType: StreamViewType;
}

/** The stream ARN of a table: `<table arn>/stream/<label>`. */
export function streamArn(region: string, account: string, table: string, label = '2026-01-01T00:00:00.000'): string {
  return `arn:aws:dynamodb:${region}:${account}:table/${table}/stream/${label}`;
}

/** AttributeValues as JSON carries them: binary as base64 text. */
function json(v: AttributeValue): Record<string, unknown> {
  if (v.B !== undefined) return { B: toBase64(v.B) };
  if (v.BS !== undefined) return { BS: v.BS.map(toBase64) };
  if (v.L !== undefined) return { L: v.L.map(json) };
  if (v.M !== undefined) return { M: image(v.M) };
  return { ...v };
}

function image(item: Record<string, unknown>): Record<string, never> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) out[k] = json(v as AttributeValue);
  return out as Record<string, never>;
}

/** One record, key for key as Lambda delivers it (ApproximateCreationDateTime in epoch seconds). */
export function streamRecord(o: StreamRecordInput): DynamoDBRecord {
  const c = o.change;
  return {
    eventID: o.eventID,
    eventName: c.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: o.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(c.time / 1000),
      Keys: image(c.keys),
      ...(c.newImage ? { NewImage: image(c.newImage) } : {}),
      ...(c.oldImage ? { OldImage: image(c.oldImage) } : {}),
      SequenceNumber: c.sequenceNumber,
      SizeBytes: c.sizeBytes,
      StreamViewType: o.streamViewType,
    },
    eventSourceARN: o.streamArn,
  };
}

export function streamEvent(records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}
