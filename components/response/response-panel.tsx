/** The `Response` region: status code, headers, body and duration of the last request through the gateway. */
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { statusText } from './status-text';
import './response.css';

export function ResponsePanel() {
  const { result, error, showTrace } = useWorkbench(useShallow((s) => ({ result: s.lastResponse, error: s.requestError, showTrace: s.showTrace })));
  const response = result?.response;
  const tone = !response ? '' : response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'ok';
  return (
    <section aria-label="Response" className="response panel-scroll" tabIndex={0}>
      {error && <p className="result-error-line">{error}</p>}
      {!error && !result && <p className="muted">Send a request to see its response here.</p>}
      {!error && result && response && (
        <>
          <p className="response-summary">
            <span className={`status-code status-${tone}`}>
              {response.statusCode} {statusText(response.statusCode)}
            </span>
            <span className="muted"> · {result.durationMs.toFixed(2)} ms</span>
            {result.routeKey && <span className="muted mono"> · {result.routeKey}</span>}
            {result.functionName && <span className="muted"> → {result.functionName}</span>}
            {result.functionName && (
              <button type="button" className="button button-small button-quiet response-trace" onClick={() => showTrace(result.requestId)}>
                View trace
              </button>
            )}
          </p>
          <details className="response-headers" open>
            <summary>Headers ({Object.keys(response.headers).length + response.cookies.length})</summary>
            <dl className="header-list mono">
              {Object.entries(response.headers).map(([name, value]) => (
                <div key={name} className="header-item">
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
              {response.cookies.map((cookie, i) => (
                <div key={`cookie-${i}`} className="header-item">
                  <dt>set-cookie</dt>
                  <dd>{cookie}</dd>
                </div>
              ))}
            </dl>
          </details>
          <h3 className="field-label">Body{response.isBase64Encoded ? ' (base64)' : ''}</h3>
          <pre className="code-block response-body">{response.body}</pre>
        </>
      )}
    </section>
  );
}
