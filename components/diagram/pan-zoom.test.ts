import { describe, expect, it } from 'vitest';
import { fitView, MAX_SCALE, MIN_SCALE, panBy, zoomAt } from './pan-zoom';

describe('pan and zoom', () => {
  it('fits a drawing centred with a margin, never magnifying past 1.6', () => {
    expect(fitView(1000, 200, 532, 400)).toEqual({ scale: 0.5, x: 16, y: 150 });
    expect(fitView(100, 50, 1000, 1000).scale).toBe(1.6);
    expect(fitView(0, 0, 100, 100)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('zooms about a point, which stays put, within the scale limits', () => {
    const v = zoomAt({ scale: 1, x: 10, y: 20 }, 2, 110, 120);
    expect(v).toEqual({ scale: 2, x: -90, y: -80 });
    // The drawing point under (110, 120) before is still under it after: (110 - x) / scale is unchanged.
    expect((110 - v.x) / v.scale).toBe(100);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 100, 0, 0).scale).toBe(MAX_SCALE);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 0.001, 0, 0).scale).toBe(MIN_SCALE);
  });

  it('pans', () => {
    expect(panBy({ scale: 2, x: 1, y: 2 }, 10, -5)).toEqual({ scale: 2, x: 11, y: -3 });
  });
});
