/** The theme actually shown: the workspace's choice, or the system's `prefers-color-scheme` when it has none. */
import { useSyncExternalStore } from 'react';
import type { ThemeChoice } from '@/components/workspace/workspace';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useSystemPrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
}

export function useResolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  const systemDark = useSystemPrefersDark();
  return choice ?? (systemDark ? 'dark' : 'light');
}
