import { describe, expect, it } from 'vitest';
import { emitCdk } from '../src/cdk/emit-cdk';
import { loadDesign } from '../src/design/load-design';
import { hasErrors } from '../src/diagnostics';
import { importModel } from '../src/model/import-model';
import { renderOpenApi } from '../src/openapi/render-openapi';
import { serializeOpenApi } from '../src/openapi/serialize';
import { expectGoldenFolder, goldenCases, readCaseDesign, readCaseModel } from './golden';

async function loadCase(name: string) {
  const { file, text } = readCaseModel(name);
  const imported = await importModel(text, { file });
  const loaded = loadDesign(readCaseDesign(name), 'design.json');
  expect(
    [...imported.diagnostics, ...loaded.diagnostics].filter((d) => d.severity === 'error'),
  ).toEqual([]);
  return { model: imported.model!, design: loaded.design! };
}

describe('golden CDK (TypeScript)', () => {
  for (const name of goldenCases()) {
    it(`${name} emits its cdk-typescript app`, async () => {
      const { model, design } = await loadCase(name);
      const { files, diagnostics } = emitCdk(model, design, { language: 'typescript' });
      expect(hasErrors(diagnostics), JSON.stringify(diagnostics, null, 2)).toBe(false);
      expectGoldenFolder(name, 'cdk-typescript', files);
    });

    it(`${name} ships the same document the OpenAPI export renders`, async () => {
      const { model, design } = await loadCase(name);
      const { files } = emitCdk(model, design, { language: 'typescript' });
      expect(files['lib/openapi.json']).toBe(
        serializeOpenApi(renderOpenApi(model, design).document, 'json'),
      );
    });

    it(`${name} emits the same files twice, in path order`, async () => {
      const { model, design } = await loadCase(name);
      const first = emitCdk(model, design, { language: 'typescript' }).files;
      const again = emitCdk(model, design, { language: 'typescript' }).files;
      expect(again).toEqual(first);
      expect(Object.keys(first)).toEqual(Object.keys(first).sort());
    });
  }
});
