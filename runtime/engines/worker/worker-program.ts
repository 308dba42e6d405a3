/** The worker's program text: the worker-side Lambda runtime, assembled from the source of its self-contained functions. */
import { createAwsSdk } from './worker-aws-sdk';
import { createSdkCore } from './worker-aws-sdk-core';
import { createDocumentSdk } from './worker-aws-sdk-document';
import { createDynamoMarshall } from './worker-aws-sdk-marshall';
import { createS3Sdk } from './worker-aws-sdk-s3';
import { createBuffer } from './worker-buffer';
import { createBuiltins } from './worker-builtins';
import { createErrors } from './worker-errors';
import { createFormat } from './worker-format';
import { createGlobals } from './worker-globals';
import { createInspect } from './worker-inspect';
import { createModuleSystem } from './worker-modules';
import { workerMain } from './worker-runtime';

let cached: string | null = null;

/**
 * `(workerMain)(self, { createInspect: (…), … })`, from each function's own source text.
 *
 * Why this survives bundling and minification: each function refers to nothing outside itself
 * (only its parameters and standard globals), so whatever names the minifier picks inside it, the
 * text is a complete program; and the same functions run directly under Node in unit tests
 * (worker-program.test.ts also runs this assembled text, to catch a stray outer reference).
 * The sourceURL makes runtime frames in stack traces read like Lambda's `file:///var/runtime/index.mjs`.
 */
export function workerProgramSource(): string {
  if (cached === null) {
    const parts: Record<string, (...args: never[]) => unknown> = {
      createInspect,
      createFormat,
      createErrors,
      createGlobals,
      createBuiltins,
      createBuffer,
      createModuleSystem,
      createAwsSdk,
      createSdkCore,
      createS3Sdk,
      createDynamoMarshall,
      createDocumentSdk,
    };
    const lib = Object.entries(parts)
      .map(([name, fn]) => JSON.stringify(name) + ': (' + fn.toString() + ')')
      .join(',\n');
    cached = '"use strict";\n(' + workerMain.toString() + ')(self, {\n' + lib + '\n});\n//# sourceURL=file:///var/runtime/index.mjs\n';
  }
  return cached;
}
