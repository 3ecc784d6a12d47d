import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_OUTPUTS, caseDir, goldenCases } from './golden';

describe('golden cases', () => {
  it('exist', () => {
    expect(goldenCases().length).toBeGreaterThan(0);
  });

  for (const name of goldenCases()) {
    it(`${name} has an expectation for every output`, () => {
      const missing = GOLDEN_OUTPUTS.filter((out) => !existsSync(join(caseDir(name), out)));
      expect(missing, `run golden:update and review the new files`).toEqual([]);
    });
  }
});
