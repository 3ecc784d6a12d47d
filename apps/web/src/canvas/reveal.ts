/** A rectangle in flow units. */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The pane's size in pixels and its transform (`[panX, panY, zoom]`, as xyflow keeps it). */
export interface PaneView {
  width: number;
  height: number;
  transform: readonly [number, number, number];
}

// Room around what is revealed, as a share of the pane.
const MARGIN = 0.1;

/** The smallest rectangle around all of `rects`; undefined for none. */
export function boundsOf(rects: readonly FlowRect[]): FlowRect | undefined {
  if (rects.length === 0) return undefined;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Where to centre the view (and at what zoom) so that `rect` is in sight, or
 * undefined when it already is. The zoom never grows: revealing something
 * only zooms out, as far as needed to fit it with a margin.
 */
export function revealCenter(
  rect: FlowRect,
  pane: PaneView,
): { x: number; y: number; zoom: number } | undefined {
  const [panX, panY, zoom] = pane.transform;
  const left = rect.x * zoom + panX;
  const top = rect.y * zoom + panY;
  const inView =
    left >= 0 &&
    top >= 0 &&
    left + rect.width * zoom <= pane.width &&
    top + rect.height * zoom <= pane.height;
  if (inView) return undefined;
  const usable = 1 - 2 * MARGIN;
  const fits = Math.min(
    (pane.width * usable) / Math.max(rect.width, 1),
    (pane.height * usable) / Math.max(rect.height, 1),
  );
  return {
    x: rect.x + rect.width / 2,
    y: rect.y + rect.height / 2,
    zoom: Math.min(zoom, fits),
  };
}
