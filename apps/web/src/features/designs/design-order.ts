/** The fields of a design the list orders and filters by. */
export interface ListedDesign {
  id: string;
  name: string;
  modifiedAt: string;
}

/** From this many designs on, the list offers a filter box. */
export const FILTER_THRESHOLD = 8;

/**
 * The designs, most recently changed first; equal times fall back to the id
 * so the order never jumps between renders.
 */
export function byLastChange<T extends ListedDesign>(designs: readonly T[]): T[] {
  return [...designs].sort(
    (a, b) => Date.parse(b.modifiedAt) - Date.parse(a.modifiedAt) || a.id.localeCompare(b.id),
  );
}

/**
 * The designs whose name or model file contains every word of the query,
 * ignoring case; all of them for a blank query.
 */
export function filterDesigns<T extends ListedDesign>(designs: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...designs];
  return designs.filter((design) => {
    const haystack = `${design.name} ${design.id}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
