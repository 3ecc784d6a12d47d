import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import type { OperationDesign, OperationIntegration } from '../design/types';
import { isJsonObject, type JsonObject } from '../json';
import type { Operation } from '../model/types';
import { valueAt } from './json-pointer';
import { renderOpenApi } from './render-openapi';
import { serializeOpenApi } from './serialize';

const INTEGRATION = 'x-amazon-apigateway-integration';
const backends = makeDesign({
  backends: {
    fn: {
      kind: 'lambda',
      function: {
        source: 'new',
        runtime: 'nodejs24.x',
        handler: 'index.handler',
        memoryMiB: 256,
        timeoutSeconds: 29,
        code: '',
      },
    },
    web: { kind: 'http', baseUrl: 'https://example.com' },
    svc: {
      kind: 'ecs-nlb',
      service: { source: 'existing', nlbDnsName: 'nlb.example.com', vpcLinkId: 'vl1' },
    },
  },
}).backends;

describe('renderOpenApi', () => {
  it('puts the design integration on each integrated operation, replacing one the model had, and removes others', () => {
    const getPets = makeOperation({ method: 'get', path: '/pets' });
    const postPets = makeOperation({ method: 'post', path: '/pets' });
    const model = makeModel([getPets, postPets]);
    const paths = model.document.paths as JsonObject;
    ((paths['/pets'] as JsonObject).get as JsonObject)[INTEGRATION] = { type: 'MOCK' };
    ((paths['/pets'] as JsonObject).post as JsonObject)[INTEGRATION] = { type: 'MOCK' };
    const design = makeDesign({
      backends,
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'fn' } } },
    });
    const { document } = renderOpenApi(model, design);
    expect(valueAt(document, `/paths/~1pets/get/${INTEGRATION}/type`)).toBe('AWS_PROXY');
    expect(valueAt(document, `/paths/~1pets/post/${INTEGRATION}`)).toBeUndefined();
    expect(valueAt(model.document, `/paths/~1pets/post/${INTEGRATION}`)).toEqual({ type: 'MOCK' });
  });

  it('documents each integration response status and mapped header, copying a shared response instead of changing it', () => {
    const op = makeOperation({ method: 'get', path: '/pets' });
    const model = makeModel([op]);
    const error = { description: 'An error' };
    model.document.components = { responses: { Error: error } };
    ((model.document.paths as JsonObject)['/pets'] as JsonObject).get = {
      responses: { '404': { $ref: '#/components/responses/Error' } },
    };
    const design = makeDesign({
      operations: {
        'GET /pets': {
          integration: {
            kind: 'mock',
            response: { source: 'custom', statusCode: 404, headers: { 'x-reason': 'gone' } },
          },
        },
      },
    });
    const { document } = renderOpenApi(model, design);
    expect(valueAt(document, '/paths/~1pets/get/responses/404')).toEqual({
      description: 'An error',
      headers: { 'x-reason': { schema: { type: 'string' } } },
    });
    expect(valueAt(document, '/components/responses/Error')).toEqual({ description: 'An error' });

    const undocumented = renderOpenApi(
      model,
      makeDesign({
        operations: {
          'GET /pets': {
            integration: { kind: 'mock', response: { source: 'custom', statusCode: 418 } },
          },
        },
      }),
    );
    expect(valueAt(undocumented.document, '/paths/~1pets/get/responses/418/description')).toEqual(
      expect.any(String),
    );
  });

  it('bundles external refs: schemas once under components (cycles included), other values inline', () => {
    const op = makeOperation({ method: 'get', path: '/pets' });
    const model = makeModel([op], { file: 'api/openapi.yaml' });
    model.document.components = { schemas: { Pet: { type: 'string' } } };
    ((model.document.paths as JsonObject)['/pets'] as JsonObject).get = {
      parameters: [{ $ref: 'common/params.yaml#/limit' }],
      responses: {
        '200': {
          description: 'ok',
          content: { 'application/json': { schema: { $ref: 'schemas/pet.yaml#/Pet' } } },
        },
      },
    };
    model.externalDocuments = {
      'api/schemas/pet.yaml': {
        Pet: {
          type: 'object',
          properties: {
            owner: { $ref: '../common/person.yaml' },
            parent: { $ref: '#/Pet' },
            friends: { type: 'array', items: { $ref: '#/Pet' } },
          },
        },
      },
      'api/common/person.yaml': { type: 'object', properties: { name: { type: 'string' } } },
      'api/common/params.yaml': {
        limit: { name: 'limit', in: 'query', schema: { $ref: 'person.yaml' } },
      },
    };
    const { document } = renderOpenApi(model, makeDesign());
    expect(
      valueAt(document, '/paths/~1pets/get/responses/200/content/application~1json/schema'),
    ).toEqual({ $ref: '#/components/schemas/Pet2' });
    expect(valueAt(document, '/paths/~1pets/get/parameters/0')).toEqual({
      name: 'limit',
      in: 'query',
      schema: { $ref: '#/components/schemas/person' },
    });
    expect(valueAt(document, '/components/schemas')).toEqual({
      Pet: { type: 'string' },
      person: { type: 'object', properties: { name: { type: 'string' } } },
      Pet2: {
        type: 'object',
        properties: {
          owner: { $ref: '#/components/schemas/person' },
          parent: { $ref: '#/components/schemas/Pet2' },
          friends: { type: 'array', items: { $ref: '#/components/schemas/Pet2' } },
        },
      },
    });
    expect(JSON.stringify(document)).not.toMatch(/\.yaml/);
  });

  it('renders security schemes of a Swagger 2.0 model under securityDefinitions', () => {
    const op = makeOperation();
    const model = makeModel([op], { specVersion: '2.0' });
    model.document = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/pets': { get: { responses: { '200': { description: 'ok' } } } } },
    };
    const { document } = renderOpenApi(
      model,
      makeDesign({ authorizers: { sigv4: { kind: 'iam' } }, defaultAuthorizer: 'sigv4' }),
    );
    expect(document.swagger).toBe('2.0');
    expect(document.components).toBeUndefined();
    expect(valueAt(document, '/securityDefinitions/sigv4/x-amazon-apigateway-authtype')).toBe(
      'awsSigv4',
    );
    expect(valueAt(document, '/paths/~1pets/get/security')).toEqual([{ sigv4: [] }]);
  });

  it('writes into nothing it shares with the model, however deep (the document may be frozen)', () => {
    const op = makeOperation({ method: 'get', path: '/pets' });
    const model = makeModel([op]);
    model.document.components = {
      responses: { Error: { description: 'An error', headers: { 'x-id': {} } } },
      securitySchemes: { key: { type: 'apiKey', name: 'x-key', in: 'header' } },
    };
    (valueAt(model.document, '/paths/~1pets') as JsonObject).get = {
      responses: {
        '200': { description: 'ok', headers: { 'x-trace': {} } },
        '404': { $ref: '#/components/responses/Error' },
      },
    };
    model.document['x-amazon-apigateway-request-validators'] = {
      mine: { validateRequestBody: true, validateRequestParameters: false },
    };
    model.document['x-amazon-apigateway-gateway-responses'] = {
      DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.x-a': "'b'" } },
    };
    const mock = (statusCode: number): OperationIntegration => ({
      kind: 'mock',
      response: { source: 'custom', statusCode, headers: { 'x-reason': 'r' } },
    });
    const design = makeDesign({
      operations: { 'GET /pets': { integration: mock(200), apiKeyRequired: true } },
      authorizers: { sigv4: { kind: 'iam' } },
      defaultAuthorizer: 'sigv4',
      cors: { enabled: true },
      requestValidation: { enabled: true },
      gatewayResponses: { DEFAULT_5XX: { statusCode: '500' } },
    });
    const expected = renderOpenApi(
      { ...model, document: structuredClone(model.document) },
      design,
    ).document;
    deepFreeze(model.document);
    expect(renderOpenApi(model, design).document).toEqual(expected);
    const notFound = makeDesign({ operations: { 'GET /pets': { integration: mock(404) } } });
    expect(renderOpenApi(model, notFound).document).toEqual(
      renderOpenApi({ ...model, document: structuredClone(model.document) }, notFound).document,
    );
  });

  it('reports a documented mock whose response is gone', () => {
    const model = makeModel([makeOperation()]);
    const { diagnostics } = renderOpenApi(
      model,
      makeDesign({
        operations: {
          'GET /pets': {
            integration: { kind: 'mock', response: { source: 'documented', status: '201' } },
          },
        },
      }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['validate.mock-response-missing']);
  });
});

