import { describe, expect, it } from 'vitest';
import { LAMBDA_RUNTIMES, deprecatedRuntimes, starterFunction } from './lambda-runtimes';

describe('lambda runtimes', () => {
  it('marks the runtimes core deprecates, with its message', () => {
    const deprecated = deprecatedRuntimes();
    expect(deprecated.get('nodejs18.x')).toMatch(/deprecated on 2025-09-01; use nodejs24.x/);
    expect(deprecated.has('nodejs24.x')).toBe(false);
    expect([...deprecated.keys()].every((runtime) => LAMBDA_RUNTIMES.includes(runtime))).toBe(true);
  });

  it('seeds a new function with core starter code', () => {
    const fn = starterFunction();
    expect(fn).toMatchObject({ source: 'new', runtime: 'nodejs24.x', handler: 'index.handler' });
    expect(fn.source === 'new' && fn.code).toMatch(/export const handler/);
  });
});
