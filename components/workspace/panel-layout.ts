/**
 * The workbench's resizable panels: Files and the actions panel as shares of the main area's width, the output
 * (Logs | Response) as a share of its height, each collapsible. Pure, so the clamping rules are unit-tested.
 */

export type PanelId = 'files' | 'actions' | 'bottom';

/** Shares (0–1) of the main area: Files and actions of its width, the output panel of its height. */
export type PanelSizes = Record<PanelId, number>;
export type PanelCollapsed = Record<PanelId, boolean>;

export interface PanelLayout {
  sizes: PanelSizes;
  /** A collapsed panel keeps its size, to come back at it when restored. */
  collapsed: PanelCollapsed;
}

export const PANEL_IDS: readonly PanelId[] = ['files', 'actions', 'bottom'];

export const PANEL_LIMITS: Readonly<Record<PanelId, { min: number; max: number }>> = {
  files: { min: 0.08, max: 0.4 },
  actions: { min: 0.15, max: 0.6 },
  bottom: { min: 0.12, max: 0.75 },
};

/** The editor keeps at least this share of the width, whatever the side panels ask for. */
export const EDITOR_MIN_SHARE = 0.2;

/** One arrow key press moves a separator by this share; dragging below half a panel's minimum collapses it. */
export const KEY_STEP = 0.02;

export const DEFAULT_PANEL_LAYOUT: PanelLayout = {
  sizes: { files: 0.16, actions: 0.3, bottom: 0.36 },
  collapsed: { files: false, actions: false, bottom: false },
};

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The largest share `panel` may take beside the others (the side panels leave the editor its minimum). */
export function panelMax(panel: PanelId, layout: PanelLayout): number {
  const { min, max } = PANEL_LIMITS[panel];
  if (panel === 'bottom') return max;
  const other: PanelId = panel === 'files' ? 'actions' : 'files';
  const taken = layout.collapsed[other] ? 0 : layout.sizes[other];
  return round(Math.max(min, Math.min(max, 1 - EDITOR_MIN_SHARE - taken)));
}

export function clampPanelSize(panel: PanelId, value: number, layout: PanelLayout): number {
  if (!Number.isFinite(value)) return DEFAULT_PANEL_LAYOUT.sizes[panel];
  return round(Math.min(panelMax(panel, layout), Math.max(PANEL_LIMITS[panel].min, value)));
}

/** `layout` with `panel` at `value` (clamped) and shown. */
export function resizePanel(layout: PanelLayout, panel: PanelId, value: number): PanelLayout {
  return {
    sizes: { ...layout.sizes, [panel]: clampPanelSize(panel, value, layout) },
    collapsed: { ...layout.collapsed, [panel]: false },
  };
}

/** Collapses `panel`, or restores it at its last size (clamped, since the other panels may have grown meanwhile). */
export function togglePanel(layout: PanelLayout, panel: PanelId): PanelLayout {
  if (layout.collapsed[panel]) return resizePanel(layout, panel, layout.sizes[panel]);
  return { sizes: layout.sizes, collapsed: { ...layout.collapsed, [panel]: true } };
}

/**
 * Where a drag puts `panel`: `start` is its share when the drag began (0 if collapsed) and `delta` how far the
 * pointer moved, as a share, in the direction that grows the panel. Below half its minimum it collapses.
 */
export function dragPanel(layout: PanelLayout, panel: PanelId, start: number, delta: number): PanelLayout {
  const value = start + delta;
  if (value < PANEL_LIMITS[panel].min / 2) return { sizes: layout.sizes, collapsed: { ...layout.collapsed, [panel]: true } };
  return resizePanel(layout, panel, value);
}

/** What a key does on a panel's separator (the ARIA window splitter pattern), or null for keys it ignores. */
export type SeparatorKey = 'grow' | 'shrink' | 'min' | 'max' | 'toggle';

export function keyboardResize(layout: PanelLayout, panel: PanelId, key: SeparatorKey): PanelLayout {
  const collapsed = layout.collapsed[panel];
  const size = layout.sizes[panel];
  switch (key) {
    case 'toggle':
      return togglePanel(layout, panel);
    case 'grow':
      return resizePanel(layout, panel, collapsed ? PANEL_LIMITS[panel].min : size + KEY_STEP);
    case 'shrink':
      return collapsed ? layout : resizePanel(layout, panel, size - KEY_STEP);
    case 'min':
      return resizePanel(layout, panel, PANEL_LIMITS[panel].min);
    case 'max':
      return resizePanel(layout, panel, 1);
  }
}

/**
 * Which keys grow a panel: Files sits left of its separator (Right Arrow grows it), the actions panel right of its
 * separator (Left Arrow grows it), the output panel below its separator (Up Arrow grows it).
 */
export function separatorKey(panel: PanelId, key: string): SeparatorKey | null {
  const grow = panel === 'files' ? 'ArrowRight' : panel === 'actions' ? 'ArrowLeft' : 'ArrowUp';
  const shrink = panel === 'files' ? 'ArrowLeft' : panel === 'actions' ? 'ArrowRight' : 'ArrowDown';
  if (key === grow) return 'grow';
  if (key === shrink) return 'shrink';
  if (key === 'Home') return 'min';
  if (key === 'End') return 'max';
  if (key === 'Enter') return 'toggle';
  return null;
}

/** The panel's share as a whole percentage (0 when collapsed), for aria-valuenow. */
export function panelPercent(layout: PanelLayout, panel: PanelId): number {
  return layout.collapsed[panel] ? 0 : Math.round(layout.sizes[panel] * 100);
}

/** The grid's custom properties for `layout` (app/globals.css and workbench.css read them). */
export function panelStyle(layout: PanelLayout): Record<string, string> {
  const pct = (panel: PanelId) => (layout.collapsed[panel] ? '0%' : `${round(layout.sizes[panel] * 100)}%`);
  return { '--files-size': pct('files'), '--actions-size': pct('actions'), '--bottom-size': pct('bottom') };
}

/** Reads a stored panel layout defensively: missing or damaged values get defaults, sizes are clamped. */
export function revivePanelLayout(value: unknown): PanelLayout {
  const v = (value && typeof value === 'object' ? value : {}) as { sizes?: unknown; collapsed?: unknown };
  const sizes = (v.sizes && typeof v.sizes === 'object' ? v.sizes : {}) as Partial<Record<PanelId, unknown>>;
  const collapsed = (v.collapsed && typeof v.collapsed === 'object' ? v.collapsed : {}) as Partial<Record<PanelId, unknown>>;
  let layout: PanelLayout = {
    sizes: { ...DEFAULT_PANEL_LAYOUT.sizes },
    collapsed: { files: collapsed.files === true, actions: collapsed.actions === true, bottom: collapsed.bottom === true },
  };
  for (const panel of PANEL_IDS) {
    const size = sizes[panel];
    if (typeof size !== 'number' || !Number.isFinite(size)) continue;
    layout = { ...layout, sizes: { ...layout.sizes, [panel]: clampPanelSize(panel, size, layout) } };
  }
  return layout;
}
