import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';
import type { ManifestResult } from './types';

const yml = (events: string[], more: string[] = []) =>
  ['service: demo', 'provider:', '  name: aws', 'functions:', '  f:', '    handler: h.f', '    events:', ...events, ...more].join('\n') + '\n';
const brief = (r: ManifestResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]);

describe('parseManifest: s3 events', () => {
  it('reads the short and long forms with the framework defaults, and creates each bucket once', () => {
    const r = parseManifest(
      yml([
        '      - s3: uploads', //                                                     8
        '      - s3:', //                                                             9
        '          bucket: uploads', //                                               10
        "          event: 's3:ObjectRemoved:Delete'", //                              11
        '          rules: [{ prefix: images/ }, { suffix: .jpg }]', //               12
        '      - s3: { bucket: archive, existing: true, forceDeploy: true }', //      13
      ]),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.events).toEqual([
      { kind: 's3', bucket: 'uploads', event: 's3:ObjectCreated:*', existing: false, line: 8 },
      { kind: 's3', bucket: 'uploads', event: 's3:ObjectRemoved:Delete', prefix: 'images/', suffix: '.jpg', existing: false, line: 9 },
      { kind: 's3', bucket: 'archive', event: 's3:ObjectCreated:*', existing: true, line: 13 },
    ]);
    expect(r.project!.resources.buckets).toEqual([
      { logicalId: null, name: 'uploads', line: 8 },
      { logicalId: null, name: 'archive', line: 13 },
    ]);
  });

  it('uses a declared bucket by !Ref or by name instead of creating one', () => {
    const r = parseManifest(
      yml(
        ['      - s3: { bucket: !Ref Files }', '      - s3: files'],
        ['resources:', '  Resources:', '    Files: { Type: AWS::S3::Bucket, Properties: { BucketName: files } }'],
      ),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project!.functions.f.events.map((e) => e.kind === 's3' && e.bucket)).toEqual(['files', 'files']);
    expect(r.project!.resources.buckets).toEqual([{ logicalId: 'Files', name: 'files', line: 12 }]);
  });

  it('reports an event type S3 does not have, bad rules and bad bucket names at their positions', () => {
    const r = parseManifest(
      yml([
        "      - s3: { bucket: uploads, event: 's3:ObjectCreate:*' }", //       8
        '      - s3: { bucket: uploads, rules: [{ prefix: a }, { prefix: b }] }', // 9
        '      - s3: { bucket: uploads, rules: [{ contains: x }] }', //        10
        '      - s3: Uploads', //                                               11
        '      - s3: { event: s3:ObjectCreated:Put }', //                        12
        '      - s3: { bucket: !Ref Nope }', //                                 13
      ]),
    );
    expect(r.project).toBeNull();
    expect(brief(r)).toEqual([
      ['error', 8, 39, "'s3:ObjectCreate:*' is not an S3 event type; use one like s3:ObjectCreated:*, s3:ObjectCreated:Put or s3:ObjectRemoved:*"],
      ['error', 9, 57, 'S3 allows one prefix per notification; this is the second'],
      ['error', 10, 40, "Each s3 rule is { prefix: … } or { suffix: … }, not a mapping"],
      ['error', 11, 13, "Bucket name 'Uploads' is not valid: use 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit"],
      ['error', 12, 9, "s3 needs a 'bucket', like { bucket: uploads, event: 's3:ObjectCreated:*' }"],
      ['error', 13, 23, "No resource 'Nope' in resources.Resources"],
    ]);
  });

  it('warns that event types other than created and removed never fire here', () => {
    const r = parseManifest(yml(["      - s3: { bucket: uploads, event: 's3:ObjectRestore:*' }"]));
    expect(brief(r)).toEqual([
      ['warning', 8, 39, "The playground sends only s3:ObjectCreated:* and s3:ObjectRemoved:* events; 's3:ObjectRestore:*' never fires here"],
    ]);
  });
});
