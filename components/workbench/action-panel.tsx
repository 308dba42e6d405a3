/** The right-hand action panel: tabs Request | Invoke (acting happens on the right). */
import { useWorkbench } from '@/components/store/store-context';
import { panelId, tabId, TabList, type TabItem } from '@/components/ui/tab-list';
import { RequestPanel } from '@/components/request/request-panel';
import { InvokePanel } from '@/components/invoke/invoke-panel';
import type { RightTab } from '@/components/workspace/workspace';

const TABS: TabItem<RightTab>[] = [
  { id: 'request', label: 'Request' },
  { id: 'invoke', label: 'Invoke' },
];
const ID = 'action';

export function ActionPanel() {
  const selected = useWorkbench((s) => s.workspace?.layout.rightTab ?? 'request');
  const setRightTab = useWorkbench((s) => s.setRightTab);
  return (
    <div id="actions" className="actions panel">
      <TabList idBase={ID} label="Actions" tabs={TABS} selected={selected} onSelect={setRightTab} />
      {TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={panelId(ID, tab.id)}
          aria-labelledby={tabId(ID, tab.id)}
          hidden={tab.id !== selected}
          className="tab-panel panel-scroll"
        >
          {tab.id === 'request' ? <RequestPanel /> : <InvokePanel />}
        </div>
      ))}
    </div>
  );
}
