/** Applies the workspace's theme to the page once the workspace is loaded. */
import { useWorkbench } from '@/components/store/store-context';
import { useApplyTheme } from '@/components/theme/use-apply-theme';

export function ThemeSync() {
  const loaded = useWorkbench((s) => s.workspace !== null);
  const theme = useWorkbench((s) => s.workspace?.theme ?? null);
  useApplyTheme(theme, loaded);
  return null;
}
