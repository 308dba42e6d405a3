/**
 * Traces: the page's one TraceLog (a fold over the platform's events, fed from page start so a request made before the
 * Traces tab opens is there) and which trace the Traces panel shows. `null` follows the newest.
 */
import { TraceLog } from '@/runtime/telemetry/trace-log';
import type { SliceCreator } from './workbench-state';

export interface TracesSlice {
  traceLog: TraceLog;
  /** The trace the panel shows; null shows the newest. */
  selectedTrace: string | null;
  selectTrace(id: string | null): void;
  /** Opens the Traces tab on a trace (the Response panel's "View trace"). */
  showTrace(id: string): void;
}

export const createTracesSlice: SliceCreator<TracesSlice> = (set, get) => ({
  traceLog: new TraceLog(),
  selectedTrace: null,
  selectTrace: (selectedTrace) => set({ selectedTrace }),
  showTrace(id) {
    set({ selectedTrace: id });
    get().setBottomTab('traces');
  },
});