describe('renderOpenApi properties', () => {
  const methods = [
    'get',
    'put',
    'post',
    'delete',
    'patch',
    'x-amazon-apigateway-any-method',
  ] as const;
  const operationArb = fc
    .record({
      segments: fc.array(
        fc.oneof(fc.stringMatching(/^[a-z]{1,5}$/), fc.stringMatching(/^\{[a-z]{1,4}\}$/)),
        { maxLength: 3 },
      ),
      method: fc.constantFrom(...methods),
    })
    .map(({ segments, method }) => makeOperation({ method, path: '/' + segments.join('/') }));
  const integrationArb: fc.Arbitrary<OperationIntegration | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.constant<OperationIntegration>({ kind: 'lambda', backend: 'fn' }),
    fc
      .record({
        statusCode: fc.integer({ min: 200, max: 599 }),
        body: fc.option(fc.json(), { nil: undefined }),
      })
      .map((r): OperationIntegration => ({ kind: 'mock', response: { source: 'custom', ...r } })),
    fc.boolean().map((proxy): OperationIntegration => ({ kind: 'http', backend: 'web', proxy })),
    fc.constant<OperationIntegration>({ kind: 'ecs-nlb', backend: 'svc' }),
    fc.constant<OperationIntegration>({
      kind: 'raw',
      integration: { type: 'AWS', uri: 'arn:aws:apigateway:eu-west-1:s3:path/b/k' },
    }),
  );
  const caseArb = fc
    .uniqueArray(operationArb, { selector: (op) => op.key, minLength: 1, maxLength: 8 })
    .chain((operations) => {
      const perOperation = { minLength: operations.length, maxLength: operations.length };
      return fc.tuple(
        fc.constant(operations),
        fc.array(integrationArb, perOperation),
        fc.array(fc.boolean(), perOperation),
        fc.boolean(),
      );
    })
    .map(([operations, integrations, existing, cors]) => {
      const model = makeModel(operations);
      operations.forEach((op, i) => {
        if (existing[i])
          (valueAt(model.document, op.pointer) as JsonObject)[INTEGRATION] = { type: 'MOCK' };
      });
      const entries: Array<[string, OperationDesign]> = [];
      operations.forEach((op, i) => {
        const integration = integrations[i];
        if (integration !== undefined) entries.push([op.key, { integration }]);
      });
      return {
        model,
        design: makeDesign({
          backends,
          operations: Object.fromEntries(entries),
          cors: { enabled: cors },
        }),
      };
    });

  it('is deterministic, never mutates the model, and gives exactly the integrated operations one integration', () => {
    fc.assert(
      fc.property(caseArb, ({ model, design }) => {
        const before = JSON.stringify(model.document);
        const first = renderOpenApi(model, design);
        expect(JSON.stringify(model.document)).toBe(before);
        expect(serializeOpenApi(renderOpenApi(model, design).document, 'yaml')).toBe(
          serializeOpenApi(first.document, 'yaml'),
        );
        for (const op of model.operations as Operation[]) {
          const rendered = valueAt(first.document, op.pointer);
          expect(isJsonObject(rendered)).toBe(true);
          const integration = design.operations[op.key]?.integration;
          expect(INTEGRATION in (rendered as JsonObject)).toBe(integration !== undefined);
          if (integration !== undefined)
            expect(isJsonObject((rendered as JsonObject)[INTEGRATION])).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Freezes every object in a JSON value, so a write into any of them throws. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
