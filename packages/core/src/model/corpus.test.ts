/** The real descriptions in the shared corpus (see `test/shared-specs.ts`). */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { renderOpenApi } from '../openapi/render-openapi';
import { importModel } from './import-model';
import { normaliseIntegration } from './integration-equivalence';
import { recoverDesign } from './recover-integrations';
import { SPECS, specSources as sources, specsPresent as present } from '../../test/shared-specs';

/** Reads refs from the corpus folder, as the server's resolver reads them from disk. */
const resolveRef = (path: string) => readFile(new URL(path, SPECS), 'utf8').catch(() => undefined);

const imports = new Map<string, ReturnType<typeof importModel>>();

/** Each file is imported once for all the tests that look at it (the multi-file ones take seconds). */
function importSpec(file: string): ReturnType<typeof importModel> {
  let result = imports.get(file);
  if (!result) {
    result = readFile(new URL(file, SPECS), 'utf8').then((text) =>
      importModel(text, { file, resolveRef }),
    );
    imports.set(file, result);
  }
  return result;
}

describe.skipIf(!present)('the spec corpus', () => {
  const apiSources = present
    ? sources().filter((s) => /^(oas3\.[01]|swagger2)$/.test(s.format))
    : [];

  it.each(apiSources.map((s) => [s.file, s] as const))(
    '%s imports with every operation SOURCES.tsv counts',
    async (_, source) => {
      const { model, diagnostics } = await importSpec(source.file);
      expect(model, JSON.stringify(diagnostics.slice(0, 3))).toBeDefined();
      expect(model!.operations).toHaveLength(source.operations);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  );

  it.each([
    'awspdk-multi/multi.yaml',
    'oai-petstore-separate-v20/spec/swagger.yaml',
    'digitalocean-multifile/DigitalOcean-public.v2.yaml',
  ])('multi-file %s resolves every external ref', async (file) => {
    const { model, diagnostics } = await importSpec(file);
    expect(
      diagnostics.filter(
        (d) => d.code === 'model.external-ref' || d.code === 'model.unresolved-ref',
      ),
    ).toEqual([]);
    expect(Object.keys(model!.externalDocuments).length).toBeGreaterThan(0);
    // Operations that are refs to other files still get their operationIds from there.
    for (const op of model!.operations) expect(op.operationId, op.key).toBeDefined();
    expect(JSON.stringify(model!.operations)).not.toMatch(/"\$ref":"[^#"]/);
  });

  it('reads the multi-file PDK example through its operation ref', async () => {
    const { model } = await importSpec('awspdk-multi/multi.yaml');
    expect(model!.operations).toMatchObject([
      {
        key: 'POST /operation/{pathParam}',
        name: 'someTestOperation',
        parameters: [{ name: 'pathParam', in: 'path' }],
        requestBody: {
          required: true,
          content: [
            {
              contentType: 'application/json',
              schema: { type: 'object', properties: { myInput: { type: 'number' } } },
            },
          ],
        },
      },
    ]);
  });

  it('gives the GitHub description its operations with their operationIds', async () => {
    const { model } = await importSpec('github-rest-api-2020-09.json');
    expect(model!.operations.length).toBe(623);
    expect(model!.operations.find((o) => o.key === 'GET /')?.name).toBe('meta/root');
    expect(new Set(model!.operations.map((o) => o.name)).size).toBe(623);
  });

  const exports = apiSources.filter((s) => /^(apigw|awsdocs)-/.test(s.file));

  it.each(exports.map((s) => s.file))(
    '%s: the recovered design renders back every integration the model has',
    async (file) => {
      const { model } = await importSpec(file);
      const { design } = recoverDesign(model!, file);
      const { document } = renderOpenApi(model!, design);
      const integrated = model!.operations.filter((op) => op.existingIntegration !== undefined);
      expect(integrated.length).toBeGreaterThan(0);
      for (const op of integrated) {
        const rendered = (
          ((document.paths as JsonObject)[op.path] as JsonObject)[op.method] as JsonObject
        )['x-amazon-apigateway-integration'] as JsonObject;
        const kind = design.operations[op.key]?.integration?.kind;
        // Raw integrations come back byte for byte; recovered ones up to the documented normalisations.
        if (kind === 'raw') expect(rendered, op.key).toEqual(op.existingIntegration);
        else
          expect(normaliseIntegration(rendered), `${op.key} (${kind})`).toEqual(
            normaliseIntegration(op.existingIntegration!),
          );
      }
    },
  );
});
