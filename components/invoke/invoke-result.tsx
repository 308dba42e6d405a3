/** What a direct invoke returned: the result as JSON, or Lambda's errorType / errorMessage / trace. */
import type { InvokeResult } from '@/runtime/platform-types';

export function formatInvokeResult(result: unknown): string {
  if (result === undefined) return 'null';
  try {
    return JSON.stringify(result, null, 2) ?? 'null';
  } catch {
    return String(result);
  }
}

export function InvokeResultView({ result }: { result: InvokeResult }) {
  const ms = `${result.durationMs.toFixed(2)} ms`;
  if (result.ok) {
    return (
      <div className="result result-ok">
        <p className="result-summary"><strong>Succeeded</strong> · {result.functionName} · {ms}</p>
        <pre className="code-block">{formatInvokeResult(result.result)}</pre>
      </div>
    );
  }
  const error = result.error;
  const body = error
    ? JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace }, null, 2)
    : 'Unknown error';
  return (
    <div className="result result-error">
      <p className="result-summary"><strong>Failed</strong> · {result.functionName} · {ms}</p>
      {error && <p className="result-error-line">{error.errorType}: {error.errorMessage}</p>}
      <pre className="code-block">{body}</pre>
    </div>
  );
}
