/**
 * The `Engine` switch: writes `custom.playground.engine` into serverless.yml (only that line changes, so the project
 * exports with its choice), and the project deploys on it. "Default" removes the setting.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useWorkbench } from '@/components/store/store-context';
import { readEngineSetting, setEngineSetting } from '@/runtime/project/engine-setting-edit';
import type { EngineSetting } from '@/runtime/project/engine-choice';

const MANIFEST = 'serverless.yml';
const OPTIONS: { value: string; label: string; setting: EngineSetting | null }[] = [
  // Each option says what it is: where the bar is narrow, the select shows without its label.
  { value: 'default', label: 'Engine: default', setting: null },
  { value: 'worker', label: 'Engine: embedded', setting: 'worker' },
  { value: 'webcontainer', label: 'Engine: Node.js', setting: 'webcontainer' },
  { value: 'auto', label: 'Engine: auto', setting: 'auto' },
];

export function EngineSelect() {
  const { text, updateFile, deployNow } = useWorkbench(
    useShallow((s) => ({ text: s.workspace?.files[MANIFEST], updateFile: s.updateFile, deployNow: s.deployNow })),
  );
  const setting = useMemo(() => (text === undefined ? null : readEngineSetting(text)), [text]);
  return (
    <label className="field field-inline engine-select" title="Where functions run (custom.playground.engine in serverless.yml). Default: the embedded engine; Node.js in WebContainers when package.json has dependencies">
      {/* Its options say "Engine: …": the label is for screen readers. */}
      <span className="sr-only">Engine</span>
      <select
        className="input"
        value={OPTIONS.find((o) => o.setting === setting)?.value ?? 'default'}
        disabled={text === undefined}
        onChange={(event) => {
          if (text === undefined) return;
          const next = setEngineSetting(text, OPTIONS.find((o) => o.value === event.target.value)?.setting ?? null);
          if (next === text) return;
          updateFile(MANIFEST, next);
          deployNow();
        }}
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
