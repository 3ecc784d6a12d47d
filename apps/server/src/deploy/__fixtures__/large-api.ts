import { newNodeFunction } from './shop-design';

/**
 * An API too big for the sandbox to take inline: `mockCount` documented mocks
 * whose examples make the template with the document inline over the
 * 1,000,000 bytes CloudFormation reads, plus an HTTP proxy (path parameter)
 * to `httpOrigin` and a new Node.js function. The OpenAPI text for core's
 * `importModel`, and the design file's JSON for `loadDesign`.
 */
export function largeApi(
  mockCount: number,
  httpOrigin: string,
): { modelText: string; design: Record<string, unknown> } {
  const paths: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const prose = 'A sentence long enough to weigh something in the template. '.repeat(60);
  for (let i = 0; i < mockCount; i += 1) {
    const path = `/catalog/items-${i}`;
    paths[path] = {
      get: {
        operationId: `getItems${i}`,
        responses: {
          '200': {
            description: 'The items',
            content: { 'application/json': { example: { page: i, about: prose } } },
          },
        },
      },
    };
    operations[`GET ${path}`] = {
      integration: { kind: 'mock', response: { source: 'documented', status: '200' } },
    };
  }
  paths['/stores/{storeId}'] = {
    get: {
      operationId: 'getStore',
      parameters: [{ name: 'storeId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'The store' } },
    },
  };
  operations['GET /stores/{storeId}'] = {
    integration: { kind: 'http', backend: 'stores', proxy: true, path: '/stores/{storeId}' },
  };
  paths['/greetings'] = {
    post: { operationId: 'greet', responses: { '200': { description: 'A greeting' } } },
  };
  operations['POST /greetings'] = { integration: { kind: 'lambda', backend: 'greeter' } };
  const modelText = JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Large catalog', version: '1' },
    paths,
  });
  const design = {
    formatVersion: 1,
    model: 'large.json',
    backends: {
      greeter: newNodeFunction(
        [
          'export const handler = async () => ({',
          '  statusCode: 200,',
          "  headers: { 'content-type': 'application/json' },",
          "  body: JSON.stringify({ greeting: 'Hello from S3' }),",
          '});',
          '',
        ].join('\n'),
      ),
      stores: { kind: 'http', baseUrl: httpOrigin },
    },
    operations,
    authorizers: {},
    cors: { enabled: false },
    requestValidation: { enabled: false },
    gatewayResponses: {},
    stage: { name: 'test' },
    layout: { nodes: {} },
  };
  return { modelText, design };
}
