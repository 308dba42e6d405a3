/** Event source mappings on DynamoDB table streams: each function's `- stream:` event reads its table's stream in order. */
import type { Project } from '../project/types';
import { newRequestId } from '../ids';
import type { TableChange } from '../services/types';
import { streamArn, streamRecord, type StreamViewType } from './dynamodb-stream-event';
import { StreamLog } from './dynamodb-stream-log';
import { StreamReader } from './dynamodb-stream-reader';
import type { SourceHost } from './types';

export class TableStreamSources {
  /** Each table's stream, kept across deploys (TRIM_HORIZON reads what is already there). */
  private readonly logs = new Map<string, StreamLog>();
  private readers = new Map<string, StreamReader>();
  private views = new Map<string, StreamViewType>();

  constructor(private readonly host: SourceHost) {}

  /**
   * A new version's mappings: one that is unchanged in function and table keeps its position (as an unchanged
   * mapping does on redeploy); a new one starts at LATEST (changes from now on) or TRIM_HORIZON (the last 24 hours).
   */
  deploy(project: Project): void {
    this.views = new Map(project.resources.tables.filter((t) => t.streamViewType).map((t) => [t.name, t.streamViewType!]));
    const next = new Map<string, StreamReader>();
    for (const fn of Object.values(project.functions)) {
      for (const def of fn.events) {
        if (def.kind !== 'stream' || !def.enabled) continue;
        const id = `${fn.name}|${def.table}`;
        if (next.has(id)) continue;
        const log = this.log(def.table);
        log.trim(this.host.clock.now());
        const reader = this.readers.get(id) ?? new StreamReader(this.host, log, fn.name, def, def.startingPosition === 'LATEST' ? log.end : log.base);
        reader.def = def;
        next.set(id, reader);
      }
    }
    for (const [id, reader] of this.readers) if (!next.has(id)) reader.stop();
    this.readers = next;
    for (const r of next.values()) r.kick();
  }

  /** A table change: appended to the table's stream (tables with a StreamSpecification only), then read by its mappings. */
  notify(change: TableChange): void {
    const view = this.views.get(change.table);
    if (!view) return;
    const region = this.host.region();
    const log = this.log(change.table);
    log.append({
      record: streamRecord({
        change,
        eventID: newRequestId().replace(/-/g, ''),
        region,
        streamArn: streamArn(region, this.host.account, change.table),
        streamViewType: view,
      }),
      time: change.time,
      cause: this.host.cause(),
    });
    log.trim(this.host.clock.now());
    for (const r of this.readers.values()) if (r.def.table === change.table) r.kick();
  }

  /** The functions reading a table's stream, in the manifest's order. */
  consumers(table: string): string[] {
    return [...this.readers.values()].filter((r) => r.def.table === table).map((r) => r.functionName);
  }

  stop(): void {
    for (const r of this.readers.values()) r.stop();
    this.readers.clear();
  }

  private log(table: string): StreamLog {
    let log = this.logs.get(table);
    if (!log) this.logs.set(table, (log = new StreamLog()));
    return log;
  }
}
