/** Switches between light and dark; the choice is kept with the workspace. */
import { useWorkbench } from '@/components/store/store-context';
import { useResolvedTheme } from '@/components/theme/use-resolved-theme';

export function ThemeToggle() {
  const choice = useWorkbench((s) => s.workspace?.theme ?? null);
  const setTheme = useWorkbench((s) => s.setTheme);
  const resolved = useResolvedTheme(choice);
  const next = resolved === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => setTheme(next)}
    >
      <span aria-hidden="true">{resolved === 'dark' ? '☀' : '☾'}</span>
      <span className="button-text">{next === 'dark' ? 'Dark' : 'Light'}</span>
    </button>
  );
}
