/**
 * A draggable, focusable separator between workbench panels (the ARIA window splitter pattern): arrow keys resize,
 * Home / End go to the smallest / largest size, Enter or a double-click hides or shows the panel. While dragging,
 * the grid's custom properties change directly (no React render per pointer move); the layout is stored on release.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useWorkbench } from '@/components/store/store-context';
import {
  DEFAULT_PANEL_LAYOUT, dragPanel, keyboardResize, panelMax, panelPercent, panelStyle, separatorKey, togglePanel,
  type PanelId, type PanelLayout,
} from '@/components/workspace/panel-layout';
import './panel-separator.css';

interface Props {
  panel: PanelId;
  /** What the panel is called, as people see it ("Files", "Actions", "Output"). */
  name: string;
  /** The id of the panel it resizes. */
  controls: string;
}

interface Drag {
  pointerId: number;
  from: number;
  extent: number;
  start: number;
  layout: PanelLayout;
  next: PanelLayout;
  moved: boolean;
}

/** Pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 3;
/** A double-click right after a click that showed the panel again must not hide it at once. */
const DOUBLE_CLICK_GRACE_MS = 500;

/** Applies `layout` to the grid element the way React's render would (custom properties and collapsed flags). */
export function applyPanelLayout(grid: HTMLElement, layout: PanelLayout): void {
  for (const [name, value] of Object.entries(panelStyle(layout))) grid.style.setProperty(name, value);
  for (const id of ['files', 'actions', 'bottom'] as const) grid.toggleAttribute(`data-${id}-collapsed`, layout.collapsed[id]);
}

export function PanelSeparator({ panel, name, controls }: Props) {
  const layout = useWorkbench((s) => s.workspace?.layout.panels ?? DEFAULT_PANEL_LAYOUT);
  const setPanelLayout = useWorkbench((s) => s.setPanelLayout);
  const drag = useRef<Drag | null>(null);
  const restoredAt = useRef(0);
  const vertical = panel !== 'bottom';
  const collapsed = layout.collapsed[panel];
  const percent = panelPercent(layout, panel);

  const position = (event: PointerEvent) => (vertical ? event.clientX : event.clientY);
  /** Pointer travel that grows the panel: Files grows rightwards, the actions panel leftwards, the output upwards. */
  const growth = (d: Drag, event: PointerEvent) => (position(event) - d.from) * (panel === 'files' ? 1 : -1);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const grid = event.currentTarget.parentElement;
    if (!grid) return;
    const rect = grid.getBoundingClientRect();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      pointerId: event.pointerId,
      from: position(event),
      extent: vertical ? rect.width : rect.height,
      start: collapsed ? 0 : layout.sizes[panel],
      layout,
      next: layout,
      moved: false,
    };
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    const px = growth(d, event);
    if (!d.moved && Math.abs(px) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    d.next = dragPanel(d.layout, panel, d.start, px / d.extent);
    const grid = event.currentTarget.parentElement;
    if (grid) applyPanelLayout(grid, d.next);
    event.currentTarget.setAttribute('aria-valuenow', String(panelPercent(d.next, panel)));
    event.currentTarget.classList.add('splitter-dragging');
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    event.currentTarget.classList.remove('splitter-dragging');
    if (d.moved) {
      setPanelLayout(d.next);
    } else if (d.layout.collapsed[panel]) {
      // A plain click on a hidden panel's bar shows it again.
      restoredAt.current = event.timeStamp;
      setPanelLayout(togglePanel(d.layout, panel));
    }
  };

  const onPointerCancel = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    event.currentTarget.classList.remove('splitter-dragging');
    const grid = event.currentTarget.parentElement;
    if (d && grid) applyPanelLayout(grid, d.layout);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = separatorKey(panel, event.key);
    if (!key) return;
    event.preventDefault();
    setPanelLayout(keyboardResize(layout, panel, key));
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-label={`Resize ${name}`}
      aria-controls={controls}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={Math.round(panelMax(panel, layout) * 100)}
      aria-valuetext={collapsed ? `${name} hidden` : `${name} ${percent}% of the ${vertical ? 'width' : 'height'}`}
      aria-keyshortcuts="Enter Home End"
      title={`Drag to resize ${name} · double-click or Enter ${collapsed ? 'shows' : 'hides'} it`}
      className={`splitter splitter-${panel}`}
      data-collapsed={collapsed || undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onLostPointerCapture={onPointerCancel}
      onKeyDown={onKeyDown}
      onDoubleClick={(event) => {
        if (event.timeStamp - restoredAt.current < DOUBLE_CLICK_GRACE_MS) return;
        setPanelLayout(togglePanel(layout, panel));
      }}
    >
      <span className="splitter-grip" aria-hidden="true" />
      {collapsed && <span className="splitter-label" aria-hidden="true">{name}</span>}
    </div>
  );
}
