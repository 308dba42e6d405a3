/** The top bar: project name, the Deployment status, the Engine, the Clock, Reset to example, the text size and the theme. */
import { useWorkbench } from '@/components/store/store-context';
import { ClockControl } from './clock-control';
import { DeploymentStatus } from './deployment-status';
import { EngineSelect } from './engine-select';
import { ResetButton } from './reset-button';
import { TextSizeControl } from './text-size-control';
import { ThemeSelect } from './theme-select';
import './top-bar.css';

export function TopBar() {
  const service = useWorkbench((s) => s.service);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">λ</span>
        <span className="brand-name">Serverless Playground</span>
        {service && (
          <span className="service-name" title="service (serverless.yml)">
            <span className="sr-only">Service </span>
            {service}
          </span>
        )}
      </div>
      <DeploymentStatus />
      <div className="top-actions">
        <EngineSelect />
        <ClockControl />
        <ResetButton />
        <TextSizeControl />
        <ThemeSelect />
      </div>
    </header>
  );
}
