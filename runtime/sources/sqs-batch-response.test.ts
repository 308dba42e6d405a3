import type { SQSBatchResponse } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { batchVerdict } from './sqs-batch-response';

const batch = [{ messageId: 'a' }, { messageId: 'b' }, { messageId: 'c' }];

describe('batchVerdict', () => {
  it('counts a null or empty response or failure list as success', () => {
    for (const r of [null, undefined, {}, { batchItemFailures: null }, { batchItemFailures: [] }, { statusCode: 200 }]) {
      expect(batchVerdict(r, batch), JSON.stringify(r)).toEqual({ kind: 'success' });
    }
  });

  it('names the failed messages of a partial batch response', () => {
    const response: SQSBatchResponse = { batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }] };
    expect(batchVerdict(response, batch)).toEqual({ kind: 'partial', failed: new Set(['b', 'c']) });
  });

  it('fails the whole batch for what Lambda cannot read: unknown ids, empty or missing identifiers, non-objects', () => {
    expect(batchVerdict({ batchItemFailures: [{ itemIdentifier: 'zzz' }] }, batch)).toEqual({ kind: 'failure', reason: "itemIdentifier 'zzz' is not the messageId of a message in the batch" });
    expect(batchVerdict({ batchItemFailures: [{ itemIdentifier: '' }] }, batch)).toEqual({ kind: 'failure', reason: 'an entry of batchItemFailures has no itemIdentifier: {"itemIdentifier":""}' });
    expect(batchVerdict({ batchItemFailures: [{ itemIdentifier: null }] }, batch).kind).toBe('failure');
    expect(batchVerdict({ batchItemFailures: [{ id: 'a' }] }, batch).kind).toBe('failure');
    expect(batchVerdict({ batchItemFailures: 'a' }, batch)).toEqual({ kind: 'failure', reason: 'batchItemFailures is not a list' });
    expect(batchVerdict('ok', batch)).toEqual({ kind: 'failure', reason: 'the response is not a batch response object: "ok"' });
    expect(batchVerdict([{ itemIdentifier: 'a' }], batch).kind).toBe('failure');
  });
});
