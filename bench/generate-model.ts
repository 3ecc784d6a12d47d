import type { DesignDocument, OperationIntegration } from '@gatewright/core';
import { emptyDesign } from '@gatewright/core';

/**
 * A synthetic model of `operationCount` operations (four per path, with path and
 * query parameters, a request body and documented responses with examples) and
 * a design that uses every integration kind in turn.
 */
export function generateModel(operationCount: number): { text: string; design: DesignDocument } {
  const paths: Record<string, unknown> = {};
  const design = emptyDesign('generated.json');
  design.backends = {
    newFn: {
      kind: 'lambda',
      function: {
        source: 'new',
        runtime: 'nodejs24.x',
        handler: 'index.handler',
        memoryMiB: 256,
        timeoutSeconds: 29,
        code: 'export const handler = async () => ({ statusCode: 200, body: "{}" });\n',
      },
    },
    existingFn: {
      kind: 'lambda',
      function: {
        source: 'existing',
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:existing',
      },
    },
    web: { kind: 'http', baseUrl: 'https://backend.example.com/v1' },
    nlb: {
      kind: 'ecs-nlb',
      service: {
        source: 'existing',
        nlbDnsName: 'svc-123.elb.eu-west-1.amazonaws.com',
        vpcLinkId: 'abc123',
      },
    },
    fargate: {
      kind: 'ecs-nlb',
      service: {
        source: 'new',
        image: 'public.ecr.aws/nginx/nginx:latest',
        containerPort: 80,
        cpu: 256,
        memoryMiB: 512,
        desiredCount: 1,
      },
    },
  };
  const kinds: ((path: string) => OperationIntegration)[] = [
    () => ({ kind: 'lambda', backend: 'newFn' }),
    () => ({ kind: 'lambda', backend: 'existingFn' }),
    () => ({ kind: 'mock', response: { source: 'documented', status: '200' } }),
    () => ({ kind: 'mock', response: { source: 'custom', statusCode: 201, body: '{"ok":true}' } }),
    () => ({ kind: 'http', backend: 'web', proxy: true }),
    () => ({
      kind: 'http',
      backend: 'web',
      proxy: false,
      requestTemplates: { 'application/json': '$input.json("$")' },
    }),
    () => ({ kind: 'ecs-nlb', backend: 'nlb' }),
    () => ({ kind: 'ecs-nlb', backend: 'fargate' }),
    (path) => ({
      kind: 'raw',
      integration: {
        type: 'AWS',
        httpMethod: 'POST',
        uri: `arn:aws:apigateway:eu-west-1:sqs:path/123456789012/queue${path.length}`,
      },
    }),
  ];
  const methods = ['get', 'put', 'post', 'delete'] as const;
  for (let i = 0; i < operationCount; i++) {
    const path = `/group${Math.floor(i / 40)}/resource${Math.floor(i / 4)}/{id}`;
    const method = methods[i % 4]!;
    const item = (paths[path] ??= {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    }) as Record<string, unknown>;
    item[method] = {
      operationId: `op${i}`,
      tags: [`group${Math.floor(i / 40)}`],
      summary: `Operation ${i}`,
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      ],
      ...(method === 'get' || method === 'delete'
        ? {}
        : {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
            },
          }),
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Item' },
              example: { id: `item-${i}`, name: 'Name', count: i },
            },
          },
        },
        '404': {
          description: 'Not found',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    design.operations[`${method.toUpperCase()} ${path}`] = {
      integration: kinds[i % kinds.length]!(path),
    };
  }
  const document = {
    openapi: '3.0.3',
    info: { title: 'Generated', version: '1.0.0' },
    paths,
    components: {
      schemas: {
        Item: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            count: { type: 'integer' },
          },
        },
        Error: {
          type: 'object',
          properties: { code: { type: 'integer' }, message: { type: 'string' } },
        },
      },
    },
  };
  return { text: JSON.stringify(document, null, 2), design };
}
