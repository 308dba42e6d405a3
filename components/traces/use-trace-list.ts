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
  /** The TraceLog's version the list was read at. */
  version: number;
  /** Reads the list now (after a change without a platform event, such as Clear). */
  refresh(): void;
}

export function useTraceList(platform: PlatformApi | null, traceLog: TraceLog): TraceList {
  const [state, setState] = useState(() => ({ traces: traceLog.list(), version: traceLog.version }));
  const refreshNow = useCallback(() => setState({ traces: traceLog.list(), version: traceLog.version }), [traceLog]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let seen = -1;
    const refresh = () => {
      timer = null;
      if (traceLog.version === seen) return;
      seen = traceLog.version;
      setState({ traces: traceLog.list(), version: seen });
    };
    refresh();
    const off = platform?.on(() => {
      if (timer === null && traceLog.version !== seen) timer = setTimeout(refresh, REFRESH_MS);
    });
    return () => {
      off?.();
      if (timer !== null) clearTimeout(timer);
    };
  }, [platform, traceLog]);
  return { ...state, refresh: refreshNow };
}
