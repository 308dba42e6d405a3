/** Keeps the root's `--text-scale` (app/globals.css scales every rem by it) and its pre-paint copy in step with the workspace. */
import { useLayoutEffect } from 'react';
import { DEFAULT_TEXT_SIZE } from '@/components/workspace/text-size';
import { TEXT_SIZE_STORAGE_KEY } from './theme-script';

export function useApplyTextSize(size: number, loaded: boolean): void {
  // A layout effect, so the new root size is in place before effects that measure it (Monaco's font size) run.
  useLayoutEffect(() => {
    if (!loaded) return;
    const root = document.documentElement;
    if (size === DEFAULT_TEXT_SIZE) root.style.removeProperty('--text-scale');
    else root.style.setProperty('--text-scale', String(size));
    try {
      if (size === DEFAULT_TEXT_SIZE) localStorage.removeItem(TEXT_SIZE_STORAGE_KEY);
      else localStorage.setItem(TEXT_SIZE_STORAGE_KEY, String(size));
    } catch {
      // Storage may be unavailable (private mode); the size still applies for this visit.
    }
  }, [size, loaded]);
}
