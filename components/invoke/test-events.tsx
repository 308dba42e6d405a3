/** Event templates (one per event shape) and the workspace's saved test events, like the Lambda console's Test tab. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { testEventTemplates } from '@/runtime/gateway/test-events';
import { useWorkbench } from '@/components/store/store-context';
import type { TestEvent } from '@/components/workspace/workspace';

const NO_EVENTS: TestEvent[] = [];

export function TestEvents() {
  const testEvents = useWorkbench((s) => s.workspace?.testEvents ?? NO_EVENTS);
  const eventText = useWorkbench((s) => s.eventText);
  const { setEventText, saveTestEvent, deleteTestEvent } = useWorkbench(
    useShallow((s) => ({ setEventText: s.setEventText, saveTestEvent: s.saveTestEvent, deleteTestEvent: s.deleteTestEvent })),
  );
  const [templates] = useState(testEventTemplates);
  const [chosen, setChosen] = useState('');
  /** The template last applied: kept as the select's value so arrow keys step through templates one by one. */
  const [template, setTemplate] = useState('');
  const [saveName, setSaveName] = useState('');

  return (
    <div className="test-events">
      <div className="field-row">
        <label className="field field-grow">
          <span className="field-label">Template</span>
          <select
            className="input"
            value={template}
            onChange={(e) => {
              const t = templates.find((x) => x.id === e.target.value);
              setTemplate(t ? t.id : '');
              if (t) setEventText(JSON.stringify(t.event, null, 2));
            }}
          >
            <option value="">Choose a template…</option>
            {templates.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
          </select>
        </label>
        <label className="field field-grow">
          <span className="field-label">Saved tests</span>
          <select
            className="input"
            value={testEvents.some((e) => e.name === chosen) ? chosen : ''}
            onChange={(e) => {
              setChosen(e.target.value);
              const saved = testEvents.find((x) => x.name === e.target.value);
              if (saved) {
                setEventText(saved.body);
                setSaveName(saved.name);
              }
            }}
          >
            <option value="">{testEvents.length ? 'Choose a saved test…' : 'None saved yet'}</option>
            {testEvents.map((e) => <option key={e.name} value={e.name}>{e.name}</option>)}
          </select>
        </label>
      </div>
      <div className="field-row">
        <label className="field field-grow">
          <span className="field-label">Save as</span>
          <input
            className="input"
            value={saveName}
            placeholder="my-test"
            autoComplete="off"
            onChange={(e) => setSaveName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && saveName.trim()) {
                e.preventDefault();
                saveTestEvent(saveName.trim(), eventText);
                setChosen(saveName.trim());
              }
            }}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={!saveName.trim()}
          onClick={() => {
            saveTestEvent(saveName.trim(), eventText);
            setChosen(saveName.trim());
          }}
        >
          Save test
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={!testEvents.some((e) => e.name === chosen)}
          onClick={() => {
            deleteTestEvent(chosen);
            setChosen('');
          }}
        >
          Delete test
        </button>
      </div>
    </div>
  );
}
