/**
 * Keeps keyboard focus in a list when the row holding it goes away (Delete): focus moves to the same action of the row
 * that took its place, else of the last row, else to a fallback (the card's heading), never to the page's body.
 */
import { useLayoutEffect, useRef } from 'react';

export function useFocusAfterRemoval<L extends HTMLElement, F extends HTMLElement>(rowCount: number) {
  const listRef = useRef<L>(null);
  const fallbackRef = useRef<F>(null);
  /** The action (`data-action`) and the position among its buttons of the button that started a removal. */
  const pending = useRef<{ action: string; index: number } | null>(null);

  useLayoutEffect(() => {
    const removal = pending.current;
    if (!removal) return;
    const active = document.activeElement;
    // Only when focus was lost with its row: a failed delete keeps it, and a change from elsewhere must not steal it.
    if (active && active !== document.body && active.isConnected) return;
    pending.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLElement>(`[data-action="${removal.action}"]`) ?? [];
    const next = buttons[Math.min(removal.index, buttons.length - 1)];
    (next ?? fallbackRef.current)?.focus();
  }, [rowCount]);

  /** Call from the click of a row's button (with `data-action`) before removing its row. */
  const removing = (button: HTMLElement) => {
    const action = button.dataset.action ?? '';
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLElement>(`[data-action="${action}"]`) ?? []);
    pending.current = { action, index: Math.max(0, buttons.indexOf(button)) };
  };

  return { listRef, fallbackRef, removing };
}
