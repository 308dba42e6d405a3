/**
 * The bottom panel: Logs | Response | Traces | Resources | Terminal (observing happens at the bottom). On wide screens Logs stays
 * on the left and the tabs choose what shows beside it (Response or Resources; Traces takes the whole width, a sequence
 * diagram needs it); on narrow screens the tabs choose one.
 * Every region always stays in the page.
 */
import type { ReactNode } from 'react';
import { useWorkbench } from '@/components/store/store-context';
import { panelId, tabId, TabList, type TabItem } from '@/components/ui/tab-list';
import { LogsPanel } from '@/components/logs/logs-panel';
import { ResponsePanel } from '@/components/response/response-panel';
import { ResourcesPanel } from '@/components/resources/resources-panel';
import { lazyTabPanel } from './lazy-tab-panel';
import type { BottomTab } from '@/components/workspace/workspace';
import './observe-panel.css';

// The trace view (Mermaid) and the terminal (xterm.js) load when their tab is first chosen; the trace log and the
// terminal's output are kept from the start, so nothing is missed.
const TracesSlot = lazyTabPanel('traces', 'Traces', () => import('@/components/traces/traces-panel').then((m) => m.TracesPanel));
const TerminalSlot = lazyTabPanel('terminal', 'Terminal', () => import('@/components/terminal/terminal-panel').then((m) => m.TerminalPanel));

const TABS: TabItem<BottomTab>[] = [
  { id: 'logs', label: 'Logs' },
  { id: 'response', label: 'Response' },
  { id: 'traces', label: 'Traces' },
  { id: 'resources', label: 'Resources' },
  { id: 'terminal', label: 'Terminal' },
];
const PANELS: Record<BottomTab, ReactNode> = {
  logs: <LogsPanel />,
  response: <ResponsePanel />,
  traces: <TracesSlot />,
  resources: <ResourcesPanel />,
  terminal: <TerminalSlot />,
};
const ID = 'observe';

export function ObservePanel() {
  const selected = useWorkbench((s) => s.workspace?.layout.bottomTab ?? 'logs');
  const setBottomTab = useWorkbench((s) => s.setBottomTab);
  return (
    <div id="output" className="observe panel" data-tab={selected}>
      <TabList idBase={ID} label="Output" tabs={TABS} selected={selected} onSelect={setBottomTab} className="tab-list output-tabs" />
      <div className="observe-panels">
        {TABS.map((tab) => (
          <div
            key={tab.id}
            role="tabpanel"
            id={panelId(ID, tab.id)}
            aria-labelledby={tabId(ID, tab.id)}
            data-selected={tab.id === selected}
            className={`tab-panel output-panel output-${tab.id}`}
          >
            {PANELS[tab.id]}
          </div>
        ))}
      </div>
    </div>
  );
}
