/** The right-hand action tabs: Request | Invoke | Events (acting happens on the right), under the Architecture diagram. */
import type { ReactNode } from 'react';
import { useWorkbench } from '@/components/store/store-context';
import { panelId, tabId, TabList, type TabItem } from '@/components/ui/tab-list';
import { RequestPanel } from '@/components/request/request-panel';
import { InvokePanel } from '@/components/invoke/invoke-panel';
import { EventsPanel } from '@/components/events/events-panel';
import type { RightTab } from '@/components/workspace/workspace';

const TABS: TabItem<RightTab>[] = [
  { id: 'request', label: 'Request' },
  { id: 'invoke', label: 'Invoke' },
  { id: 'events', label: 'Events' },
];
const PANELS: Record<RightTab, ReactNode> = {
  request: <RequestPanel />,
  invoke: <InvokePanel />,
  events: <EventsPanel />,
};
const ID = 'action';

export function ActionPanel() {
  const selected = useWorkbench((s) => s.workspace?.layout.rightTab ?? 'request');
  const setRightTab = useWorkbench((s) => s.setRightTab);
  return (
    <div className="action-tabs panel">
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
          {PANELS[tab.id]}
        </div>
      ))}
    </div>
  );
}
