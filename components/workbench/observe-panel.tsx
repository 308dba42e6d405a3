/**
 * The bottom panel: Logs | Response (observing happens at the bottom). On wide screens both show side by side and
 * the tabs are hidden; on narrow screens the tabs choose one. Both regions always stay in the page.
 */
import { useWorkbench } from '@/components/store/store-context';
import { panelId, tabId, TabList, type TabItem } from '@/components/ui/tab-list';
import { LogsPanel } from '@/components/logs/logs-panel';
import { ResponsePanel } from '@/components/response/response-panel';
import type { BottomTab } from '@/components/workspace/workspace';

const TABS: TabItem<BottomTab>[] = [
  { id: 'logs', label: 'Logs' },
  { id: 'response', label: 'Response' },
];
const ID = 'observe';

export function ObservePanel() {
  const selected = useWorkbench((s) => s.workspace?.layout.bottomTab ?? 'logs');
  const setBottomTab = useWorkbench((s) => s.setBottomTab);
  return (
    <div id="output" className="observe panel">
      <TabList idBase={ID} label="Output" tabs={TABS} selected={selected} onSelect={setBottomTab} className="tab-list observe-tabs" />
      <div className="observe-panels">
        {TABS.map((tab) => (
          <div
            key={tab.id}
            role="tabpanel"
            id={panelId(ID, tab.id)}
            aria-labelledby={tabId(ID, tab.id)}
            data-selected={tab.id === selected}
            className={`tab-panel observe-panel observe-${tab.id}`}
          >
            <h2 className="observe-heading" aria-hidden="true">{tab.label}</h2>
            {tab.id === 'logs' ? <LogsPanel /> : <ResponsePanel />}
          </div>
        ))}
      </div>
    </div>
  );
}
