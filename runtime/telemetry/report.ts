/** The platform lines the Lambda Node.js runtime writes to CloudWatch: START, END, REPORT and timeouts (the runtime inside the instance writes its own error lines). */

/**
 * Billed duration in ms. Since December 2020 Lambda rounds the duration UP to the next 1 ms (it used to be 100 ms);
 * an invocation is never billed less than 1 ms.
 *
 * Init Duration: for on-demand functions zipped on a managed runtime (nodejs*, python*) the init phase was NOT part
 * of Billed Duration (container images, custom runtimes and provisioned concurrency always billed it). AWS announced
 * that from 1 August 2025 the init phase is billed for those functions too. Pass `initDurationMs` to bill it
 * (ceil(init + duration), as the REPORT line of a container-image function shows); leave it out for the classic rule.
 */
export function billedDurationMs(durationMs: number, initDurationMs = 0): number {
  const total = Math.max(0, durationMs) + Math.max(0, initDurationMs);
  // Guard against float noise such as 12.000000000001 billing 13 ms.
  const rounded = Math.ceil(Math.round(total * 1e6) / 1e6);
  return Math.max(1, rounded);
}

/** `START RequestId: <id> Version: $LATEST` (space separated, unlike REPORT). */
export function formatStartLine(requestId: string, version: string | number = '$LATEST'): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

/** `END RequestId: <id>` */
export function formatEndLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface ReportLineInput {
  requestId: string;
  durationMs: number;
  billedMs: number;
  memorySizeMB: number;
  /** Only after a cold start: the time the instance spent running module scope. */
  initDurationMs?: number;
}

/**
 * `REPORT RequestId: <id>\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 1024 MB[\tInit Duration: 5.12 ms]`.
 * Fields are tab separated, durations with two decimals, Billed Duration a whole number.
 *
 * Lambda also prints `Max Memory Used: N MB` between Memory Size and Init Duration. We leave it out on purpose:
 * a Web Worker cannot measure its own heap honestly (performance.memory is Chromium-only, coarse, and counts the
 * whole agent), and a made-up number would teach the wrong thing about memory sizing.
 */
export function formatReportLine(r: ReportLineInput): string {
  let line =
    `REPORT RequestId: ${r.requestId}\tDuration: ${ms2(r.durationMs)} ms\tBilled Duration: ${Math.round(r.billedMs)} ms` +
    `\tMemory Size: ${r.memorySizeMB} MB`;
  if (r.initDurationMs !== undefined) line += `\tInit Duration: ${ms2(r.initDurationMs)} ms`;
  return line;
}

/**
 * `2026-01-01T00:00:01.000Z <id> Task timed out after 1.00 seconds`: what Lambda writes (space separated, after the
 * REPORT line) when it stops an invocation at its timeout. Lambda prints the elapsed time, which overshoots the
 * configured timeout by a few ms (`3.03 seconds` for a 3 s timeout); we print the configured timeout, as the
 * playground stops the handler exactly on time. `time` is epoch ms (injected: only the real clock reads the system clock).
 */
export function formatTimeoutLine(requestId: string, timeoutSeconds: number, time: number): string {
  return `${new Date(time).toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

function ms2(n: number): string {
  return Math.max(0, n).toFixed(2);
}
