/**
 * A design with every kind, every union branch and every optional field set:
 * the fixture that keeps `design.schema.json` and `types.ts` in step.
 * `Complete<DesignDocument>` makes each optional field required here, so a field
 * added to the types must be added here, and then the schema must accept it;
 * `full.json` is this design as `serializeDesign` writes it.
 */
import type { DesignDocument, GatewayResponse, GatewayResponseType } from '../types';

/** Every field of every object required, through arrays and unions. */
export type Complete<T> = T extends readonly (infer U)[]
  ? Complete<U>[]
  : T extends object
    ? { [K in keyof T]-?: Complete<T[K]> }
    : T;

const gatewayResponse = (statusCode: string): Complete<GatewayResponse> => ({
  statusCode,
  responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
  responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
});

const gatewayResponses: Complete<Record<GatewayResponseType, GatewayResponse>> = {
  DEFAULT_4XX: gatewayResponse('400'),
  DEFAULT_5XX: gatewayResponse('500'),
  BAD_REQUEST_BODY: gatewayResponse('400'),
  BAD_REQUEST_PARAMETERS: gatewayResponse('400'),
  UNAUTHORIZED: gatewayResponse('401'),
  ACCESS_DENIED: gatewayResponse('403'),
  MISSING_AUTHENTICATION_TOKEN: gatewayResponse('403'),
  RESOURCE_NOT_FOUND: gatewayResponse('404'),
  THROTTLED: gatewayResponse('429'),
  INTEGRATION_FAILURE: gatewayResponse('504'),
  INTEGRATION_TIMEOUT: gatewayResponse('504'),
};

export const fullDesign = {
  $schema: 'https://gatewright.dev/schemas/design-v1.json',
  formatVersion: 1,
  model: 'openapi.yaml',
  apiName: 'Pet Store',
  backends: {
    petsFn: {
      kind: 'lambda',
      label: 'Pets function',
      function: {
        source: 'new',
        runtime: 'nodejs24.x',
        handler: 'index.handler',
        memoryMiB: 512,
        timeoutSeconds: 20,
        code: 'export const handler = async () => ({ statusCode: 200, body: "{}" });\n',
      },
    },
    authFn: {
      kind: 'lambda',
      label: 'Existing authorizer',
      function: {
        source: 'existing',
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:authorize:live',
      },
    },
    legacy: {
      kind: 'http',
      label: 'Legacy service',
      baseUrl: 'https://legacy.example.com/v1',
      insecureSkipVerification: true,
    },
    orders: {
      kind: 'ecs-nlb',
      label: 'Orders service',
      service: {
        source: 'new',
        image: 'public.ecr.aws/nginx/nginx:latest',
        containerPort: 8080,
        cpu: 512,
        memoryMiB: 1024,
        desiredCount: 2,
      },
      sandboxUrl: 'http://127.0.0.1:8080',
    },
    stock: {
      kind: 'ecs-nlb',
      label: 'Stock service',
      service: {
        source: 'existing',
        nlbDnsName: 'stock-nlb-123.elb.eu-west-1.amazonaws.com',
        vpcLinkId: 'abc123',
      },
      sandboxUrl: 'http://127.0.0.1:8081',
    },
  },
  operations: {
    'GET /pets': {
      integration: {
        kind: 'lambda',
        backend: 'petsFn',
        timeoutInMillis: 10000,
        credentials: 'arn:aws:iam::123456789012:role/ApiGatewayInvokePets',
        contentHandling: 'CONVERT_TO_TEXT',
        cacheKeyParameters: ['method.request.querystring.limit'],
        cacheNamespace: 'pets',
      },
      authorizer: 'users',
      authorizationScopes: ['pets/read'],
      apiKeyRequired: true,
    },
    'POST /pets': {
      integration: {
        kind: 'mock',
        response: { source: 'documented', status: '201', contentType: 'application/json' },
      },
      authorizer: 'NONE',
      authorizationScopes: [],
      apiKeyRequired: false,
    },
    'GET /pets/{petId}': {
      integration: {
        kind: 'mock',
        response: {
          source: 'custom',
          statusCode: 418,
          body: '{"teapot": true}',
          contentType: 'application/json',
          headers: { 'X-Mock': 'yes' },
        },
      },
      authorizer: 'sigv4',
      authorizationScopes: [],
      apiKeyRequired: false,
    },
    'GET /legacy/{id}': {
      integration: {
        kind: 'http',
        backend: 'legacy',
        proxy: false,
        path: '/items/{id}',
        httpMethod: 'POST',
        timeoutInMillis: 5000,
        requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
        requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
        passthroughBehavior: 'NEVER',
        responses: {
          default: {
            statusCode: '200',
            responseParameters: { 'method.response.header.X-Source': "'legacy'" },
            responseTemplates: { 'application/json': '$input.body' },
            contentHandling: 'CONVERT_TO_TEXT',
          },
        },
        contentHandling: 'CONVERT_TO_BINARY',
        cacheKeyParameters: ['method.request.path.id'],
        cacheNamespace: 'legacy',
      },
      authorizer: 'tokens',
      authorizationScopes: [],
      apiKeyRequired: false,
    },
    'GET /orders/{orderId}': {
      integration: {
        kind: 'ecs-nlb',
        backend: 'orders',
        path: '/orders/{orderId}',
        httpMethod: 'GET',
        timeoutInMillis: 29000,
        requestParameters: { 'integration.request.path.orderId': 'method.request.path.orderId' },
        resourcePathHeader: false,
        contentHandling: 'CONVERT_TO_TEXT',
        cacheKeyParameters: [],
        cacheNamespace: 'orders',
      },
      authorizer: 'requests',
      authorizationScopes: [],
      apiKeyRequired: false,
    },
    'GET /store/inventory': {
      integration: {
        kind: 'raw',
        integration: {
          type: 'AWS',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:eu-west-1:dynamodb:action/Scan',
        },
      },
      authorizer: 'NONE',
      authorizationScopes: [],
      apiKeyRequired: false,
    },
  },
  authorizers: {
    sigv4: { kind: 'iam' },
    users: {
      kind: 'cognito',
      userPoolArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'],
      identitySource: 'method.request.header.Authorization',
    },
    tokens: {
      kind: 'lambda',
      type: 'token',
      function: { backend: 'authFn' },
      identitySource: 'method.request.header.Authorization',
      resultTtlInSeconds: 60,
    },
    requests: {
      kind: 'lambda',
      type: 'request',
      function: { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:check' },
      identitySource: 'method.request.header.X-Api-Token',
      resultTtlInSeconds: 0,
    },
  },
  defaultAuthorizer: 'sigv4',
  apiKeySource: 'HEADER',
  cors: {
    enabled: true,
    allowOrigins: ['https://app.example.com'],
    allowHeaders: ['Content-Type', 'Authorization'],
    preflightStatusCode: 200,
    allowCredentials: true,
  },
  requestValidation: { enabled: true, validateRequestBody: true, validateRequestParameters: false },
  gatewayResponses,
  stage: {
    name: 'prod',
    tracingEnabled: true,
    throttlingRateLimit: 50.5,
    throttlingBurstLimit: 100,
  },
  layout: {
    nodes: { 'op:GET /pets': { x: 0, y: 60 }, 'backend:petsFn': { x: 480, y: 60 } },
    groupBy: 'path',
    collapsedGroups: ['store'],
  },
} satisfies Complete<DesignDocument>;
