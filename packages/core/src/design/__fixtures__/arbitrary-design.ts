/**
 * fast-check arbitraries for valid designs: every kind and union branch, optional
 * fields present or absent, keys and strings that stress escaping (`/`, `~`,
 * `__proto__`, lone surrogates).
 */
import fc from 'fast-check';
import type { JsonObject } from '../../json';
import type {
  Authorizer,
  Backend,
  DesignDocument,
  GatewayResponse,
  GatewayResponseType,
  IntegrationResponse,
  LambdaRuntime,
  OperationDesign,
  OperationIntegration,
} from '../types';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const key = fc.oneof(text, fc.constantFrom('__proto__', 'a/b', '~0', 'GET /pets/{petId}'));
const map = <T>(value: fc.Arbitrary<T>) => fc.dictionary(key, value, { maxKeys: 3 });
const strings = map(text);
const integer = fc.integer();
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n || 0);

const runtime = fc.constantFrom<LambdaRuntime>(
  'nodejs24.x',
  'nodejs22.x',
  'nodejs20.x',
  'nodejs18.x',
  'python3.14',
  'python3.9',
);

const backend: fc.Arbitrary<Backend> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('lambda' as const),
      label: text,
      function: fc.oneof(
        fc.record({
          source: fc.constant('new' as const),
          runtime,
          handler: text,
          memoryMiB: integer,
          timeoutSeconds: integer,
          code: text,
        }),
        fc.record({ source: fc.constant('existing' as const), functionArn: text }),
      ),
    },
    { requiredKeys: ['kind', 'function'] },
  ),
  fc.record(
    {
      kind: fc.constant('http' as const),
      label: text,
      baseUrl: text,
      insecureSkipVerification: fc.boolean(),
    },
    { requiredKeys: ['kind', 'baseUrl'] },
  ),
  fc.record(
    {
      kind: fc.constant('ecs-nlb' as const),
      label: text,
      service: fc.oneof(
        fc.record({ source: fc.constant('existing' as const), nlbDnsName: text, vpcLinkId: text }),
        fc.record({
          source: fc.constant('new' as const),
          image: text,
          containerPort: integer,
          cpu: integer,
          memoryMiB: integer,
          desiredCount: integer,
        }),
      ),
      sandboxUrl: text,
    },
    { requiredKeys: ['kind', 'service'] },
  ),
);

const statusCode = fc.integer({ min: 100, max: 599 });
const statusText = statusCode.map(String);

const contentHandling = fc.constantFrom('CONVERT_TO_BINARY' as const, 'CONVERT_TO_TEXT' as const);

const integrationResponse: fc.Arbitrary<IntegrationResponse> = fc.record(
  {
    statusCode: statusText,
    responseParameters: strings,
    responseTemplates: strings,
    contentHandling,
  },
  { requiredKeys: ['statusCode'] },
);

const rawIntegration = fc
  .json()
  .map((t) => JSON.parse(t) as unknown)
  .filter((v): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v));

/** The fields every integration that reaches a backend may carry (`IntegrationOptions`). */
const options = {
  contentHandling,
  cacheKeyParameters: fc.array(text, { maxLength: 2 }),
  cacheNamespace: text,
};

const integration: fc.Arbitrary<OperationIntegration> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('lambda' as const),
      backend: text,
      timeoutInMillis: integer,
      credentials: text,
      ...options,
    },
    { requiredKeys: ['kind', 'backend'] },
  ),
  fc.record({
    kind: fc.constant('mock' as const),
    response: fc.oneof(
      fc.record(
        { source: fc.constant('documented' as const), status: text, contentType: text },
        { requiredKeys: ['source', 'status'] },
      ),
      fc.record(
        {
          source: fc.constant('custom' as const),
          statusCode,
          body: text,
          contentType: text,
          headers: strings,
        },
        { requiredKeys: ['source', 'statusCode'] },
      ),
    ),
  }),
  fc.record(
    {
      kind: fc.constant('http' as const),
      backend: text,
      proxy: fc.boolean(),
      path: text,
      httpMethod: text,
      timeoutInMillis: integer,
      requestParameters: strings,
      requestTemplates: strings,
      passthroughBehavior: fc.constantFrom(
        'WHEN_NO_MATCH' as const,
        'WHEN_NO_TEMPLATES' as const,
        'NEVER' as const,
      ),
      responses: map(integrationResponse),
      ...options,
    },
    { requiredKeys: ['kind', 'backend', 'proxy'] },
  ),
  fc.record(
    {
      kind: fc.constant('ecs-nlb' as const),
      backend: text,
      path: text,
      httpMethod: text,
      timeoutInMillis: integer,
      requestParameters: strings,
      resourcePathHeader: fc.boolean(),
      ...options,
    },
    { requiredKeys: ['kind', 'backend'] },
  ),
  fc.record({ kind: fc.constant('raw' as const), integration: rawIntegration }),
);

