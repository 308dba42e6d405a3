/** What a diagram node opens: a function's file in the editor, a source's group in Events, a resource's card, the Request panel. */
import type { WorkbenchStore } from '@/components/store/create-workbench-store';
import type { DiagramTarget } from '@/runtime/diagram/types';

export function openTarget(store: WorkbenchStore, target: DiagramTarget): void {
  const s = store.getState();
  switch (target.kind) {
    case 'file':
      s.openFile(target.path);
      return;
    case 'source': {
      s.setRightTab('events');
      const label = s.sources.find((src) => src.id === target.sourceId)?.label;
      if (label) reveal(`#actions [role="group"][aria-label="${CSS.escape(label)}"]`);
      return;
    }
    case 'resource': {
      s.setBottomTab('resources');
      // 'bucket:uploads' → the card named 'bucket: uploads'.
      const i = target.resource.indexOf(':');
      reveal(`#output [role="group"][aria-label="${CSS.escape(`${target.resource.slice(0, i)}: ${target.resource.slice(i + 1)}`)}"]`);
      return;
    }
    case 'request':
      s.setRightTab('request');
      reveal('#actions input[name="path"]', false);
  }
}

/** After the tab shows, scrolls the element into view and moves focus to it (or to its first field). */
function reveal(selector: string, asGroup = true): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return;
    el.scrollIntoView({ block: 'nearest' });
    if (asGroup && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
  });
}
