/** Keeps <html data-theme> and the pre-paint copy in localStorage in step with the workspace's theme. */
import { useEffect } from 'react';
import type { ThemeChoice } from '@/components/workspace/workspace';
import { THEME_STORAGE_KEY } from './theme-script';

export function useApplyTheme(choice: ThemeChoice, loaded: boolean): void {
  useEffect(() => {
    if (!loaded) return;
    const root = document.documentElement;
    if (choice) root.dataset.theme = choice;
    else delete root.dataset.theme;
    try {
      if (choice) localStorage.setItem(THEME_STORAGE_KEY, choice);
      else localStorage.removeItem(THEME_STORAGE_KEY);
    } catch {
      // Storage may be unavailable (private mode); the theme still applies for this visit.
    }
  }, [choice, loaded]);
}
