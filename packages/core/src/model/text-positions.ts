import type { TextPosition } from './types';

/**
 * Turns character offsets into 1-based line/column. The line index is built on
 * the first call only: most imports never ask for a position.
 */
export function offsetToPosition(text: string): (offset: number) => TextPosition {
  let lineStarts: number[] | undefined;
  return (offset) => positionIn((lineStarts ??= indexLines(text)), offset);
}

/** The line and column of `offset`, given the offset each line starts at (ascending, the first 0). */
export function positionIn(lineStarts: readonly number[], offset: number): TextPosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

function indexLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
