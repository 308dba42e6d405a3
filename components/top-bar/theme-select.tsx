/** The `Theme` choice: follow the system's light/dark setting, or always light, or always dark; kept with the workspace. */
import { useWorkbench } from '@/components/store/store-context';
import { useResolvedTheme } from '@/components/theme/use-resolved-theme';
import type { ThemeChoice } from '@/components/workspace/workspace';

const OPTIONS: { value: string; label: string; choice: ThemeChoice }[] = [
  { value: 'system', label: 'System', choice: null },
  { value: 'light', label: 'Light', choice: 'light' },
  { value: 'dark', label: 'Dark', choice: 'dark' },
];

export function ThemeSelect() {
  const choice = useWorkbench((s) => s.workspace?.theme ?? null);
  const loaded = useWorkbench((s) => s.workspace !== null);
  const setTheme = useWorkbench((s) => s.setTheme);
  const resolved = useResolvedTheme(choice);
  return (
    <label className="field field-inline theme-select" title={choice ? undefined : `Following the system (${resolved} now)`}>
      <span className="field-label"><span aria-hidden="true">{resolved === 'dark' ? '☾' : '☀'} </span>Theme</span>
      <select
        className="input"
        value={choice ?? 'system'}
        disabled={!loaded}
        onChange={(event) => setTheme(OPTIONS.find((o) => o.value === event.target.value)?.choice ?? null)}
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