const operation: fc.Arbitrary<OperationDesign> = fc.record(
  {
    integration,
    authorizer: text,
    authorizationScopes: fc.array(text, { maxLength: 2 }),
    apiKeyRequired: fc.boolean(),
  },
  { requiredKeys: [] },
);

const authorizer: fc.Arbitrary<Authorizer> = fc.oneof(
  fc.record({ kind: fc.constant('iam' as const) }),
  fc.record(
    {
      kind: fc.constant('cognito' as const),
      userPoolArns: fc.array(text, { maxLength: 2 }),
      identitySource: text,
    },
    { requiredKeys: ['kind', 'userPoolArns'] },
  ),
  fc.record(
    {
      kind: fc.constant('lambda' as const),
      type: fc.constantFrom('token' as const, 'request' as const),
      function: fc.oneof(fc.record({ backend: text }), fc.record({ functionArn: text })),
      identitySource: text,
      resultTtlInSeconds: integer,
    },
    { requiredKeys: ['kind', 'type', 'function'] },
  ),
);

const gatewayResponseTypes: GatewayResponseType[] = [
  'DEFAULT_4XX',
  'BAD_REQUEST_BODY',
  'INTEGRATION_TIMEOUT',
];
const gatewayResponse: fc.Arbitrary<GatewayResponse> = fc.record(
  { statusCode: statusText, responseParameters: strings, responseTemplates: strings },
  { requiredKeys: [] },
);

/** Any design the schema accepts (references between its parts need not resolve). */
export const arbitraryDesign: fc.Arbitrary<DesignDocument> = fc.record(
  {
    $schema: text,
    formatVersion: fc.constant(1 as const),
    model: text.filter((s) => s.length > 0),
    apiName: text.filter((s) => s.length > 0),
    backends: map(backend),
    operations: map(operation),
    authorizers: map(authorizer),
    defaultAuthorizer: text,
    apiKeySource: fc.constantFrom('HEADER' as const, 'AUTHORIZER' as const),
    cors: fc.record(
      {
        enabled: fc.boolean(),
        allowOrigins: fc.array(text, { maxLength: 2 }),
        allowHeaders: fc.array(text, { maxLength: 2 }),
        preflightStatusCode: statusCode,
        allowCredentials: fc.boolean(),
      },
      { requiredKeys: ['enabled'] },
    ),
    requestValidation: fc.record(
      {
        enabled: fc.boolean(),
        validateRequestBody: fc.boolean(),
        validateRequestParameters: fc.boolean(),
      },
      { requiredKeys: ['enabled'] },
    ),
    gatewayResponses: fc.record(
      Object.fromEntries(gatewayResponseTypes.map((t) => [t, gatewayResponse])),
      { requiredKeys: [] },
    ),
    stage: fc.record(
      {
        name: text.filter((s) => s.length > 0),
        tracingEnabled: fc.boolean(),
        throttlingRateLimit: fc
          .double({ min: 0, noNaN: true, noDefaultInfinity: true })
          .map((n) => n || 0),
        throttlingBurstLimit: fc.nat(),
      },
      { requiredKeys: ['name'] },
    ),
    layout: fc.record(
      {
        nodes: map(fc.record({ x: number, y: number })),
        groupBy: fc.constantFrom('tag' as const, 'path' as const),
        collapsedGroups: fc.array(text, { maxLength: 2 }),
      },
      { requiredKeys: ['nodes'] },
    ),
  },
  {
    requiredKeys: [
      'formatVersion',
      'model',
      'backends',
      'operations',
      'authorizers',
      'cors',
      'requestValidation',
      'gatewayResponses',
      'stage',
      'layout',
    ],
  },
);
