/**
 * Small typed builders for hand-made models and designs, so unit tests do not
 * need the importer. Give only the fields a test cares about; the rest get
 * plausible defaults derived from what was given.
 */
import { emptyDesign } from '../src/design/defaults';
import type { Diagnostic } from '../src/diagnostics';
import type { DesignDocument } from '../src/design/types';
import { renderContext } from '../src/integrations/render-context';
import type { RenderContext } from '../src/integrations/types';
import type { JsonObject } from '../src/json';
import { pointer } from '../src/json';
import type { ApiModel, Operation } from '../src/model/types';

/** An operation; key, name and pointer follow from `method` and `path` (default `GET /pets`). */
export function makeOperation(partial: Partial<Operation> = {}): Operation {
  const method = partial.method ?? 'get';
  const path = partial.path ?? '/pets';
  return {
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    name: partial.operationId ?? `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`,
    tags: [],
    parameters: pathParameters(path),
    requestContentTypes: [],
    responses: [
      {
        status: '200',
        description: 'OK',
        content: [],
        headers: [],
        pointer: pointer('paths', path, method, 'responses', '200'),
      },
    ],
    pointer: pointer('paths', path, method),
    ...partial,
  };
}

/**
 * A model holding the operations; unless `document` is given, its document is a
 * minimal OpenAPI 3.0.3 description with one entry per operation, so renderers
 * that start from the document see every operation.
 */
export function makeModel(operations: Operation[], partial: Partial<ApiModel> = {}): ApiModel {
  const paths: JsonObject = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {}) as JsonObject;
    const responses: JsonObject = {};
    for (const r of op.responses) responses[r.status] = { description: r.description ?? '' };
    item[op.method] = { ...(op.operationId ? { operationId: op.operationId } : {}), responses };
  }
  return {
    text: '',
    format: 'json',
    specVersion: '3.0',
    document: { openapi: '3.0.3', info: { title: 'Test API', version: '1.0.0' }, paths },
    externalDocuments: {},
    title: 'Test API',
    version: '1.0.0',
    operations,
    locate: () => undefined,
    ...partial,
  };
}

/** A design at its defaults (`emptyDesign('openapi.yaml')`) with the given fields replaced. */
export function makeDesign(partial: Partial<DesignDocument> = {}): DesignDocument {
  return { ...emptyDesign('openapi.yaml'), ...partial };
}

/** A render context over a design (and a model, by default one with no operations) that collects its reports. */
export function makeContext(
  design: DesignDocument,
  model: ApiModel = makeModel([]),
): RenderContext & { diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  return { ...renderContext(model, design, (d) => void diagnostics.push(d)), diagnostics };
}

function pathParameters(path: string): Operation['parameters'] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1]!.replace(/\+$/, ''),
    in: 'path' as const,
    required: true,
    schema: { type: 'string' },
    pointer: pointer('paths', path, 'parameters'),
  }));
}
