import { emptyDesign, importModel, renderOpenApi, type DesignDocument } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { definitionDocument, operationDefinition } from './definition';

const MODEL = `
openapi: 3.0.3
info: { title: Items, version: '1' }
paths:
  /items/{itemId}:
    get:
      parameters:
        - { name: itemId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: One item. }
    delete:
      parameters:
        - { name: itemId, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: Deleted. }
`;

async function items() {
  const { model } = await importModel(MODEL, { file: 'openapi.yaml' });
  if (!model) throw new Error('the test model did not import');
  return model;
}

const design: DesignDocument = {
  ...emptyDesign('openapi.yaml'),
  backends: { api: { kind: 'http', baseUrl: 'https://items.example.com' } },
  operations: {
    'GET /items/{itemId}': { integration: { kind: 'http', backend: 'api', proxy: true } },
  },
  cors: { enabled: true },
};

describe('operationDefinition', () => {
  it('picks the operation’s integration as core renders it, with the CORS preflight of its path', async () => {
    const model = await items();
    const document = renderOpenApi(model, design).document;
    const keys = new Set(model.operations.map((operation) => operation.key));
    const get = model.operations.find((operation) => operation.key === 'GET /items/{itemId}')!;
    const shown = operationDefinition(document, get, keys);
    expect(shown.definition['x-amazon-apigateway-integration']).toMatchObject({
      type: 'HTTP_PROXY',
      httpMethod: 'GET',
      uri: 'https://items.example.com/items/{itemId}',
      requestParameters: { 'integration.request.path.itemId': 'method.request.path.itemId' },
    });
    expect(shown.preflight?.['x-amazon-apigateway-integration']).toMatchObject({ type: 'MOCK' });
  });

  it('shows an operation with no integration as empty, keyed by the operation', async () => {
    const model = await items();
    const document = renderOpenApi(model, { ...design, cors: { enabled: false } }).document;
    const keys = new Set(model.operations.map((operation) => operation.key));
    const del = model.operations.find((operation) => operation.key === 'DELETE /items/{itemId}')!;
    const shown = operationDefinition(document, del, keys);
    expect(shown.preflight).toBeUndefined();
    expect(definitionDocument([shown])).toEqual({ 'DELETE /items/{itemId}': null });
  });
});
