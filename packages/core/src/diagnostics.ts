/**
 * Findings about the user's input. Core never throws for bad input: every problem
 * becomes a Diagnostic with a code from the catalogue below and a location a
 * person can click (file, line, JSON pointer, operation).
 */

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points. Every field is optional; give all that are known. */
export interface SourceLocation {
  /** The file the finding is in, as the caller named it (model or design file). */
  file?: string;
  /** RFC 6901 JSON pointer into that file's document, e.g. `/paths/~1pets/get`. */
  pointer?: string;
  /** 1-based line in the file's text. */
  line?: number;
  /** 1-based column in the file's text. */
  column?: number;
  /** The operation concerned, as its key (`GET /pets/{petId}`). */
  operation?: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  location: SourceLocation;
}

/**
 * The one catalogue of finding codes, with each code's severity. Grouped by the
 * part of core that raises them. Add a code here before raising it.
 */
export const DIAGNOSTIC_CATALOGUE = {
  // model/ — reading the API model
  'model.syntax': { severity: 'error', summary: 'The model text is not valid YAML or JSON.' },
  'model.unreadable': {
    severity: 'error',
    summary: 'The model file could not be read (missing, a folder, no permission).',
  },
  'model.not-an-api': {
    severity: 'error',
    summary: 'The document is not an OpenAPI 3.x or Swagger 2.0 description.',
  },
  'model.unsupported-version': {
    severity: 'error',
    summary: 'The OpenAPI/Swagger version is not one Gatewright reads.',
  },
  'model.schema': {
    severity: 'warning',
    summary: 'The document does not follow the OpenAPI/Swagger schema.',
  },
  'model.duplicate-operation-id': {
    severity: 'error',
    summary: 'Two operations share an operationId.',
  },
  'model.unresolved-ref': { severity: 'error', summary: 'A $ref points at nothing.' },
  'model.external-ref': { severity: 'error', summary: 'An external $ref could not be read.' },
  'model.circular-ref': {
    severity: 'info',
    summary: 'A $ref cycle was found and left as a reference.',
  },
  'model.cloudformation-function': {
    severity: 'warning',
    summary: 'A value is a CloudFormation function (Fn::Sub, Ref, ...), not plain data.',
  },
  'model.template-placeholder': {
    severity: 'warning',
    summary: 'A value holds a ${...} template placeholder.',
  },
  'model.http-api': {
    severity: 'warning',
    summary: 'The document is an API Gateway HTTP API (v2) body, not a REST API.',
  },
  'model.integration-kept-raw': {
    severity: 'info',
    summary: 'An existing integration of a kind Gatewright does not model is kept as written.',
  },
  'model.integration-recovered': {
    severity: 'info',
    summary: 'An existing integration was recovered into the design.',
  },
  'model.security-kept': {
    severity: 'info',
    summary: "The model's security could not be recovered into the design and is kept as written.",
  },

  // design/ — reading the design file
  'design.syntax': { severity: 'error', summary: 'The design file is not valid JSON.' },
  'design.missing': {
    severity: 'error',
    summary: 'The model has no design file yet.',
  },
  'design.schema': {
    severity: 'error',
    summary: 'The design file does not follow the design schema.',
  },
  'design.unknown-field': {
    severity: 'error',
    summary: 'The design file has a field the schema does not know.',
  },
  'design.version-too-new': {
    severity: 'error',
    summary: 'The design file was written by a newer Gatewright.',
  },
  'design.version-unsupported': {
    severity: 'error',
    summary: 'The design file format version is not supported.',
  },
  // workspace — a design's files on disk, as the server finds them
  'workspace.shared-design-file': {
    severity: 'error',
    summary: 'Two model files in one folder share a stem, and so one design file.',
  },
  'workspace.design-file-unreadable': {
    severity: 'error',
    summary: 'The design file could not be read (a folder, no permission).',
  },

  // render/ — turning model + design into outputs
  'render.openapi31-downgraded': {
    severity: 'info',
    summary: 'An OpenAPI 3.1 construct was rewritten to its 3.0 form.',
  },
  'render.openapi31-dropped': {
    severity: 'warning',
    summary: 'An OpenAPI 3.1 construct has no 3.0 form and was dropped.',
  },
  'render.openapi31-dangling-ref': {
    severity: 'error',
    summary: 'A $ref points into an OpenAPI 3.1 construct the 3.0 rendering drops.',
  },
  'render.cdk-unresolved-placeholder': {
    severity: 'error',
    summary: 'The rendered document refers to a resource the CDK app does not create.',
  },
  'render.openapi-schema': {
    severity: 'warning',
    summary: 'The rendered document does not follow the official OpenAPI/Swagger schema.',
  },
  'render.cdk-template-too-large': {
    severity: 'error',
    summary: 'The document is too large for the CDK app to inline in its CloudFormation template.',
  },
  'render.cfn-unresolved-placeholder': {
    severity: 'error',
    summary:
      'The rendered document refers to a resource the CloudFormation template does not create.',
  },
  'render.cfn-sandbox-url-missing': {
    severity: 'error',
    summary:
      'An ECS/NLB backend used by an operation has no sandbox URL, and the sandbox runs no containers.',
  },
  'render.cfn-new-service-unsupported': {
    severity: 'error',
    summary: 'The CloudFormation template does not create new Fargate services; the CDK app does.',
  },
  'render.cfn-code-not-inline': {
    severity: 'warning',
    summary: "A new function's code does not fit inline in the template and is deployed from S3.",
  },
  'render.cfn-function-in-s3-body': {
    severity: 'error',
    summary:
      'A document read from S3 holds a CloudFormation function, which nothing evaluates there.',
  },
  'render.cfn-s3-body-needs-environment': {
    severity: 'error',
    summary: 'A document read from S3 needs the partition, region and account written in.',
  },
  'render.cfn-template-too-large': {
    severity: 'error',
    summary: 'The template is over the 1,000,000 bytes CloudFormation reads from S3.',
  },
  'render.cfn-model-function': {
    severity: 'warning',
    summary:
      'The inline document holds a CloudFormation function from the model, which CloudFormation will evaluate.',
  },

  // validate/ — rules over model + design
  'validate.operation-not-integrated': {
    severity: 'error',
    summary: 'An operation has no integration.',
  },
  'validate.unknown-operation': {
    severity: 'error',
    summary: 'The design wires an operation the model does not have.',
  },
  'validate.unknown-backend': {
    severity: 'error',
    summary: 'An integration names a backend that does not exist.',
  },
  'validate.backend-kind-mismatch': {
    severity: 'error',
    summary: 'An integration names a backend of another kind.',
  },
  'validate.unknown-authorizer': {
    severity: 'error',
    summary: 'An operation or the default names an authorizer that does not exist.',
  },
  'validate.mock-status-undocumented': {
    severity: 'warning',
    summary: 'A mock answers with a status the operation does not document.',
  },
  'validate.mock-response-missing': {
    severity: 'error',
    summary: 'A typed mock names a response the operation does not document.',
  },
  'validate.invalid-url': {
    severity: 'error',
    summary: 'An HTTP or VPC-link URL is not a valid http(s) URL.',
  },
  'validate.invalid-arn': {
    severity: 'error',
    summary: 'An ARN is not well-formed for what it names.',
  },
  'validate.invalid-vpc-link-id': {
    severity: 'error',
    summary: 'A VPC link id is not an API Gateway VPC link id.',
  },
  'validate.invalid-dns-name': {
    severity: 'error',
    summary: 'A load balancer DNS name is not a valid host name.',
  },
  'validate.invalid-status-code': {
    severity: 'error',
    summary: 'An HTTP status code is outside 100..599.',
  },
  'validate.timeout-out-of-range': {
    severity: 'error',
    summary: 'An integration timeout is outside 50..29000 ms.',
  },
  'validate.unknown-path-parameter': {
    severity: 'error',
    summary: 'A mapping names a path parameter the operation does not have.',
  },
  'validate.unmapped-path-parameter': {
    severity: 'warning',
    summary: 'A URL template parameter is not mapped from the request.',
  },
  'validate.deprecated-runtime': {
    severity: 'warning',
    summary: 'A Lambda runtime is deprecated.',
  },
  'validate.lambda-settings': {
    severity: 'error',
    summary: 'A Lambda memory or timeout setting is out of range.',
  },
  'validate.identifier-collision': {
    severity: 'error',
    summary: 'Two things map to the same emitted identifier.',
  },
  'validate.apigw-unsupported-method': {
    severity: 'error',
    summary: 'API Gateway does not accept this HTTP method.',
  },
  'validate.apigw-invalid-path': {
    severity: 'error',
    summary: 'API Gateway does not accept this path segment.',
  },
  'validate.apigw-unsupported-schema': {
    severity: 'warning',
    summary: 'API Gateway does not support this schema construct in models.',
  },
  'validate.apigw-ignored-schema': {
    severity: 'info',
    summary: 'API Gateway ignores this schema keyword.',
  },
  'validate.apigw-security-scheme': {
    severity: 'warning',
    summary: 'API Gateway accepts only apiKey security schemes with its extensions.',
  },
  'validate.apigw-template-too-large': {
    severity: 'error',
    summary: 'A mapping template is over 300 KB.',
  },
  'validate.apigw-openapi31': {
    severity: 'info',
    summary: 'API Gateway does not import OpenAPI 3.1; the document is rendered as 3.0.',
  },
  'validate.authorizer-identity-source': {
    severity: 'error',
    summary: "A Lambda authorizer's identity source is not one API Gateway accepts for its type.",
  },
  'validate.cors-credentials-wildcard': {
    severity: 'warning',
    summary: 'CORS allows credentials with the * origin, which browsers refuse.',
  },
  'validate.cors-multiple-origins': {
    severity: 'warning',
    summary: 'CORS lists several origins, but the static CORS headers can name only one.',
  },
  'validate.invalid-credentials': {
    severity: 'error',
    summary: "An integration's credentials are not an IAM role ARN or the caller's identity.",
  },
  'validate.cloudformation-function': {
    severity: 'warning',
    summary: 'A CloudFormation function in the model will not survive export.',
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOGUE;

/** Builds a finding with the catalogue's severity unless one is given. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  location: SourceLocation,
  severity: Severity = DIAGNOSTIC_CATALOGUE[code].severity,
): Diagnostic {
  return { code, severity, message, location };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
