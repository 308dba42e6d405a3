/** The `Deployment` status: the serving version and Ready, Deploying…, or the error (the last good version keeps serving). */
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { deploymentLabel } from './deployment-label';

export function DeploymentStatus() {
  const { deployment, diagnostics, edited } = useWorkbench(
    useShallow((s) => ({
      deployment: s.deployment,
      diagnostics: s.diagnostics,
      edited: s.workspace !== null && s.deployedFiles !== null && s.workspace.files !== s.deployedFiles,
    })),
  );
  const label = deploymentLabel(deployment, diagnostics, edited);
  return (
    <div role="status" aria-label="Deployment" className={`deployment deployment-${label.tone}`} title={label.tone === 'error' ? `${label.text}${label.detail ? ` · ${label.detail}` : ''}` : label.engine}>
      <span className="deployment-dot" aria-hidden="true" />
      <span className="deployment-body">
        <span className="deployment-text">{label.text}</span>
        {label.detail && <span className="deployment-detail"> · {label.detail}</span>}
      </span>
    </div>
  );
}
