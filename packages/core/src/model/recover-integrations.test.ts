import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { loadDesign, serializeDesign } from '../design/load-design';
import { lambdaPermissions } from '../integrations/lambda-permissions';
import { renderOpenApi } from '../openapi/render-openapi';
import { importModel } from './import-model';
import { normaliseIntegration } from './integration-equivalence';
import { recoverDesign } from './recover-integrations';
import type { ApiModel } from './types';

const FIXTURES = new URL('../../test/fixtures/models/', import.meta.url);

async function model(text: string, file = 'api.yaml'): Promise<ApiModel> {
  const result = await importModel(text, { file });
  if (!result.model) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
}

const fixture = (name: string) => model(readFileSync(new URL(name, FIXTURES), 'utf8'), name);

/** A one-operation OpenAPI model whose GET /items/{id} carries `integration`. */
function withIntegration(integration: JsonValue, extra = ''): Promise<ApiModel> {
  return model(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: ${JSON.stringify(integration)}
${extra}`);
}

const reasons = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.code === 'model.integration-kept-raw').map((d) => d.message);

/** Each operation's rendered integration beside the one the model wrote. */
function renderedPairs(m: ApiModel, design: ReturnType<typeof recoverDesign>['design']) {
  const { document } = renderOpenApi(m, design);
  return m.operations
    .filter((op) => op.existingIntegration !== undefined)
    .map((op) => {
      const item = (document.paths as JsonObject)[op.path] as JsonObject;
      return {
        key: op.key,
        written: op.existingIntegration!,
        rendered: (item[op.method] as JsonObject)['x-amazon-apigateway-integration'] as JsonObject,
      };
    });
}

describe('recoverDesign on an API Gateway export', () => {
  it('recovers one backend per function, origin and NLB, and keeps the rest raw with the reason', async () => {
    const m = await fixture('apigw-export-petshop.yaml');
    const { design, diagnostics } = recoverDesign(m, 'apigw-export-petshop.yaml');
    expect(design.model).toBe('apigw-export-petshop.yaml');
    expect(design.backends).toEqual({
      petsHandler: {
        kind: 'lambda',
        function: {
          source: 'existing',
          functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:PetsHandler',
        },
      },
      legacy: { kind: 'http', baseUrl: 'https://legacy.example.com' },
      petsAdminLive: {
        kind: 'lambda',
        function: {
          source: 'existing',
          functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:PetsAdmin:live',
        },
      },
      ordersNlb0123456789: {
        kind: 'ecs-nlb',
        service: {
          source: 'existing',
          nlbDnsName: 'orders-nlb-0123456789.elb.eu-west-1.amazonaws.com',
          vpcLinkId: 'abc123',
        },
      },
    });
    const kinds = Object.fromEntries(
      Object.entries(design.operations).map(([key, o]) => [key, o.integration?.kind]),
    );
    expect(kinds).toEqual({
      'GET /pets': 'lambda',
      'POST /pets': 'lambda',
      'OPTIONS /pets': 'mock',
      'GET /pets/{petId}': 'http',
      'DELETE /pets/{petId}': 'lambda',
      'PUT /pets/{petId}/photos': 'http',
      'GET /orders/{orderId}': 'ecs-nlb',
      'DELETE /orders/{orderId}': 'ecs-nlb',
      'GET /health': 'mock',
      'GET /files/{key}': 'raw',
      'X-AMAZON-APIGATEWAY-ANY-METHOD /proxy/{proxy+}': 'raw',
    });
    expect(design.operations['POST /pets']!.integration).toEqual({
      kind: 'lambda',
      backend: 'petsHandler',
      timeoutInMillis: 10000,
    });
    expect(design.operations['GET /health']!.integration).toEqual({
      kind: 'mock',
      response: {
        source: 'custom',
        statusCode: 200,
        body: '{"status": "ok"}',
        headers: { 'Cache-Control': 'no-store' },
      },
    });
    expect(design.operations['GET /pets/{petId}']!.integration).toEqual({
      kind: 'http',
      backend: 'legacy',
      proxy: true,
      path: '/v1/pets/{petId}',
      timeoutInMillis: 29000,
    });
    // Written without the x-resource-path header the other VPC-link integration has.
    expect(design.operations['DELETE /orders/{orderId}']!.integration).toEqual({
      kind: 'ecs-nlb',
      backend: 'ordersNlb0123456789',
      resourcePathHeader: false,
    });
    expect(design.operations['GET /orders/{orderId}']!.integration).toEqual({
      kind: 'ecs-nlb',
      backend: 'ordersNlb0123456789',
      timeoutInMillis: 29000,
    });
    expect(reasons(diagnostics)).toEqual([
      expect.stringMatching(/GET \/files\/\{key\}.*AWS service integration/),
      expect.stringMatching(/proxy\+\}.*stage variable '\$\{stageVariables\.upstream\}'/),
    ]);
    const kept = diagnostics.find((d) => d.code === 'model.integration-kept-raw')!;
    expect(kept.location).toEqual({
      file: 'apigw-export-petshop.yaml',
      pointer: '/paths/~1files~1{key}/get/x-amazon-apigateway-integration',
      line: 170,
      column: 7,
      operation: 'GET /files/{key}',
    });
    expect(diagnostics.filter((d) => d.code === 'model.integration-recovered')).toHaveLength(9);
  });

  it('keeps a raw integration exactly as written', async () => {
    const m = await fixture('apigw-export-petshop.yaml');
    const { design } = recoverDesign(m, 'x');
    const files = m.operations.find((o) => o.key === 'GET /files/{key}')!;
    expect(design.operations[files.key]!.integration).toEqual({
      kind: 'raw',
      integration: files.existingIntegration,
    });
  });

  it('recovers authorizers, the default, per-operation access and the default request validator', async () => {
    const { design, diagnostics } = recoverDesign(await fixture('apigw-export-petshop.yaml'), 'x');
    expect(diagnostics.filter((d) => d.code === 'model.security-kept')).toEqual([]);
    expect(design.authorizers).toEqual({
      cognito: {
        kind: 'cognito',
        userPoolArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123'],
      },
      iam: { kind: 'iam' },
      tokenAuth: {
        kind: 'lambda',
        type: 'token',
        function: { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:Authorizer' },
        identitySource: 'method.request.header.X-Token',
        resultTtlInSeconds: 60,
      },
    });
    expect(design.defaultAuthorizer).toBe('cognito');
    const access = (key: string) => {
      const { integration: _, ...rest } = design.operations[key]!;
      return rest;
    };
    expect(access('GET /pets')).toEqual({ authorizationScopes: ['pets/read'] });
    expect(access('OPTIONS /pets')).toEqual({ authorizer: 'NONE' });
    expect(access('DELETE /pets/{petId}')).toEqual({ authorizer: 'iam' });
    expect(access('GET /health')).toEqual({ authorizer: 'tokenAuth', apiKeyRequired: true });
    expect(design.requestValidation).toEqual({ enabled: true, validateRequestBody: false });
    expect(design.cors.enabled).toBe(false);
  });

  it('renders back every integration it read, and the same effective security', async () => {
    const m = await fixture('apigw-export-petshop.yaml');
    const { design } = recoverDesign(m, 'x');
    for (const { key, written, rendered } of renderedPairs(m, design)) {
      expect(normaliseIntegration(rendered), key).toEqual(normaliseIntegration(written));
      if (design.operations[key]!.integration!.kind === 'raw')
        expect(rendered, key).toEqual(written);
    }
    const { document } = renderOpenApi(m, design);
    for (const op of m.operations) {
      const item = ((document.paths as JsonObject)[op.path] as JsonObject)[op.method] as JsonObject;
      expect(item.security ?? document.security, op.key).toEqual(
        op.security ?? m.document.security,
      );
    }
  });
});

describe('recoverDesign, kind by kind', () => {
  const lambdaUri = (uriRegion: string, fnRegion: string, name = 'Fn', account = '123456789012') =>
    `arn:aws:apigateway:${uriRegion}:lambda:path/2015-03-31/functions/arn:aws:lambda:${fnRegion}:${account}:function:${name}/invocations`;

  it('gives functions with the same name in different accounts different backend ids', async () => {
    const m = await model(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a: {get: {responses: {}, x-amazon-apigateway-integration: {type: AWS_PROXY, httpMethod: POST, uri: "${lambdaUri('us-east-1', 'us-east-1', 'Fn', '111111111111')}"}}}
  /b: {get: {responses: {}, x-amazon-apigateway-integration: {type: AWS_PROXY, httpMethod: POST, uri: "${lambdaUri('us-east-1', 'us-east-1', 'Fn', '222222222222')}"}}}
`);
    const { design } = recoverDesign(m, 'x');
    expect(Object.keys(design.backends)).toEqual(['fn', 'fn2']);
    expect(design.operations['GET /b']!.integration).toEqual({ kind: 'lambda', backend: 'fn2' });
  });

  it.each([
    [
      'a Lambda URI through another region',
      { type: 'AWS_PROXY', httpMethod: 'POST', uri: lambdaUri('us-east-1', 'eu-west-1') },
      /calls through us-east-1 a function in eu-west-1/,
    ],
    [
      'a proxy to something not Lambda',
      {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:states:action/StartExecution',
      },
      /not a Lambda function invocation URI/,
    ],
    [
      'a Lambda proxy whose content handling API Gateway does not know',
      {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: lambdaUri('us-east-1', 'us-east-1'),
        contentHandling: 'CONVERT_TO_JSON',
      },
      /render differently in 'contentHandling'/,
    ],
    [
      'a Lambda proxy whose cache keys are not a list of names',
      {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: lambdaUri('us-east-1', 'us-east-1'),
        cacheKeyParameters: 'method.request.path.id',
      },
      /render differently in 'cacheKeyParameters'/,
    ],
    [
      'a Lambda proxy whose responses map more than a status',
      {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: lambdaUri('us-east-1', 'us-east-1'),
        responses: {
          default: { statusCode: '200', responseTemplates: { 'application/json': '{}' } },
        },
      },
      /render differently in 'responses'/,
    ],
    [
      'a CloudFormation function',
      {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/x' },
      },
      /'uri' is the CloudFormation function Fn::Sub/,
    ],
    [
      'a template placeholder',
      { type: 'AWS_PROXY', httpMethod: 'POST', uri: '${lambda_uri}' },
      /'uri' holds the placeholder '\$\{lambda_uri\}'/,
    ],
    [
      'an HTTP API integration',
      { type: 'AWS_PROXY', payloadFormatVersion: '2.0', uri: lambdaUri('us-east-1', 'us-east-1') },
      /HTTP API \(v2\)/,
    ],
    [
      'a mock whose template does more than pick a status',
      { type: 'MOCK', requestTemplates: { 'application/json': '#if($x){"statusCode": 200}#end' } },
      /do not all just pick one status code/,
    ],
    [
      'a mock with a VTL body',
      {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        responses: {
          default: {
            statusCode: '200',
            responseTemplates: { 'application/json': '#set($a = 1)$a' },
          },
        },
      },
      /render differently in 'responses'/,
    ],
    [
      'a mock mapping a header from the request',
      {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
        responses: {
          default: {
            statusCode: '200',
            responseParameters: { 'method.response.header.X': 'method.request.header.X' },
          },
        },
      },
      /not a fixed header value/,
    ],
    [
      'an HTTP integration without an http URL',
      { type: 'HTTP_PROXY', httpMethod: 'GET', uri: 'ftp://x/y' },
      /not an http\(s\) URL/,
    ],
    [
      'an unknown connection type',
      { type: 'HTTP_PROXY', httpMethod: 'GET', uri: 'https://x/y', connectionType: 'PRIVATE' },
      /neither INTERNET nor VPC_LINK/,
    ],
    ['an unknown type', { type: 'SOAP' }, /type 'SOAP' is not one of/],
  ])('keeps %s raw', async (_, integration, reason) => {
    const { design, diagnostics } = recoverDesign(await withIntegration(integration), 'x');
    expect(design.operations['GET /items/{id}']!.integration).toEqual({ kind: 'raw', integration });
    expect(reasons(diagnostics)).toEqual([expect.stringMatching(reason)]);
    expect(design.backends).toEqual({});
  });

  it.each([
    [
      'a Lambda proxy',
      {
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: lambdaUri('us-east-1', 'us-east-1'),
        timeoutInMillis: 5000,
      },
      { kind: 'lambda', backend: 'fn', timeoutInMillis: 5000 },
    ],
    [
      // The shape of AWS's documented console export, plus what exports of
      // Lambda proxies usually carry: contentHandling CONVERT_TO_TEXT.
      'a console-exported Lambda proxy',
      {
        responses: { default: { statusCode: '200' } },
        uri: lambdaUri('us-east-1', 'us-east-1'),
        passthroughBehavior: 'when_no_match',
        httpMethod: 'POST',
        contentHandling: 'CONVERT_TO_TEXT',
        cacheNamespace: 'roq9wj',
        cacheKeyParameters: ['method.request.path.id'],
        type: 'aws_proxy',
      },
      {
        kind: 'lambda',
        backend: 'fn',
        contentHandling: 'CONVERT_TO_TEXT',
        cacheNamespace: 'roq9wj',
        cacheKeyParameters: ['method.request.path.id'],
      },
    ],
    [
      'a Lambda proxy invoked through a role',
      {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: lambdaUri('us-east-1', 'us-east-1'),
        credentials: 'arn:aws:iam::123456789012:role/r',
        contentHandling: 'convert_to_binary',
        cacheKeyParameters: [],
      },
      {
        kind: 'lambda',
        backend: 'fn',
        credentials: 'arn:aws:iam::123456789012:role/r',
        contentHandling: 'CONVERT_TO_BINARY',
        cacheKeyParameters: [],
      },
    ],
    [
      'a VPC-link proxy without the x-resource-path header',
      {
        type: 'HTTP_PROXY',
        httpMethod: 'GET',
        uri: 'http://nlb-1.elb.us-east-1.amazonaws.com/items/{id}',
        connectionType: 'VPC_LINK',
        connectionId: 'vl1',
        requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
        contentHandling: 'CONVERT_TO_TEXT',
      },
      {
        kind: 'ecs-nlb',
        backend: 'nlb1',
        resourcePathHeader: false,
        contentHandling: 'CONVERT_TO_TEXT',
      },
    ],
    [
      'a VPC-link proxy that sends another resource path',
      {
        type: 'HTTP_PROXY',
        httpMethod: 'GET',
        uri: 'http://nlb-1.elb.us-east-1.amazonaws.com/items/{id}',
        connectionType: 'VPC_LINK',
        connectionId: 'vl1',
        requestParameters: {
          'integration.request.header.x-resource-path': "'/v2/items/{id}'",
          'integration.request.path.id': 'method.request.path.id',
        },
      },
      {
        kind: 'ecs-nlb',
        backend: 'nlb1',
        requestParameters: {
          'integration.request.header.x-resource-path': "'/v2/items/{id}'",
          'integration.request.path.id': 'method.request.path.id',
        },
      },
    ],
    [
      "an HTTP proxy with cache settings and the console's leftover response",
      {
        type: 'HTTP_PROXY',
        httpMethod: 'GET',
        uri: 'https://x.example.com/items/{id}',
        requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
        responses: { default: { statusCode: '200' } },
        cacheNamespace: 'abc',
        cacheKeyParameters: ['method.request.path.id'],
      },
      {
        kind: 'http',
        backend: 'x',
        proxy: true,
        cacheNamespace: 'abc',
        cacheKeyParameters: ['method.request.path.id'],
      },
    ],
    [
      'a mock with a body holding #',
      {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 201}' },
        responses: {
          default: { statusCode: '201', responseTemplates: { 'text/plain': '#[[# made]]#' } },
        },
      },
      {
        kind: 'mock',
        response: { source: 'custom', statusCode: 201, body: '# made', contentType: 'text/plain' },
      },
    ],
    [
      'a non-proxy HTTP integration with lower-case enums',
      {
        type: 'http',
        httpMethod: 'get',
        uri: 'https://x.example.com/items/{id}',
        passthroughBehavior: 'when_no_templates',
        responses: { default: { statusCode: '200', contentHandling: 'convert_to_text' } },
      },
      {
        kind: 'http',
        backend: 'x',
        proxy: false,
        requestParameters: {},
        passthroughBehavior: 'WHEN_NO_TEMPLATES',
        responses: { default: { statusCode: '200', contentHandling: 'CONVERT_TO_TEXT' } },
      },
    ],
    [
      'an HTTP proxy on the same path',
      {
        type: 'HTTP_PROXY',
        httpMethod: 'GET',
        uri: 'https://api.example.com/items/{id}',
        requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
      },
      { kind: 'http', backend: 'apiExample', proxy: true },
    ],
    [
      'an HTTP proxy that maps none of its URI parameters',
      { type: 'HTTP_PROXY', httpMethod: 'PUT', uri: 'https://x.example.com:8443/v2/{id}' },
      {
        kind: 'http',
        backend: 'x',
        proxy: true,
        path: '/v2/{id}',
        httpMethod: 'PUT',
        requestParameters: {},
      },
    ],
  ])('recovers %s so that it renders back', async (_, integration, recovered) => {
    const m = await withIntegration(integration);
    const { design, diagnostics } = recoverDesign(m, 'x');
    expect(design.operations['GET /items/{id}']!.integration).toEqual(recovered);
    expect(reasons(diagnostics)).toEqual([]);
    const [pair] = renderedPairs(m, design);
    expect(normaliseIntegration(pair!.rendered)).toEqual(normaliseIntegration(pair!.written));
  });

  it('grants no permission to a function the export invokes through a role', async () => {
    const m = await withIntegration({
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      uri: lambdaUri('us-east-1', 'us-east-1'),
      credentials: 'arn:aws:iam::123456789012:role/r',
    });
    const { design } = recoverDesign(m, 'x');
    expect(design.operations['GET /items/{id}']!.integration!.kind).toBe('lambda');
    expect(lambdaPermissions(m, design)).toEqual([]);
  });

  it('keeps insecure TLS on the HTTP backend', async () => {
    const { design } = recoverDesign(
      await withIntegration({
        type: 'HTTP_PROXY',
        httpMethod: 'GET',
        uri: 'https://x.example.com/items/{id}',
        tlsConfig: { insecureSkipVerification: true },
      }),
      'x',
    );
    expect(Object.values(design.backends)).toEqual([
      { kind: 'http', baseUrl: 'https://x.example.com', insecureSkipVerification: true },
    ]);
  });
});

