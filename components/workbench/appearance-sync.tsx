/** Applies the workspace's theme and text size to the page once the workspace is loaded. */
import { useWorkbench } from '@/components/store/store-context';
import { useApplyTheme } from '@/components/theme/use-apply-theme';
import { useApplyTextSize } from '@/components/theme/use-apply-text-size';
import { DEFAULT_TEXT_SIZE } from '@/components/workspace/text-size';

export function AppearanceSync() {
  const loaded = useWorkbench((s) => s.workspace !== null);
  const theme = useWorkbench((s) => s.workspace?.theme ?? null);
  const textSize = useWorkbench((s) => s.workspace?.layout.textSize ?? DEFAULT_TEXT_SIZE);
  useApplyTheme(theme, loaded);
  useApplyTextSize(textSize, loaded);
  return null;
}
