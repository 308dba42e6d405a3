/** The `Invoke` region: pick a function, write or pick a JSON event, invoke it directly, see the result or error. */
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { InvokeResultView } from './invoke-result';
import { TestEvents } from './test-events';
import '@/components/request/request.css';
import { CodeField } from '@/components/ui/code-field';

export function InvokePanel() {
  const { functionNames, invokeFunction, eventText, invoking, lastInvoke, invokeError } = useWorkbench(
    useShallow((s) => ({
      functionNames: s.functionNames,
      invokeFunction: s.invokeFunction,
      eventText: s.eventText,
      invoking: s.invoking,
      lastInvoke: s.lastInvoke,
      invokeError: s.invokeError,
    })),
  );
  const { setInvokeFunction, setEventText, runInvoke } = useWorkbench(
    useShallow((s) => ({ setInvokeFunction: s.setInvokeFunction, setEventText: s.setEventText, runInvoke: s.runInvoke })),
  );
  const selected = invokeFunction && functionNames.includes(invokeFunction) ? invokeFunction : (functionNames[0] ?? '');

  return (
    <section aria-label="Invoke" className="invoke">
      <form
        className="invoke-form"
        onSubmit={(event) => {
          event.preventDefault();
          void runInvoke();
        }}
      >
        <label className="field">
          <span className="field-label">Function</span>
          <select className="input" value={selected} onChange={(e) => setInvokeFunction(e.target.value)} disabled={functionNames.length === 0}>
            {functionNames.length === 0 && <option value="">No functions deployed</option>}
            {functionNames.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <TestEvents />
        <CodeField label="Event" inputClassName="event-input" rows={7} value={eventText} onChange={setEventText} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={functionNames.length === 0} aria-busy={invoking || undefined}>
            Invoke
          </button>
          <span className="muted small">Ctrl/⌘ + Enter</span>
        </div>
      </form>
      <div className="invoke-output" aria-live="polite">
        {invokeError && <p className="result-error-line">{invokeError}</p>}
        {!invokeError && lastInvoke && <InvokeResultView result={lastInvoke} />}
        {!invokeError && !lastInvoke && <p className="muted">The result of the invoke shows here.</p>}
      </div>
    </section>
  );
}
