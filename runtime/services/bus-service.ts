/** Simulated EventBridge: the account's event buses, the PutEvents calls functions make, and the events each put sends to the rules. */
import type { EventBridgeEvent } from 'aws-lambda';
import { newRequestId } from '../ids';
import { AwsError } from './aws-error';
import type { BusView, ServiceEnv } from './types';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;
export type BusEvent = EventBridgeEvent<string, unknown>;

const MAX_ENTRIES = 10;
/** PutEvents takes at most 256 KB of entries per request (Source, DetailType, Detail, Resources, and 14 bytes for Time). */
const MAX_REQUEST_BYTES = 262_144;
const DEFAULT_BUS = 'default';
const utf8 = new TextEncoder();

export const busNotFound = (name: string) => new AwsError('ResourceNotFoundException', `Event bus ${name} does not exist.`);

/** A PutEvents entry that EventBridge refused: the ErrorCode and ErrorMessage of its result entry. */
class EntryError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export class BusService {
  private readonly counts = new Map<string, number>([[DEFAULT_BUS, 0]]);

  constructor(
    private readonly env: ServiceEnv,
    private readonly onEvent: (bus: string, event: BusEvent) => void,
  ) {}

  /** The deployed buses: 'default' always exists; kept ones keep their counts, undeclared ones are gone. */
  deploy(names: string[]): void {
    const keep = new Set([DEFAULT_BUS, ...names]);
    for (const name of this.counts.keys()) if (!keep.has(name)) this.counts.delete(name);
    for (const name of keep) if (!this.counts.has(name)) this.counts.set(name, 0);
  }

  has(name: string): boolean {
    return this.counts.has(name);
  }

  arn(name: string): string {
    return `arn:aws:events:${this.env.region()}:${this.env.account}:event-bus/${name}`;
  }

  /** An SDK call: operation is the command name without 'Command'. Throws AwsError for request-level errors. */
  handle(operation: string, input: Input): Output {
    switch (operation) {
      case 'PutEvents':
        return this.putEvents(input);
      case 'ListEventBuses': {
        const prefix = typeof input.NamePrefix === 'string' ? input.NamePrefix : '';
        const names = [...this.counts.keys()].filter((n) => n.startsWith(prefix)).sort();
        return { EventBuses: names.map((name) => ({ Name: name, Arn: this.arn(name) })) };
      }
      case 'DescribeEventBus': {
        const name = this.nameOf(input.Name);
        if (!this.counts.has(name)) throw busNotFound(name);
        return { Name: name, Arn: this.arn(name) };
      }
      default:
        throw new AwsError('NotImplemented', `EventBridge ${operation} is not simulated yet in the playground`, 501);
    }
  }

  /**
   * One event from the Events panel: a PutEvents entry ({Source, DetailType, Detail as JSON text or an object}) or a
   * whole event ({source, 'detail-type', detail}). Unlike PutEvents, it may use an `aws.` source (to try a rule on an
   * AWS service's events). Throws AwsError for a missing bus or an entry PutEvents would refuse.
   */
  put(bus: string, entry: Record<string, unknown>): { eventId: string } {
    if (!this.counts.has(bus)) throw busNotFound(bus);
    const isEvent = 'source' in entry || 'detail-type' in entry || 'detail' in entry;
    const detail = isEvent ? (entry.detail ?? {}) : (entry.Detail ?? {});
    const asEntry: Input = {
      Source: isEvent ? entry.source : entry.Source,
      DetailType: isEvent ? entry['detail-type'] : entry.DetailType,
      Detail: typeof detail === 'string' ? detail : JSON.stringify(detail),
      Resources: isEvent ? entry.resources : entry.Resources,
      Time: isEvent ? entry.time : entry.Time,
    };
    try {
      return { eventId: this.send(bus, asEntry, { allowAwsSource: true }) };
    } catch (err) {
      if (err instanceof EntryError) throw new AwsError(err.code, err.message);
      throw err;
    }
  }

  views(targets: (bus: string) => string[]): BusView[] {
    return [...this.counts].map(([name, put]) => ({ name, arn: this.arn(name), targets: targets(name), put }));
  }

