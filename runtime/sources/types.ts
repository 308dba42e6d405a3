/** The event sources a deployed project has (issue 3): what the Events panel lists and what `Platform.fire` takes. */

/** One source group in the Events panel: `schedule: hello`, `schedule: hello #2`, later `bucket: uploads`, … */
export interface SourceInfo {
  /** Stable id, e.g. 'schedule:hello:0'. */
  id: string;
  kind: 'schedule';
  /** The accessible name of its group (CONTRACTS.md §4), e.g. 'schedule: hello' or 'schedule: hello #2'. */
  label: string;
  /** The function it triggers. */
  functionName: string;
  /** As written: 'rate(5 minutes)' or 'cron(0 12 * * ? *)'. */
  expression: string;
  enabled: boolean;
  /** Epoch ms of the next fire on the platform's clock, or null when disabled / never. */
  nextFireAt: number | null;
  /** The payload the Fire button sends by default (JSON text). */
  defaultPayload: string;
}

/** The platform's clock as the clock control sees it. */
export interface ClockState {
  mode: 'real' | 'paused';
  /** Epoch ms, virtual. */
  now: number;
}
