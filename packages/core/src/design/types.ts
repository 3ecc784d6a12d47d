import type { JsonObject } from '../json';
import type { OperationKey } from '../model/types';

/**
 * The design document: everything about an API that is not its model. Stored as
 * JSON beside the model (`<model>.gatewright.json`) and described by
 * `design.schema.json`; docs in `docs/design-format.md`.
 */
export const DESIGN_FORMAT_VERSION = 1;

export type BackendId = string;
export type AuthorizerId = string;

export interface DesignDocument {
  /** Points editors at the schema; kept as written. */
  $schema?: string;
  formatVersion: typeof DESIGN_FORMAT_VERSION;
  /** The model file, relative to the design file. */
  model: string;
  /** The API's name in AWS. @default the model's `info.title` */
  apiName?: string;
  backends: Record<BackendId, Backend>;
  /** What serves each operation, keyed by operation key (`GET /pets/{petId}`). */
  operations: Record<OperationKey, OperationDesign>;
  authorizers: Record<AuthorizerId, Authorizer>;
  /** Authorizer for operations that do not name one. @default none (open) */
  defaultAuthorizer?: AuthorizerId;
  /** Where API Gateway reads API keys, when any operation requires one. @default 'HEADER' */
  apiKeySource?: 'HEADER' | 'AUTHORIZER';
  cors: CorsSettings;
  requestValidation: RequestValidationSettings;
  gatewayResponses: Partial<Record<GatewayResponseType, GatewayResponse>>;
  stage: StageSettings;
  layout: CanvasLayout;
}

// ---------------------------------------------------------------- backends

export type Backend = LambdaBackend | HttpBackend | EcsNlbBackend;
export type BackendKind = Backend['kind'];

/** Runtimes offered for new functions; see `validate` for deprecation warnings. */
export type LambdaRuntime =
  | 'nodejs24.x'
  | 'nodejs22.x'
  | 'nodejs20.x'
  | 'nodejs18.x'
  | 'python3.14'
  | 'python3.13'
  | 'python3.12'
  | 'python3.11'
  | 'python3.10'
  | 'python3.9';

export interface NewLambdaFunction {
  source: 'new';
  /** @default 'nodejs24.x' */
  runtime: LambdaRuntime;
  /** `file.export`, e.g. `index.handler`. */
  handler: string;
  /** 128..10240. @default 256 */
  memoryMiB: number;
  /** 1..900; API Gateway still stops waiting after the integration timeout. @default 29 */
  timeoutSeconds: number;
  /** Inline starter code for the handler file. */
  code: string;
}

export interface ExistingLambdaFunction {
  source: 'existing';
  /** `arn:aws:lambda:region:account:function:name[:alias]`. */
  functionArn: string;
}

export interface LambdaBackend {
  kind: 'lambda';
  /** Shown on the canvas. @default the backend id */
  label?: string;
  function: NewLambdaFunction | ExistingLambdaFunction;
}

export interface HttpBackend {
  kind: 'http';
  label?: string;
  /** Scheme, host and optional base path: `https://backend.example.com/v1`. */
  baseUrl: string;
  /** @default false */
  insecureSkipVerification?: boolean;
}

export interface ExistingNlb {
  source: 'existing';
  /** The NLB's DNS name, e.g. `my-nlb-123.elb.eu-west-1.amazonaws.com`. */
  nlbDnsName: string;
  /** The REST API VPC link id, e.g. `abc123`. */
  vpcLinkId: string;
}

export interface NewFargateService {
  source: 'new';
  /** Container image, e.g. `public.ecr.aws/nginx/nginx:latest`. */
  image: string;
  /** @default 80 */
  containerPort: number;
  /** Fargate CPU units. @default 256 */
  cpu: number;
  /** @default 512 */
  memoryMiB: number;
  /** @default 1 */
  desiredCount: number;
}

export interface EcsNlbBackend {
  kind: 'ecs-nlb';
  label?: string;
  service: ExistingNlb | NewFargateService;
  /**
   * Where the sandbox sends this backend's traffic instead (no containers run
   * there), e.g. `http://127.0.0.1:8080`.
   */
  sandboxUrl?: string;
}

// ---------------------------------------------------------------- per operation

export interface OperationDesign {
  integration?: OperationIntegration;
  /**
   * The authorizer for this operation: an authorizer id, `'NONE'` for an open
   * operation, or absent to use the design's default.
   */
  authorizer?: AuthorizerId | 'NONE';
  /** OAuth scopes, for Cognito authorizers. */
  authorizationScopes?: string[];
  /** @default false */
  apiKeyRequired?: boolean;
}

export type OperationIntegration =
  LambdaIntegration | MockIntegration | HttpIntegration | EcsNlbIntegration | RawIntegration;
export type IntegrationKind = OperationIntegration['kind'];

/** How API Gateway converts a payload between binary and text. */
export type ContentHandling = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

/**
 * Integration settings API Gateway takes on any integration that reaches a
 * backend, under its own names; each is rendered only when set.
 */
export interface IntegrationOptions {
  /**
   * Converts the request body between binary and text before it reaches the
   * backend. Console exports of Lambda proxy integrations carry
   * `CONVERT_TO_TEXT`. @default none: the body passes through as it came
   */
  contentHandling?: ContentHandling;
  /**
   * Method request parameters (`method.request.path.id`) whose values key the
   * stage cache. @default none
   */
  cacheKeyParameters?: string[];
  /** Groups cached parameters of related methods. @default none (API Gateway uses the resource id) */
  cacheNamespace?: string;
}

