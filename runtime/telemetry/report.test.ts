import { describe, expect, it } from 'vitest';
import {
  billedDurationMs,
  formatEndLine,
  formatReportLine,
  formatStartLine,
  formatTimeoutLine,
} from './report';

const ID = '8f507cfc-1a2b-4697-b07a-ac58fc914c95';
const T = Date.UTC(2026, 0, 1, 12, 0, 1, 234);

describe('billedDurationMs', () => {
  it('rounds up to the next whole ms, never below 1 ms', () => {
    expect(billedDurationMs(12.35)).toBe(13);
    expect(billedDurationMs(12)).toBe(12);
    expect(billedDurationMs(12.0000000001)).toBe(12);
    expect(billedDurationMs(0.2)).toBe(1);
    expect(billedDurationMs(0)).toBe(1);
    expect(billedDurationMs(-3)).toBe(1);
  });

  it('adds the init duration only when asked (post-August-2025 INIT billing)', () => {
    expect(billedDurationMs(3.22, 150.52)).toBe(154);
    expect(billedDurationMs(3.22)).toBe(4);
  });
});

describe('platform lines', () => {
  it('START and END', () => {
    expect(formatStartLine(ID)).toBe(`START RequestId: ${ID} Version: $LATEST`);
    expect(formatStartLine(ID, '$LATEST')).toBe(`START RequestId: ${ID} Version: $LATEST`);
    expect(formatStartLine(ID, 7)).toBe(`START RequestId: ${ID} Version: 7`);
    expect(formatEndLine(ID)).toBe(`END RequestId: ${ID}`);
  });

  it('REPORT for a warm invocation', () => {
    expect(formatReportLine({ requestId: ID, durationMs: 12.345, billedMs: 13, memorySizeMB: 1024 })).toBe(
      `REPORT RequestId: ${ID}\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 1024 MB`,
    );
  });

  it('REPORT after a cold start adds Init Duration last, and never prints Max Memory Used', () => {
    const line = formatReportLine({ requestId: ID, durationMs: 3.2, billedMs: 4, memorySizeMB: 128, initDurationMs: 5.125 });
    expect(line).toBe(`REPORT RequestId: ${ID}\tDuration: 3.20 ms\tBilled Duration: 4 ms\tMemory Size: 128 MB\tInit Duration: 5.13 ms`);
    expect(line).not.toContain('Max Memory Used');
  });

  it('timeout line: ISO time, request id, seconds with two decimals', () => {
    expect(formatTimeoutLine(ID, 1, T)).toBe(`2026-01-01T12:00:01.234Z ${ID} Task timed out after 1.00 seconds`);
    expect(formatTimeoutLine(ID, 6, T)).toBe(`2026-01-01T12:00:01.234Z ${ID} Task timed out after 6.00 seconds`);
  });

});
