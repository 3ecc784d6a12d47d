/**
 * `validate` on real models imported for real: the sample pet store as the
 * designer wires it, and the GitHub REST description (623 operations, 3 MB)
 * from the shared specs beside the checkout.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDesign } from '../../src/design/create-design';
import { hasErrors } from '../../src/diagnostics';
import { importModel } from '../../src/model/import-model';
import { validate } from '../../src/validate/validate';
import { SPECS, specsPresent } from '../shared-specs';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = join(here, '../../samples/petstore/openapi.yaml');
const GITHUB = fileURLToPath(new URL('github-rest-api-2020-09.json', SPECS));

async function imported(path: string, file: string) {
  const { model, diagnostics } = await importModel(readFileSync(path, 'utf8'), { file });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model!;
}

describe('the sample pet store', () => {
  it.each(['mock-all', 'lambda-all'] as const)('has no errors when wired %s', async (pattern) => {
    const model = await imported(SAMPLE, 'openapi.yaml');
    const findings = validate(model, createDesign(model, { pattern, modelPath: 'openapi.yaml' }));
    expect(hasErrors(findings)).toBe(false);
  });

  it('reports every operation when nothing is wired', async () => {
    const model = await imported(SAMPLE, 'openapi.yaml');
    const findings = validate(
      model,
      createDesign(model, { pattern: 'empty', modelPath: 'openapi.yaml' }),
    );
    const unwired = findings.filter((d) => d.code === 'validate.operation-not-integrated');
    expect(unwired.map((d) => d.location.operation)).toEqual(model.operations.map((op) => op.key));
    expect(unwired.every((d) => d.location.line !== undefined)).toBe(true);
  });
});

describe.skipIf(!specsPresent)('the GitHub REST description', () => {
  // Its speed is measured by `pnpm bench:core`, not here: tests check correctness.
  it('validates wired to mocks, finding only its one refused path, the same way each time', async () => {
    const model = await imported(GITHUB, 'api.github.com.json');
    const design = createDesign(model, { pattern: 'mock-all', modelPath: 'api.github.com.json' });
    const first = validate(model, design);
    expect(validate(model, design)).toEqual(first);
    expect(model.operations.length).toBeGreaterThan(600);
    // The one thing API Gateway refuses in it: two parameters sharing a segment.
    expect(
      first.filter((d) => d.severity === 'error').map((d) => [d.code, d.location.pointer]),
    ).toEqual([
      ['validate.apigw-invalid-path', '/paths/~1repos~1{owner}~1{repo}~1compare~1{base}...{head}'],
    ]);
  });
});
