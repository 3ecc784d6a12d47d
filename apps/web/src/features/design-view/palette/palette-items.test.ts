import { describe, expect, it } from 'vitest';
import { PALETTE_ITEMS, filterItems } from './palette-items';

describe('filterItems', () => {
  const kinds = (filter: string) => filterItems(PALETTE_ITEMS, filter).map((item) => item.kind);

  it('keeps every kind for an empty filter', () => {
    expect(kinds('  ')).toEqual(['lambda', 'http', 'ecs-nlb', 'mock']);
  });

  it('matches every word of the filter in a kind’s name or description, ignoring case', () => {
    expect(kinds('fargate')).toEqual(['ecs-nlb']);
    expect(kinds('LAMBDA proxy')).toEqual(['lambda']);
    expect(kinds('vpc lambda')).toEqual([]);
  });
});
