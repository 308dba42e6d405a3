/** Direct invocation, like the Lambda console's Test tab: a function, a JSON event, the last result. */
import type { InvokeResult } from '@/runtime/platform-types';
import type { SliceCreator } from './workbench-state';

export interface InvokeSlice {
  /** The chosen function; null means the first deployed one. */
  invokeFunction: string | null;
  eventText: string;
  invoking: boolean;
  lastInvoke: InvokeResult | null;
  /** Why the invoke did not run (bad JSON, no such function…). */
  invokeError: string | null;
  setInvokeFunction(name: string): void;
  setEventText(text: string): void;
  runInvoke(): Promise<void>;
}

export const DEFAULT_EVENT_TEXT = '{\n  "key1": "value1"\n}';

export const createInvokeSlice: SliceCreator<InvokeSlice> = (set, get) => ({
  invokeFunction: null,
  eventText: DEFAULT_EVENT_TEXT,
  invoking: false,
  lastInvoke: null,
  invokeError: null,

  setInvokeFunction: (invokeFunction) => set({ invokeFunction }),
  setEventText: (eventText) => set({ eventText }),

  async runInvoke() {
    const { platform, eventText, invokeFunction, functionNames } = get();
    if (!platform) return;
    const name = invokeFunction && functionNames.includes(invokeFunction) ? invokeFunction : functionNames[0];
    if (!name) {
      set({ invokeError: 'No function is deployed yet.', lastInvoke: null });
      return;
    }
    let event: unknown;
    try {
      event = eventText.trim() === '' ? {} : JSON.parse(eventText);
    } catch (error) {
      set({ invokeError: `The event is not valid JSON: ${(error as Error).message}`, lastInvoke: null });
      return;
    }
    set({ invoking: true, invokeError: null });
    try {
      const result = await platform.invoke(name, event);
      set({ lastInvoke: result, invoking: false });
    } catch (error) {
      set({ invokeError: error instanceof Error ? error.message : String(error), lastInvoke: null, invoking: false });
    }
  },
});
