/**
 * The AWS SDK the in-container host answers `@aws-sdk/*` requires with: the embedded engine's own SDK shim (clients,
 * commands, exceptions, S3 streams, DynamoDB marshalling, the document client), written out as a CommonJS module from
 * the source text of its self-contained functions, exactly as the worker program is assembled (worker-program.ts).
 * One implementation for both engines: a function sees the same SDK whichever engine runs it.
 */
import { createAwsSdk } from '../worker/worker-aws-sdk';
import { createSdkCore } from '../worker/worker-aws-sdk-core';
import { createDocumentSdk } from '../worker/worker-aws-sdk-document';
import { createDynamoMarshall } from '../worker/worker-aws-sdk-marshall';
import { createS3Sdk } from '../worker/worker-aws-sdk-s3';

let cached: string | null = null;

/** `module.exports = (deps) => modules`: deps are `{ call, region, Buffer }`, modules map a package name to its maker. */
export function awsSdkModuleSource(): string {
  if (cached === null) {
    const parts: Record<string, (...args: never[]) => unknown> = { createSdkCore, createS3Sdk, createDynamoMarshall, createDocumentSdk };
    const lib = Object.entries(parts)
      .map(([name, fn]) => JSON.stringify(name) + ': (' + fn.toString() + ')')
      .join(',\n');
    cached = "'use strict';\nmodule.exports = function (deps) {\n  return (" + createAwsSdk.toString() + ')(Object.assign({}, deps, { parts: {\n' + lib + '\n} }));\n};\n';
  }
  return cached;
}
