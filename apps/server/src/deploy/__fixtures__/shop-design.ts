/**
 * The design of `shop.yaml`: a documented mock, a new Node.js function with
 * inline code, an HTTP proxy and an ECS/NLB service whose sandbox URL is a
 * local server. The two servers' origins are the test's. As the design file's
 * JSON, for core's `loadDesign` to check and complete.
 */
export function shopDesign(httpOrigin: string, serviceOrigin: string): Record<string, unknown> {
  return {
    formatVersion: 1,
    model: 'shop.yaml',
    backends: {
      greeter: newNodeFunction(
        [
          'export const handler = async (event) => {',
          "  const { name } = JSON.parse(event.body || '{}');",
          '  return {',
          '    statusCode: 200,',
          "    headers: { 'content-type': 'application/json' },",
          '    body: JSON.stringify({ greeting: `Hello, ${name}!` }),',
          '  };',
          '};',
          '',
        ].join('\n'),
      ),
      stores: { kind: 'http', baseUrl: httpOrigin },
      stock: {
        kind: 'ecs-nlb',
        service: {
          source: 'existing',
          nlbDnsName: 'stock-nlb-123.elb.us-east-1.amazonaws.com',
          vpcLinkId: 'abc123',
        },
        sandboxUrl: serviceOrigin,
      },
    },
    operations: {
      'GET /pets/{petId}': {
        integration: { kind: 'mock', response: { source: 'documented', status: '200' } },
      },
      'POST /greetings': { integration: { kind: 'lambda', backend: 'greeter' } },
      'GET /stores/{storeId}': {
        integration: { kind: 'http', backend: 'stores', proxy: true, path: '/stores/{storeId}' },
      },
      'GET /inventory/{sku}': {
        integration: { kind: 'ecs-nlb', backend: 'stock', path: '/stock/{sku}' },
      },
    },
    authorizers: {},
    cors: { enabled: false },
    requestValidation: { enabled: false },
    gatewayResponses: {},
    stage: { name: 'test' },
    layout: { nodes: {} },
  };
}

/** A new Node.js Lambda backend with its inline code, as the deploy tests' designs have them. */
export function newNodeFunction(code: string): Record<string, unknown> {
  return {
    kind: 'lambda',
    function: {
      source: 'new',
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      memoryMiB: 128,
      timeoutSeconds: 10,
      code,
    },
  };
}
