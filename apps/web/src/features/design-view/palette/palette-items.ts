import type { PaletteKind } from '../../../canvas/graph-types';
import type { PalettePattern } from '../design-edits';

/** One kind the palette offers. */
export interface PaletteItem {
  kind: PaletteKind;
  name: string;
  description: string;
}

/** The integration kinds, in the order API Gateway users reach for them. */
export const PALETTE_ITEMS: readonly PaletteItem[] = [
  { kind: 'lambda', name: 'Lambda function', description: 'A function behind a Lambda proxy' },
  { kind: 'http', name: 'HTTP endpoint', description: 'Any HTTPS service, proxied' },
  {
    kind: 'ecs-nlb',
    name: 'ECS service',
    description: 'A Fargate service via an NLB and a VPC link',
  },
  { kind: 'mock', name: 'Mock', description: 'A documented response, on one operation' },
];

/** The kinds whose name or description contains every word of the filter, ignoring case. */
export function filterItems(items: readonly PaletteItem[], filter: string): PaletteItem[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const text = `${item.name} ${item.description} ${item.kind}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** One pattern the palette applies to every operation. */
export interface PatternItem {
  pattern: PalettePattern;
  name: string;
}

export const PATTERN_ITEMS: readonly PatternItem[] = [
  { pattern: 'lambda-all', name: 'One Lambda for every operation' },
  { pattern: 'mock-all', name: 'Mock every operation from its examples' },
  { pattern: 'http-all', name: 'HTTP proxy for every operation' },
];
