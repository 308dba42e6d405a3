/**
 * Zoom and pan of the drawn diagram: a transform on the canvas inside a fixed viewport. Pure state functions (tested)
 * plus the DOM wiring in use-pan-zoom.ts. The view survives redraws: only "Fit" and the first draw reset it.
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.2;
export const MAX_SCALE = 4;
/** One zoom step (buttons, + and - keys). */
export const ZOOM_STEP = 1.25;
/** Fit never magnifies a small diagram beyond this (it stays readable and crisp on a projector). */
const FIT_MAX = 1.6;
const FIT_MARGIN = 16;

export const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** The view that shows a `w`×`h` drawing whole and centred in a `vw`×`vh` viewport. */
export function fitView(w: number, h: number, vw: number, vh: number): View {
  if (w <= 0 || h <= 0 || vw <= 0 || vh <= 0) return { scale: 1, x: 0, y: 0 };
  const scale = clampScale(Math.min((vw - 2 * FIT_MARGIN) / w, (vh - 2 * FIT_MARGIN) / h, FIT_MAX));
  return { scale, x: (vw - w * scale) / 2, y: (vh - h * scale) / 2 };
}

/** Zooms by `factor` keeping the viewport point (px, py) where it is (the pointer, or the viewport's centre). */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
}

export function panBy(v: View, dx: number, dy: number): View {
  return { scale: v.scale, x: v.x + dx, y: v.y + dy };
}
