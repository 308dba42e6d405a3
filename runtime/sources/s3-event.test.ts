import type { S3Event } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ObjectNotice } from '../services/types';
import { bucketArn, encodeS3Key, s3Event } from './s3-event';

const put: ObjectNotice = {
  bucket: 'uploads',
  eventName: 'ObjectCreated:Put',
  key: 'images/my photo.jpg',
  size: 1024,
  eTag: 'd41d8cd98f00b204e9800998ecf8427e',
  sequencer: '00019B771AA8000000',
  time: Date.UTC(2026, 0, 1, 12, 0, 0, 5),
  principalId: 'AWS:AROAPLAYGROUNDROLE:upload',
};
const base = { region: 'eu-west-1', configurationId: 'config-1', ownerPrincipalId: 'A1B2C3D4E5F6G7', sourceIPAddress: '127.0.0.1' };

describe('s3Event', () => {
  it('is the record S3 sends, key for key (event structure 2.1)', () => {
    const e = s3Event({ notice: put, ...base });
    const r = e.Records[0];
    expect(e.Records).toHaveLength(1);
    expect(r).toStrictEqual({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'eu-west-1',
      eventTime: '2026-01-01T12:00:00.005Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AROAPLAYGROUNDROLE:upload' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': r.responseElements['x-amz-request-id'], 'x-amz-id-2': r.responseElements['x-amz-id-2'] },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'config-1',
        bucket: { name: 'uploads', ownerIdentity: { principalId: 'A1B2C3D4E5F6G7' }, arn: 'arn:aws:s3:::uploads' },
        object: { key: 'images/my+photo.jpg', size: 1024, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '00019B771AA8000000' },
      },
    });
    expect(Object.keys(r)).toEqual(['eventVersion', 'eventSource', 'awsRegion', 'eventTime', 'eventName', 'userIdentity', 'requestParameters', 'responseElements', 's3']);
    expect(r.responseElements['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(r.responseElements['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/]{76}$/);
  });

  it('gives every function one request notifies the same request ids', () => {
    const a = s3Event({ notice: put, ...base }).Records[0].responseElements;
    const b = s3Event({ notice: put, ...base, configurationId: 'other' }).Records[0].responseElements;
    const c = s3Event({ notice: { ...put, sequencer: '00019B771AA8000001' }, ...base }).Records[0].responseElements;
    expect(b).toEqual(a);
    expect(c['x-amz-request-id']).not.toBe(a['x-amz-request-id']);
  });

  it('leaves size and eTag out of a removal, as S3 does', () => {
    const e = s3Event({ notice: { ...put, eventName: 'ObjectRemoved:Delete', size: 0, eTag: undefined }, ...base });
    expect(e.Records[0].s3.object).toStrictEqual({ key: 'images/my+photo.jpg', sequencer: '00019B771AA8000000' });
    expect(e.Records[0].eventName).toBe('ObjectRemoved:Delete');
  });

  it('type-checks as @types/aws-lambda S3Event', () => {
    const e = s3Event({ notice: put, ...base });
    expectTypeOf(e).toEqualTypeOf<S3Event>();
    const typed: S3Event = e;
    expect(typed.Records[0].s3.object.size).toBe(1024);
  });
});

describe('encodeS3Key', () => {
  it('URL-encodes keys as S3 notifications carry them', () => {
    expect(encodeS3Key('my photo.jpg')).toBe('my+photo.jpg');
    expect(encodeS3Key('a+b.txt')).toBe('a%2Bb.txt');
    expect(encodeS3Key('reports/2026/q1 summary.pdf')).toBe('reports/2026/q1+summary.pdf');
    expect(encodeS3Key('time=12:00&x.csv')).toBe('time%3D12%3A00%26x.csv');
    expect(encodeS3Key('café/ü.txt')).toBe('caf%C3%A9/%C3%BC.txt');
    expect(encodeS3Key('plain-key_1.txt')).toBe('plain-key_1.txt');
  });

  it('names a bucket by an ARN without region or account', () => {
    expect(bucketArn('uploads')).toBe('arn:aws:s3:::uploads');
  });
});
