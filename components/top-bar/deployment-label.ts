/** The words of the `Deployment` status: `v3 Ready`, `Deploying…`, or the error that stops the new files. */
import type { Diagnostic } from '@/runtime/project/types';
import type { DeploymentState } from '@/runtime/platform-types';

export interface DeploymentLabel {
  text: string;
  /** Shown after the text, quieter: which version keeps answering. */
  detail: string | null;
  tone: 'busy' | 'ok' | 'pending' | 'error';
  /** Which engine runs the version and why, for the tooltip. */
  engine?: string;
}

const LOCATED = /^\S+:\d+:\d+\b/;

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.message}`;
}

/** `edited` is true while the workspace's files differ from those handed to the latest deploy. */
export function deploymentLabel(state: DeploymentState, diagnostics: Diagnostic[], edited: boolean): DeploymentLabel {
  switch (state.status) {
    case 'idle':
      return { text: 'Starting…', detail: null, tone: 'busy' };
    case 'deploying':
      return {
        text: state.step ?? 'Deploying…',
        detail: state.servingVersion !== null ? `v${state.servingVersion} serving` : null,
        tone: 'busy',
      };
    case 'ready': {
      const { kind, reason } = state.engine;
      const engine = `${kind === 'webcontainer' ? 'Node.js in WebContainers' : 'Embedded engine'}: ${reason}`;
      if (edited) return { text: 'Edited', detail: `v${state.version} serving, deploys when you pause`, tone: 'pending', engine };
      // The embedded engine is the quiet default; WebContainers, or a fallback from them, are said.
      const detail = kind === 'webcontainer' ? 'Node.js (WebContainers)' : reason.startsWith('auto:') ? 'embedded (no WebContainers)' : null;
      return { text: `v${state.version} Ready`, detail, tone: 'ok', engine };
    }
    case 'error': {
      const first = diagnostics.find((d) => d.severity === 'error');
      const text = LOCATED.test(state.message) || !first ? state.message : formatDiagnostic(first);
      const serving = state.servingVersion !== null ? `v${state.servingVersion} still serving` : 'nothing deployed';
      return { text, detail: edited ? `${serving}, edited` : serving, tone: 'error' };
    }
  }
}
