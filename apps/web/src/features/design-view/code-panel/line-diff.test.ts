import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, splitLines } from './line-diff';

const text = (...lines: string[]) => lines.map((line) => `${line}\n`).join('');

describe('diffLines', () => {
  it('finds nothing between equal texts', () => {
    expect(diffLines(text('a', 'b'), text('a', 'b'))).toEqual({
      addedLines: [],
      removedCount: 0,
      removedLines: [],
    });
  });

  it('marks lines inserted in the middle with their new line numbers', () => {
    const diff = diffLines(text('a', 'b', 'c'), text('a', 'x', 'y', 'b', 'c'));
    expect(diff.addedLines).toEqual([2, 3]);
    expect(diff.removedCount).toBe(0);
  });

  it('counts removed lines and marks a replaced one', () => {
    const diff = diffLines(text('a', 'b', 'c', 'd'), text('a', 'B', 'd'));
    expect(diff.firstChangedLine).toBe(2);
    expect(diff.addedLines).toEqual([2]);
    expect(diff.removedLines).toEqual([2, 3]);
    expect(diff.removedCount).toBe(2);
  });

  it('places a removal on the line of the new text where the removed lines were', () => {
    const diff = diffLines(text('a', 'b', 'c', 'd'), text('a', 'd'));
    expect(diff.addedLines).toEqual([]);
    expect(diff.removedLines).toEqual([2, 3]);
    expect(diff.firstChangedLine).toBe(2);
  });

  it('handles edits far apart in one document', () => {
    const before = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[10] = 'changed';
    after.splice(400, 0, 'inserted');
    const diff = diffLines(text(...before), text(...after));
    expect(diff.addedLines).toEqual([11, 401]);
    expect(diff.removedLines).toEqual([11]);
  });

  it('reports a rewrite beyond the edit limit as a whole replacement, still marking every line', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`);
    const diff = diffLines(text(...before), text(...after));
    expect(diff.addedLines).toHaveLength(3000);
    expect(diff.removedCount).toBe(3000);
  });

  it('is an edit script: applying it to the old lines gives the new ones', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = diffLines(text(...a), text(...b));
        const removed = new Set(diff.removedLines);
        const added = new Set(diff.addedLines);
        const kept = a.filter((_, i) => !removed.has(i + 1));
        const keptInNew = b.filter((_, i) => !added.has(i + 1));
        // The lines neither added nor removed are the same sequence in both texts.
        expect(kept).toEqual(keptInNew);
        // And the script is a shortest one: as short as the longest common subsequence allows.
        expect(kept.length).toBe(lcsLength(a, b));
      }),
    );
  });
});

describe('splitLines', () => {
  it('does not count the final newline as a line', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      table[i]![j] =
        a[i - 1] === b[j - 1]
          ? table[i - 1]![j - 1]! + 1
          : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
  return table[a.length]![b.length]!;
}