/** `AWS_PROXY` to a Lambda backend. */
export interface LambdaIntegration extends IntegrationOptions {
  kind: 'lambda';
  backend: BackendId;
  /** @default 29000 */
  timeoutInMillis?: number;
  /**
   * An IAM role ARN API Gateway assumes to invoke the function, or
   * `arn:aws:iam::*:user/*` to invoke it as the caller. Either way the
   * identity's own policy must allow `lambda:InvokeFunction` (and a role must
   * trust `apigateway.amazonaws.com`); Gatewright creates neither the role nor
   * its policy, and grants no resource-based permission on the function.
   * @default none: API Gateway invokes the function under a resource-based
   * permission Gatewright grants
   */
  credentials?: string;
}

export type MockResponse =
  /** One of the operation's documented responses, with its example or one made from its schema. */
  | { source: 'documented'; status: string; contentType?: string }
  /** Any status and body. */
  | {
      source: 'custom';
      statusCode: number;
      body?: string;
      contentType?: string;
      headers?: Record<string, string>;
    };

export interface MockIntegration {
  kind: 'mock';
  response: MockResponse;
}

/** Path/query/header mappings: `integration.request.path.id` -> `method.request.path.id` or a `'literal'`. */
export type RequestParameters = Record<string, string>;

export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';

export interface IntegrationResponse {
  statusCode: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
  contentHandling?: ContentHandling;
}

export interface HttpIntegration extends IntegrationOptions {
  kind: 'http';
  backend: BackendId;
  /** `HTTP_PROXY` when true, `HTTP` with templates when false. @default true */
  proxy: boolean;
  /** Appended to the backend's base URL; `{param}` placeholders allowed. @default the operation's path */
  path?: string;
  /** @default the operation's method */
  httpMethod?: string;
  /** @default 29000 */
  timeoutInMillis?: number;
  /** @default every path parameter mapped to itself */
  requestParameters?: RequestParameters;
  /** Non-proxy only. */
  requestTemplates?: Record<string, string>;
  /** Non-proxy only. @default 'WHEN_NO_MATCH' */
  passthroughBehavior?: PassthroughBehavior;
  /** Non-proxy only, keyed by a regex over the backend status (`default`, `4\\d{2}`). */
  responses?: Record<string, IntegrationResponse>;
}

/** `HTTP_PROXY` over a VPC link to an NLB (the ECS service behind it). */
export interface EcsNlbIntegration extends IntegrationOptions {
  kind: 'ecs-nlb';
  backend: BackendId;
  /** @default the operation's path */
  path?: string;
  /** @default the operation's method */
  httpMethod?: string;
  /** @default 29000 */
  timeoutInMillis?: number;
  /** @default every path parameter mapped to itself */
  requestParameters?: RequestParameters;
  /**
   * Send the service the operation's path as the model writes it in an
   * `x-resource-path` header (Type Safe API's example), so one service can
   * route many operations; `false` for a service that routes by the request
   * path alone. A mapping of that header in `requestParameters` wins.
   * @default true
   */
  resourcePathHeader?: boolean;
}

/** An integration from the model that Gatewright does not model; rendered exactly as kept. */
export interface RawIntegration {
  kind: 'raw';
  integration: JsonObject;
}

// ---------------------------------------------------------------- around the integrations

export type Authorizer = IamAuthorizer | CognitoAuthorizer | LambdaAuthorizer;

export interface IamAuthorizer {
  kind: 'iam';
}

export interface CognitoAuthorizer {
  kind: 'cognito';
  /** User pool ARNs. */
  userPoolArns: string[];
  /** @default 'method.request.header.Authorization' */
  identitySource?: string;
}

export interface LambdaAuthorizer {
  kind: 'lambda';
  type: 'token' | 'request';
  /** A Lambda backend of this design, or an existing function ARN. */
  function: { backend: BackendId } | { functionArn: string };
  /** @default 'method.request.header.Authorization' */
  identitySource?: string;
  /** @default 300 */
  resultTtlInSeconds?: number;
}

export interface CorsSettings {
  enabled: boolean;
  /** @default ['*'] */
  allowOrigins?: string[];
  /** @default the headers API Gateway needs plus every header parameter of the API */
  allowHeaders?: string[];
  /** @default 204 */
  preflightStatusCode?: number;
  /** @default false */
  allowCredentials?: boolean;
}

export interface RequestValidationSettings {
  /** @default true */
  enabled: boolean;
  /** @default true */
  validateRequestBody?: boolean;
  /** @default true */
  validateRequestParameters?: boolean;
}

export type GatewayResponseType =
  | 'DEFAULT_4XX'
  | 'DEFAULT_5XX'
  | 'BAD_REQUEST_BODY'
  | 'BAD_REQUEST_PARAMETERS'
  | 'UNAUTHORIZED'
  | 'ACCESS_DENIED'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'RESOURCE_NOT_FOUND'
  | 'THROTTLED'
  | 'INTEGRATION_FAILURE'
  | 'INTEGRATION_TIMEOUT';

export interface GatewayResponse {
  statusCode?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string>;
}

export interface StageSettings {
  /** @default 'dev' */
  name: string;
  /** @default false */
  tracingEnabled?: boolean;
  throttlingRateLimit?: number;
  throttlingBurstLimit?: number;
}

export interface CanvasLayout {
  /** Node positions by node id (`op:GET /pets`, `backend:petsFn`). */
  nodes: Record<string, { x: number; y: number }>;
  /** @default 'tag' */
  groupBy?: 'tag' | 'path';
  collapsedGroups?: string[];
}
