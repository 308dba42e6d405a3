/** The SDK calls behind a batch of an event source mapping: what its invocation hangs under in a trace. */

/** Each record's cause once, in batch order (records written from the page have none). */
export function causesOf(records: readonly { cause: string | null }[]): string[] {
  const out: string[] = [];
  for (const r of records) if (r.cause !== null && !out.includes(r.cause)) out.push(r.cause);
  return out;
}