  /** PutEvents: the request is checked as a whole, then each entry succeeds or fails alone, in order. */
  private putEvents(input: Input): Output {
    const entries = input.Entries;
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new AwsError('ValidationException', "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    if (entries.length > MAX_ENTRIES) {
      throw new AwsError('ValidationException', "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");
    }
    if (entries.reduce((sum: number, e: unknown) => sum + entrySize(e), 0) > MAX_REQUEST_BYTES) {
      throw new AwsError('ValidationException', 'Total size of the entries in the request is over the limit.');
    }
    let failed = 0;
    const results = entries.map((e: unknown) => {
      try {
        const entry = e && typeof e === 'object' ? (e as Input) : {};
        return { EventId: this.send(this.nameOf(entry.EventBusName), entry, { allowAwsSource: false }) };
      } catch (err) {
        if (!(err instanceof EntryError)) throw err;
        failed++;
        return { ErrorCode: err.code, ErrorMessage: err.message };
      }
    });
    return { FailedEntryCount: failed, Entries: results };
  }

  /**
   * Builds the event and tells the bus's rules. A bus that does not exist still gets an EventId and the event is
   * dropped: that is what EventBridge does (PutEvents reports success for an unknown EventBusName).
   */
  private send(bus: string, entry: Input, opts: { allowAwsSource: boolean }): string {
    const source = required(entry, 'Source');
    const detailType = required(entry, 'DetailType');
    const detailText = required(entry, 'Detail');
    let detail: unknown;
    try {
      detail = JSON.parse(detailText);
    } catch {
      throw new EntryError('MalformedDetail', 'Detail is malformed.');
    }
    // Detail must be a JSON object: a string, number or array is malformed too.
    if (!detail || typeof detail !== 'object' || Array.isArray(detail)) throw new EntryError('MalformedDetail', 'Detail is malformed.');
    if (!opts.allowAwsSource && source.startsWith('aws.')) throw new EntryError('NotAuthorizedForSourceException', 'Not authorized for the source.');
    const id = newRequestId();
    const count = this.counts.get(bus);
    if (count === undefined) return id;
    const event: BusEvent = {
      version: '0',
      id,
      'detail-type': detailType,
      source,
      account: this.env.account,
      time: isoSeconds(timeOf(entry.Time) ?? this.env.clock.now()),
      region: this.env.region(),
      resources: resourcesOf(entry.Resources),
      detail,
    };
    this.counts.set(bus, count + 1);
    this.onEvent(bus, event);
    return id;
  }

  /** EventBusName: a name, or an event bus ARN (its name is after 'event-bus/'); default 'default'. */
  private nameOf(v: unknown): string {
    if (typeof v !== 'string' || v === '') return DEFAULT_BUS;
    const m = /^arn:aws[\w-]*:events:([\w-]*):(\d*):event-bus\/(.+)$/.exec(v);
    if (!m) return v;
    // A bus of another region or account is not one of ours (bus names have no ':', so the ARN names none of them).
    return m[1] === this.env.region() && m[2] === this.env.account ? m[3] : v;
  }
}

function required(entry: Input, name: 'Source' | 'DetailType' | 'Detail'): string {
  const v = entry[name];
  if (typeof v !== 'string' || v === '') {
    throw new EntryError('InvalidArgument', `Parameter ${name} is not valid. Reason: ${name} is a required argument.`);
  }
  return v;
}

/** Time as the SDK sends it (a Date, epoch seconds, or ISO text); unset or unreadable: when the event is put. */
function timeOf(v: unknown): number | undefined {
  const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v * 1000 : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** EventBridge's event time: ISO 8601 UTC without milliseconds. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function resourcesOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : [];
}

function entrySize(e: unknown): number {
  if (!e || typeof e !== 'object') return 0;
  const entry = e as Input;
  let size = entry.Time !== undefined ? 14 : 0;
  for (const key of ['Source', 'DetailType', 'Detail'] as const) {
    if (typeof entry[key] === 'string') size += utf8.encode(entry[key]).length;
  }
  for (const r of resourcesOf(entry.Resources)) size += utf8.encode(r).length;
  return size;
}
