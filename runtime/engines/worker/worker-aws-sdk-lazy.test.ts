import { describe, expect, it, vi } from 'vitest';
import { createAwsSdk } from './worker-aws-sdk';
import { testLib } from './worker-test-kit';

describe('createAwsSdk', () => {
  it('builds nothing until a package is required, then each package once, sharing one client-dynamodb', () => {
    const parts = {
      createSdkCore: vi.fn(testLib.createSdkCore),
      createS3Sdk: vi.fn(testLib.createS3Sdk),
      createDynamoMarshall: vi.fn(testLib.createDynamoMarshall),
      createDocumentSdk: vi.fn(testLib.createDocumentSdk),
    };
    const call = vi.fn();
    const modules = createAwsSdk({ call, region: () => 'us-east-1', Buffer: Buffer as never, parts });
    expect(Object.keys(modules).sort()).toEqual([
      '@aws-sdk/client-dynamodb', '@aws-sdk/client-eventbridge', '@aws-sdk/client-s3', '@aws-sdk/client-sns', '@aws-sdk/client-sqs', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb',
    ]);
    expect(parts.createSdkCore).not.toHaveBeenCalled();
    const lib = modules['@aws-sdk/lib-dynamodb']() as Record<string, unknown>;
    expect(modules['@aws-sdk/lib-dynamodb']()).toBe(lib);
    expect(parts.createSdkCore).toHaveBeenCalledTimes(1);
    expect(parts.createDocumentSdk.mock.calls[0][0].dynamodb).toBe(modules['@aws-sdk/client-dynamodb']());
    expect(parts.createS3Sdk).not.toHaveBeenCalled();
    expect(call).not.toHaveBeenCalled();
  });
});
