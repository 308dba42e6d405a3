/**
 * The page's side of the in-container host's protocol (the host's side, and the protocol's description, is
 * host/lambda-host.cjs): newline-delimited JSON over the process's stdio. Host frames start with U+001E, page frames
 * with U+001D; any other output line is the function's own output. Bytes (S3 bodies) cross as {"$bytes":"<base64>"}.
 */
import type { FunctionErrorInfo, InitOutcome, LogLevel } from '../engine';
import type { AwsErrorInfo, ServiceName } from '../../services/types';
import { bytesReplacer, bytesReviver } from '../../bytes-json';

export const HOST_FRAME = '\u001e';
export const PAGE_FRAME = '\u001d';

export interface LoadFrame {
  t: 'load';
  /** The function's code directory (its cwd, as /var/task is Lambda's). */
  root: string;
  entry: string;
  exportName: string;
  env: Record<string, string>;
  functionName: string;
  memoryLimitInMB: number;
  /** Path of the AWS SDK module the host answers `@aws-sdk/*` requires with (sdk-module.ts), or '' for none. */
  sdk: string;
}

export type PageFrame =
  | LoadFrame
  /** payload: JSON text of [event, ContextInit]. */
  | { t: 'invoke'; id: number; payload: string }
  | { t: 'reply'; id: number; ok: true; output: Record<string, unknown> }
  | { t: 'reply'; id: number; ok: false; error: AwsErrorInfo };

export type HostFrame =
  | { t: 'ready' }
  | { t: 'init'; outcome: InitOutcome }
  | { t: 'log'; rid: string | null; level: LogLevel; time: number; text: string }
  | { t: 'call'; id: number; rid: string | null; service: ServiceName; operation: string; input: Record<string, unknown> }
  | { t: 'done'; id: number; ok: true; json: string; durationMs: number }
  | { t: 'done'; id: number; ok: false; error: FunctionErrorInfo; durationMs: number; fatal: boolean }
  | { t: 'fatal'; error: FunctionErrorInfo };

/** What the reader hands on: a host frame, or a line of the process's own output. */
export type HostOutput = { frame: HostFrame } | { text: string };

/** One frame as the page writes it to the host's stdin. */
export function encodePageFrame(frame: PageFrame): string {
  return PAGE_FRAME + JSON.stringify(frame, bytesReplacer) + '\n';
}

/** Splits the host's output stream (chunks cut anywhere, `\r\n` from a terminal) into frames and output lines. */
export class HostOutputReader {
  private pending = '';

  push(chunk: string): HostOutput[] {
    this.pending += chunk;
    const out: HostOutput[] = [];
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl).replace(/\r$/, '');
      this.pending = this.pending.slice(nl + 1);
      const parsed = parseLine(line);
      if (parsed) out.push(parsed);
    }
    return out;
  }

  /** What is left at the end of the stream (a last line without its newline). */
  flush(): HostOutput[] {
    const line = this.pending;
    this.pending = '';
    const parsed = line ? parseLine(line) : null;
    return parsed ? [parsed] : [];
  }
}

function parseLine(line: string): HostOutput | null {
  // A terminal may echo what the page wrote: never the host's, and never shown.
  if (line.includes(PAGE_FRAME)) return null;
  const at = line.indexOf(HOST_FRAME);
  if (at < 0) return { text: line };
  try {
    return { frame: JSON.parse(line.slice(at + 1), bytesReviver) as HostFrame };
  } catch {
    return { text: line.slice(at + 1) };
  }
}
