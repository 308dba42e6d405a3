/** The HTTP request panel: Method, Path (with query string), headers and Body, sent through the API gateway. */
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { HeadersEditor } from './headers-editor';
import './request.css';
import { CodeField } from '@/components/ui/code-field';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** A route's path as a starting point for the Path field: `{id}` and `{proxy+}` become sample values. */
export function samplePath(path: string): string {
  return path === '*' ? '/' : path.replace(/\{[^}]*\+\}/g, 'a/b').replace(/\{([^}]*)\}/g, '$1');
}

export function RequestPanel() {
  const request = useWorkbench((s) => s.request);
  const sending = useWorkbench((s) => s.sending);
  const routes = useWorkbench((s) => s.routes);
  const ready = useWorkbench((s) => s.platform !== null);
  const { setRequest, send } = useWorkbench(useShallow((s) => ({ setRequest: s.setRequest, send: s.send })));
  const methods: string[] = [...METHODS];
  if (!methods.includes(request.method)) methods.push(request.method);

  return (
    <form
      className="request-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="request-line">
        <label className="field field-method">
          <span className="field-label">Method</span>
          <select className="input" value={request.method} onChange={(e) => setRequest({ method: e.target.value })}>
            {methods.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label className="field field-grow">
          <span className="field-label">Path</span>
          <input
            className="input mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            name="path"
            value={request.path}
            placeholder="/hello?name=Ada"
            onChange={(e) => setRequest({ path: e.target.value })}
          />
        </label>
      </div>
      {routes.length > 0 && (
        <div className="routes">
          <span className="field-label" id="routes-label">Routes</span>
          <ul className="route-list" aria-labelledby="routes-label">
            {routes.map((r) => (
              <li key={r.routeKey}>
                <button
                  type="button"
                  className="chip mono"
                  title={`Fill in ${r.routeKey} (${r.functionName})`}
                  onClick={() =>
                    setRequest({ method: r.method === 'ANY' || r.method === '*' ? request.method : r.method, path: samplePath(r.path) })
                  }
                >
                  {r.routeKey}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <HeadersEditor />
      <CodeField
        label="Body"
        inputClassName="body-input"
        rows={3}
        value={request.body}
        placeholder='{"name": "Ada"}'
        onChange={(body) => setRequest({ body })}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!ready}
          aria-busy={sending || undefined} aria-keyshortcuts="Control+Enter Meta+Enter">
          Send
        </button>
        <span className="muted small">Ctrl/⌘ + Enter</span>
      </div>
    </form>
  );
}
