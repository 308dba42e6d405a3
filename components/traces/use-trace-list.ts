/**
 * The trace list as React state, refreshed from the page's TraceLog at most every REFRESH_MS while events flow (a load
 * of 1,000 events a second re-renders the list four times a second, not per event).
 */
import { useCallback, useEffect, useState } from 'react';
import type { PlatformApi } from '@/components/store/platform-api';
import type { TraceLog } from '@/runtime/telemetry/trace-log';
import type { TraceSummary } from '@/runtime/telemetry/trace-types';

const REFRESH_MS = 250;

export interface TraceList {
  traces: TraceSummary[];
  /** Reads the list now (after a change without a platform event, such as Clear). */
  refresh(): void;
}

/** `platform` null: not listening (a hidden panel); the list is read again when it is given. */
export function useTraceList(platform: PlatformApi | null, traceLog: TraceLog): TraceList {
  const [traces, setTraces] = useState(() => traceLog.list());
  const refreshNow = useCallback(() => setTraces(traceLog.list()), [traceLog]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let seen = -1;
    const refresh = () => {
      timer = null;
      if (traceLog.version === seen) return;
      seen = traceLog.version;
      setTraces(traceLog.list());
    };
    if (!platform) return;
    refresh();
    const off = platform.on(() => {
      if (timer === null && traceLog.version !== seen) timer = setTimeout(refresh, REFRESH_MS);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [platform, traceLog]);
  return { traces, refresh: refreshNow };
}