describe('recoverDesign: security, all or nothing', () => {
  it('recovers no authorizer when one scheme in use cannot be expressed, and says why once', async () => {
    const m = await model(`openapi: 3.0.3
info: {title: t, version: "1"}
security: [{sam: []}]
paths:
  /a: {get: {responses: {}}}
  /b: {get: {responses: {}, security: [{iam: []}]}}
components:
  securitySchemes:
    iam: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
    sam:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer: {type: token, authorizerUri: {Fn::Sub: "arn:x"}}
`);
    const { design, diagnostics } = recoverDesign(m, 'x');
    expect(design.authorizers).toEqual({});
    expect(design.defaultAuthorizer).toBeUndefined();
    expect(design.operations).toEqual({});
    expect(diagnostics).toMatchObject([
      { code: 'model.security-kept', location: { pointer: '/security', line: 3 } },
    ]);
    expect(diagnostics[0]!.message).toMatch(
      /scheme 'sam' cannot be recovered \(its authorizerUri is not a plain Lambda invocation URI\) \(first at the document security\)/,
    );
  });

  it.each([
    ['alternatives', '[{iam: []}, {key: []}]', /alternative requirements/],
    ['two authorizers at once', '[{iam: [], cog: []}]', /two authorizers at once/],
    ['a scheme nobody defines', '[{nobody: []}]', /'nobody', which no security scheme defines/],
    ['scopes on IAM', '[{iam: [read]}]', /scopes to 'iam'/],
  ])('keeps security with %s as written', async (_, security, reason) => {
    const m = await model(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a: {get: {responses: {}, security: ${security}}}
components:
  securitySchemes:
    iam: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
    key: {type: apiKey, name: x-api-key, in: header}
    cog: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authorizer: {type: cognito_user_pools, providerARNs: ["arn:aws:cognito-idp:us-east-1:1:userpool/p"]}}
`);
    const { design, diagnostics } = recoverDesign(m, 'x');
    expect(design.authorizers).toEqual({});
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(reason)]);
  });

  it('recovers an API key required by the document for every operation that inherits it', async () => {
    const { design, diagnostics } = recoverDesign(
      await fixture('apigw-importer-legacy-apigateway.json'),
      'x',
    );
    expect(diagnostics.filter((d) => d.code === 'model.security-kept')).toEqual([]);
    expect(Object.values(design.operations).map((o) => o.apiKeyRequired)).toEqual([true, true]);
  });

  it('turns request validation off when the model names no default validator', async () => {
    const { design } = recoverDesign(await withIntegration({ type: 'MOCK' }), 'x');
    expect(design.requestValidation).toEqual({ enabled: false });
  });
});

describe('recoverDesign on real exports (copied fixtures)', () => {
  it.each([
    'awsdocs-apigw-reqvalidators-petstore-swagger2.json',
    'apigw-importer-legacy-apigateway.json',
  ])('%s renders back every integration', async (name) => {
    const m = await fixture(name);
    const { design } = recoverDesign(m, name);
    const pairs = renderedPairs(m, design);
    expect(pairs.length).toBeGreaterThan(0);
    for (const { key, written, rendered } of pairs)
      expect(normaliseIntegration(rendered), key).toEqual(normaliseIntegration(written));
    expect(Object.values(design.operations).some((o) => o.integration?.kind === 'http')).toBe(true);
  });

  it('reads the non-proxy HTTP integration with its templates, responses and path', async () => {
    const { design } = recoverDesign(
      await fixture('awsdocs-apigw-reqvalidators-petstore-swagger2.json'),
      'x',
    );
    const post = design.operations['POST /validation']!.integration!;
    expect(post).toMatchObject({
      kind: 'http',
      backend: 'petstoreDemoEndpoint',
      proxy: false,
      path: '/petstore/pets',
      requestParameters: { 'integration.request.header.custom_h1': 'method.request.header.h1' },
    });
    expect(isJsonObject((post as { responses?: JsonValue }).responses ?? null)).toBe(true);
  });
});

describe('recoverDesign leaves the model alone', () => {
  it('shares no object with the model document', async () => {
    const m = await fixture('apigw-export-petshop.yaml');
    const before = JSON.stringify(m.document);
    const { design } = recoverDesign(m, 'x');
    for (const entry of Object.values(design.operations)) {
      const integration = entry.integration as unknown as JsonObject;
      for (const value of Object.values(integration)) if (isJsonObject(value)) value.touched = true;
    }
    expect(JSON.stringify(m.document)).toBe(before);
  });
});

describe('recovered designs are valid design files', () => {
  it.each([
    'apigw-export-petshop.yaml',
    'awsdocs-apigw-reqvalidators-petstore-swagger2.json',
    'apigw-importer-legacy-apigateway.json',
  ])('%s', async (name) => {
    const { design } = recoverDesign(await fixture(name), name);
    const loaded = loadDesign(serializeDesign(design), 'design.json');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.design).toEqual(design);
  });
});
