/**
 * Which lines of a text changed from one version to the next: the edit
 * script of a line diff, as the lines added to the new text and the count of
 * lines removed from the old one. Pure; used to highlight what an edit
 * changed in a rendered document.
 */

/** The changes between two versions of a text, by line. */
export interface LineDiff {
  /** 1-based numbers of the lines of the new text that are not in the old, ascending. */
  addedLines: number[];
  /** How many lines of the old text are not in the new one. */
  removedCount: number;
  /** 1-based numbers of the old text's removed lines, ascending. */
  removedLines: number[];
  /**
   * The 1-based line of the new text where the first change is (where lines
   * were removed, when none were added there); undefined when nothing changed.
   */
  firstChangedLine?: number;
}

/**
 * Above this many differences in the part between the common start and end,
 * the diff stops looking for the shortest edit and reports that whole part as
 * replaced: the answer stays correct (every changed line is marked) and a
 * rewrite of a large document costs no more than a few milliseconds.
 */
export const MAX_EDIT_DISTANCE = 1000;

/** Splits a text into lines; a final newline does not make an empty last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The line diff of `before` and `after`: the shortest edit script (Myers'
 * algorithm) between the lines that differ once the common first and last
 * lines are set aside, which is where edits to a rendered document are.
 */
export function diffLines(before: string, after: string): LineDiff {
  if (before === after) return { addedLines: [], removedCount: 0, removedLines: [] };
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const script = shortestEdit(a.slice(start, endA), b.slice(start, endB));
  const addedLines = script.added.map((index) => start + index + 1);
  const removedLines = script.removed.map((index) => start + index + 1);
  // The texts agree up to `start`: the first change is on the line after, or at the end.
  const firstChangedLine = Math.max(1, Math.min(start + 1, b.length));
  return { addedLines, removedCount: removedLines.length, removedLines, firstChangedLine };
}

interface EditScript {
  /** 0-based indexes into the new lines. */
  added: number[];
  /** 0-based indexes into the old lines. */
  removed: number[];
}

/** Myers' O((N+M)D) diff, with each step's frontier kept to walk the path back. */
function shortestEdit(a: readonly string[], b: readonly string[]): EditScript {
  const n = a.length;
  const m = b.length;
  const everything = (): EditScript => ({
    added: Array.from({ length: m }, (_, i) => i),
    removed: Array.from({ length: n }, (_, i) => i),
  });
  if (n === 0 || m === 0) return everything();

  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  // Each step keeps only the diagonals it can reach (-d-1..d+1): memory grows with D², not D·N.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(frontier.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
      let x = down ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) return walkBack(trace, n, m, d);
    }
  }
  return everything();
}

/** Follows the recorded frontiers from the end back to the start, collecting the edits. */
function walkBack(
  trace: readonly Int32Array[],
  n: number,
  m: number,
  distance: number,
): EditScript {
  const added: number[] = [];
  const removed: number[] = [];
  let x = n;
  let y = m;
  for (let d = distance; d > 0; d--) {
    // trace[d] holds diagonals -d-1..d+1, so diagonal k is at k + d + 1.
    const frontier = trace[d]!;
    const at = (k: number) => frontier[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    // Skip the diagonal (equal lines) back to where the edit ends.
    while (x > previousX && y > previousY) {
      x--;
      y--;
    }
    if (down) added.push(previousY);
    else removed.push(previousX);
    x = previousX;
    y = previousY;
  }
  return { added: added.reverse(), removed: removed.reverse() };
}
