/** Request headers as name/value rows; empty names are not sent. */
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';

export function HeadersEditor() {
  const headers = useWorkbench((s) => s.request.headers);
  const { addHeader, updateHeader, removeHeader } = useWorkbench(
    useShallow((s) => ({ addHeader: s.addHeader, updateHeader: s.updateHeader, removeHeader: s.removeHeader })),
  );
  return (
    <fieldset className="headers">
      <legend className="field-label">Headers{headers.length === 0 ? ' (none)' : ''}</legend>
      {headers.map((h, i) => (
        <div key={h.id} className="header-row">
          <input
            className="input mono"
            aria-label={`Header ${i + 1} name`}
            placeholder="content-type"
            spellCheck={false}
            autoComplete="off"
            value={h.name}
            onChange={(e) => updateHeader(h.id, { name: e.target.value })}
          />
          <input
            className="input mono"
            aria-label={`Header ${i + 1} value`}
            placeholder="application/json"
            spellCheck={false}
            autoComplete="off"
            value={h.value}
            onChange={(e) => updateHeader(h.id, { value: e.target.value })}
          />
          <button type="button" className="button button-small button-quiet" aria-label={`Remove header ${i + 1}`} onClick={() => removeHeader(h.id)}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={addHeader}>Add header</button>
    </fieldset>
  );
}
