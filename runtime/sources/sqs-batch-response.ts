/** A partial batch response (`ReportBatchItemFailures`): which messages of a batch the function says failed, read as Lambda reads it. */

/** No message failed, the whole batch failed (with why), or these message ids failed. */
export type BatchVerdict = { kind: 'success' } | { kind: 'failure'; reason: string } | { kind: 'partial'; failed: Set<string> };

const SUCCESS: BatchVerdict = { kind: 'success' };

/**
 * Lambda counts the batch a success for a null or empty response, or a null or empty `batchItemFailures`; and a
 * complete failure for a response that is not an object, an empty or null `itemIdentifier`, an entry without that key,
 * or an id that is not a message of the batch.
 */
export function batchVerdict(result: unknown, batch: readonly { messageId: string }[]): BatchVerdict {
  if (result === null || result === undefined) return SUCCESS;
  if (typeof result !== 'object' || Array.isArray(result)) return { kind: 'failure', reason: `the response is not a batch response object: ${preview(result)}` };
  const list = (result as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === null || list === undefined) return SUCCESS;
  if (!Array.isArray(list)) return { kind: 'failure', reason: 'batchItemFailures is not a list' };
  if (list.length === 0) return SUCCESS;
  const batchIds = new Set(batch.map((m) => m.messageId));
  const failed = new Set<string>();
  for (const item of list) {
    const id = item && typeof item === 'object' ? (item as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof id !== 'string' || id === '') return { kind: 'failure', reason: `an entry of batchItemFailures has no itemIdentifier: ${preview(item)}` };
    if (!batchIds.has(id)) return { kind: 'failure', reason: `itemIdentifier '${id}' is not the messageId of a message in the batch` };
    failed.add(id);
  }
  return { kind: 'partial', failed };
}

function preview(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
