/**
 * Zoom and pan on a viewport element: Ctrl/⌘ + wheel (and pinch) zooms, wheel and drag pan, keys + - 0 and arrows.
 * Until the reader zooms or pans, the drawing stays fitted to the viewport (through resizes and redraws); after that
 * their view is kept, and Fit goes back to following.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { fitView, panBy, zoomAt, ZOOM_STEP, type View } from './pan-zoom';

export interface PanZoom {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
}

const KEY_PAN = 40;

export function usePanZoom(
  viewport: RefObject<HTMLDivElement | null>,
  canvas: RefObject<HTMLDivElement | null>,
  size: { width: number; height: number } | null,
): PanZoom {
  const view = useRef<View>({ scale: 1, x: 0, y: 0 });
  const sizeRef = useRef(size);
  sizeRef.current = size;
  /** The reader moved the view: stop following the viewport's size. */
  const moved = useRef(false);

  const apply = useCallback((v: View, byReader = true) => {
    if (byReader) moved.current = true;
    view.current = v;
    if (canvas.current) canvas.current.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.scale})`;
  }, [canvas]);

  const centre = useCallback((): [number, number] => {
    const r = viewport.current?.getBoundingClientRect();
    return r ? [r.width / 2, r.height / 2] : [0, 0];
  }, [viewport]);

  const fit = useCallback(() => {
    const el = viewport.current;
    const s = sizeRef.current;
    if (!el || !s) return;
    moved.current = false;
    apply(fitView(s.width, s.height, el.clientWidth, el.clientHeight), false);
  }, [apply, viewport]);

  // Follow the viewport and each new drawing while the reader has not moved the view.
  useEffect(() => {
    if (!moved.current) fit();
  }, [size, fit]);
  useEffect(() => {
    const el = viewport.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (!moved.current) fit();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fit, viewport]);

  const zoomIn = useCallback(() => apply(zoomAt(view.current, ZOOM_STEP, ...centre())), [apply, centre]);
  const zoomOut = useCallback(() => apply(zoomAt(view.current, 1 / ZOOM_STEP, ...centre())), [apply, centre]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) apply(zoomAt(view.current, Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top));
      else apply(panBy(view.current, -e.deltaX, -e.deltaY));
    };
    let drag: { id: number; x: number; y: number; moved: boolean } | null = null;
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
    };
    const onMove = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.id) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return; // a click, not a drag
      if (!drag.moved) el.setPointerCapture(e.pointerId);
      drag.moved = true;
      drag.x = e.clientX;
      drag.y = e.clientY;
      apply(panBy(view.current, dx, dy));
    };
    const onUp = (e: PointerEvent) => {
      if (drag?.moved) {
        // The click that ends a drag must not open the node under the pointer.
        el.addEventListener('click', (c) => c.stopPropagation(), { capture: true, once: true });
      }
      if (drag && el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      drag = null;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== el || e.altKey || e.ctrlKey || e.metaKey) return;
      const moves: Record<string, [number, number]> = { ArrowLeft: [KEY_PAN, 0], ArrowRight: [-KEY_PAN, 0], ArrowUp: [0, KEY_PAN], ArrowDown: [0, -KEY_PAN] };
      if (e.key === '+' || e.key === '=') zoomIn();
      else if (e.key === '-') zoomOut();
      else if (e.key === '0') fit();
      else if (moves[e.key]) apply(panBy(view.current, ...moves[e.key]));
      else return;
      e.preventDefault();
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('keydown', onKey);
    };
  }, [apply, fit, zoomIn, zoomOut, viewport]);

  return { zoomIn, zoomOut, fit };
}
