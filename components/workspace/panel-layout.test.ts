import { describe, expect, it } from 'vitest';
import {
  clampPanelSize, DEFAULT_PANEL_LAYOUT, dragPanel, keyboardResize, panelMax, panelPercent, panelStyle, resizePanel,
  revivePanelLayout, separatorKey, togglePanel, type PanelLayout,
} from './panel-layout';

const layout = (files: number, actions: number, bottom: number, collapsed: Partial<PanelLayout['collapsed']> = {}): PanelLayout => ({
  sizes: { files, actions, bottom },
  collapsed: { files: false, actions: false, bottom: false, ...collapsed },
});

describe('clamping', () => {
  it('keeps each panel within its limits', () => {
    const l = layout(0.16, 0.3, 0.36);
    expect(clampPanelSize('files', 0.01, l)).toBe(0.08);
    expect(clampPanelSize('files', 0.45, l)).toBe(0.4);
    expect(clampPanelSize('bottom', 0.9, l)).toBe(0.75);
    expect(clampPanelSize('bottom', 0.05, l)).toBe(0.12);
    expect(clampPanelSize('actions', Number.NaN, l)).toBe(0.3);
  });

  it('leaves the editor at least a fifth of the width, counting only a shown neighbour', () => {
    expect(panelMax('actions', layout(0.4, 0.3, 0.36))).toBe(0.4);
    expect(clampPanelSize('actions', 0.55, layout(0.4, 0.3, 0.36))).toBe(0.4);
    expect(panelMax('actions', layout(0.4, 0.3, 0.36, { files: true }))).toBe(0.6);
    expect(panelMax('files', layout(0.16, 0.6, 0.36))).toBe(0.2);
  });

  it('never gives a maximum below the minimum', () => {
    expect(panelMax('files', layout(0.16, 0.75, 0.36))).toBe(0.08);
  });
});

describe('resize, collapse and restore', () => {
  it('resizing shows a collapsed panel at the clamped size', () => {
    expect(resizePanel(layout(0.16, 0.3, 0.36, { files: true }), 'files', 0.5)).toEqual(layout(0.4, 0.3, 0.36));
  });

  it('collapsing keeps the size; restoring brings it back, clamped to the room left', () => {
    const collapsed = togglePanel(layout(0.3, 0.3, 0.36), 'files');
    expect(collapsed).toEqual(layout(0.3, 0.3, 0.36, { files: true }));
    expect(togglePanel(collapsed, 'files')).toEqual(layout(0.3, 0.3, 0.36));
    const actionsGrew = { ...collapsed, sizes: { ...collapsed.sizes, actions: 0.6 } };
    expect(togglePanel(actionsGrew, 'files')).toEqual(layout(0.2, 0.6, 0.36));
  });

  it('a drag below half the minimum collapses; a drag out of a collapsed panel shows it', () => {
    expect(dragPanel(layout(0.16, 0.3, 0.36), 'bottom', 0.36, -0.31)).toEqual(layout(0.16, 0.3, 0.36, { bottom: true }));
    expect(dragPanel(layout(0.16, 0.3, 0.36), 'bottom', 0.36, -0.28)).toEqual(layout(0.16, 0.3, 0.12));
    expect(dragPanel(layout(0.16, 0.3, 0.36, { files: true }), 'files', 0, 0.1)).toEqual(layout(0.1, 0.3, 0.36));
  });
});

describe('keyboard', () => {
  it('maps arrows by where the panel sits, plus Home, End and Enter', () => {
    expect(separatorKey('files', 'ArrowRight')).toBe('grow');
    expect(separatorKey('files', 'ArrowLeft')).toBe('shrink');
    expect(separatorKey('actions', 'ArrowLeft')).toBe('grow');
    expect(separatorKey('actions', 'ArrowRight')).toBe('shrink');
    expect(separatorKey('bottom', 'ArrowUp')).toBe('grow');
    expect(separatorKey('bottom', 'ArrowDown')).toBe('shrink');
    expect(separatorKey('bottom', 'ArrowLeft')).toBeNull();
    expect(separatorKey('files', 'Home')).toBe('min');
    expect(separatorKey('files', 'End')).toBe('max');
    expect(separatorKey('files', 'Enter')).toBe('toggle');
    expect(separatorKey('files', 'a')).toBeNull();
  });

  it('steps by 2%, goes to the ends, and toggles', () => {
    const l = layout(0.16, 0.3, 0.36);
    expect(keyboardResize(l, 'files', 'grow').sizes.files).toBe(0.18);
    expect(keyboardResize(l, 'actions', 'shrink').sizes.actions).toBe(0.28);
    expect(keyboardResize(l, 'actions', 'max').sizes.actions).toBe(0.6);
    expect(keyboardResize(l, 'bottom', 'min').sizes.bottom).toBe(0.12);
    expect(keyboardResize(l, 'bottom', 'toggle').collapsed.bottom).toBe(true);
  });

  it('on a collapsed panel, growing shows it at its minimum and shrinking does nothing', () => {
    const l = layout(0.16, 0.3, 0.36, { files: true });
    expect(keyboardResize(l, 'files', 'grow')).toEqual(layout(0.08, 0.3, 0.36));
    expect(keyboardResize(l, 'files', 'shrink')).toBe(l);
  });
});

describe('presentation and storage', () => {
  it('gives aria-valuenow as a percentage, 0 when collapsed', () => {
    expect(panelPercent(layout(0.163, 0.3, 0.36), 'files')).toBe(16);
    expect(panelPercent(layout(0.16, 0.3, 0.36, { actions: true }), 'actions')).toBe(0);
  });

  it('writes the grid custom properties', () => {
    expect(panelStyle(layout(0.16, 0.305, 0.36, { bottom: true }))).toEqual({
      '--files-size': '16%', '--actions-size': '30.5%', '--bottom-size': '0%',
    });
  });

  it('revives a stored layout, defaulting what is missing or damaged', () => {
    expect(revivePanelLayout(undefined)).toEqual(DEFAULT_PANEL_LAYOUT);
    expect(revivePanelLayout({ sizes: { files: 0.2, actions: 'x' }, collapsed: { bottom: true, files: 'yes' } })).toEqual(
      layout(0.2, 0.3, 0.36, { bottom: true }),
    );
    expect(revivePanelLayout({ sizes: { files: 0.4, actions: 0.6, bottom: -1 } })).toEqual(layout(0.4, 0.4, 0.12));
  });
});
