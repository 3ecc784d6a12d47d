// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { byLastChange, filterDesigns } from './design-order';

const designs = [
  { id: 'old/openapi.yaml', name: 'Old', modifiedAt: '2026-01-01T00:00:00.000Z' },
  { id: 'new/openapi.yaml', name: 'Orders API', modifiedAt: '2026-11-25T10:00:00.000Z' },
  { id: 'b/openapi.yaml', name: 'Twin B', modifiedAt: '2026-06-01T00:00:00.000Z' },
  { id: 'a/openapi.yaml', name: 'Twin A', modifiedAt: '2026-06-01T00:00:00.000Z' },
];

describe('the design list order and filter', () => {
  it('puts the last changed first, and equal times in id order', () => {
    expect(byLastChange(designs).map((d) => d.id)).toEqual([
      'new/openapi.yaml',
      'a/openapi.yaml',
      'b/openapi.yaml',
      'old/openapi.yaml',
    ]);
  });

  it('keeps the designs whose name or file has every word, ignoring case', () => {
    expect(filterDesigns(designs, 'orders').map((d) => d.id)).toEqual(['new/openapi.yaml']);
    expect(filterDesigns(designs, 'TWIN b/').map((d) => d.id)).toEqual(['b/openapi.yaml']);
    expect(filterDesigns(designs, '  ')).toHaveLength(4);
    expect(filterDesigns(designs, 'nothing')).toEqual([]);
  });
});
