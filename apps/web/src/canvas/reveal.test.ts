import { describe, expect, it } from 'vitest';
import { boundsOf, revealCenter } from './reveal';

const pane = { width: 800, height: 600, transform: [0, 0, 1] as const };

describe('boundsOf', () => {
  it('spans every rectangle', () => {
    expect(
      boundsOf([
        { x: 0, y: 10, width: 100, height: 50 },
        { x: 700, y: -20, width: 240, height: 100 },
      ]),
    ).toEqual({ x: 0, y: -20, width: 940, height: 100 });
    expect(boundsOf([])).toBeUndefined();
  });
});

describe('revealCenter', () => {
  it('leaves the view alone when the rectangle is in sight', () => {
    expect(revealCenter({ x: 10, y: 10, width: 200, height: 100 }, pane)).toBeUndefined();
  });

  it('centres on a rectangle out of sight at the same zoom when it fits', () => {
    expect(revealCenter({ x: 900, y: 100, width: 200, height: 100 }, pane)).toEqual({
      x: 1000,
      y: 150,
      zoom: 1,
    });
  });

  it('zooms out, never in, to fit a rectangle wider than the pane', () => {
    const wide = revealCenter({ x: 0, y: 0, width: 1280, height: 100 }, pane)!;
    expect(wide.zoom).toBeCloseTo(0.5);
    const zoomedOut = { ...pane, transform: [0, 0, 0.25] as const };
    expect(revealCenter({ x: 4000, y: 0, width: 10, height: 10 }, zoomedOut)?.zoom).toBe(0.25);
  });
});
