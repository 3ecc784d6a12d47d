/**
 * Values unknown until deploy (function ARNs, VPC link ids, the region) appear in
 * rendered documents as CloudFormation `Fn::Sub` placeholders: `${AWS::Region}`,
 * `${PetsHandlerFunction.Arn}`. The CloudFormation renderer wraps exactly the
 * strings that hold them in `Fn::Sub`; the CDK app substitutes tokens for them.
 * Every placeholder is made here, so their grammar has one home.
 */
import type { DesignDocument } from './design/types';

export const PSEUDO = {
  partition: '${AWS::Partition}',
  region: '${AWS::Region}',
  accountId: '${AWS::AccountId}',
} as const;

/** Placeholder: `${Name}` (a Ref) or `${Name.Attr}` (a GetAtt). */
export function placeholder(logicalId: string, attribute?: string): string {
  return attribute === undefined
    ? '${' + logicalId + '}'
    : '${' + logicalId + '.' + attribute + '}';
}

/** Matches every placeholder this module makes; group 1 is the name, group 2 the attribute. */
export const PLACEHOLDER_PATTERN =
  /\$\{(AWS::[A-Za-z]+|[A-Za-z][A-Za-z0-9]*)(?:\.([A-Za-z][A-Za-z0-9.]*))?\}/g;

/**
 * A CloudFormation logical id for a design element: alphanumeric, PascalCase,
 * with a kind suffix (`petsHandler` + `Function` -> `PetsHandlerFunction`).
 * Distinct ids can collide after cleaning; `validate` reports that.
 */
export function logicalId(id: string, suffix: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  const safe = /^[A-Za-z]/.test(pascal) ? pascal : 'X' + pascal;
  return safe + suffix;
}

/** The Lambda invocation URI API Gateway calls for a function ARN (itself maybe a placeholder). */
export function lambdaInvocationUri(functionArn: string): string {
  return `arn:${PSEUDO.partition}:apigateway:${PSEUDO.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/**
 * The names this design's placeholders can use for its backends (function,
 * NLB, VPC link), including backends an integration or authorizer names but
 * the design lacks: a renderer resolves these and reports any other name.
 */
export function designPlaceholderNames(design: DesignDocument): Set<string> {
  const ids = new Set(Object.keys(design.backends));
  for (const op of Object.values(design.operations)) {
    const integration = op.integration;
    if (integration && 'backend' in integration) ids.add(integration.backend);
  }
  for (const authorizer of Object.values(design.authorizers)) {
    if (authorizer.kind === 'lambda' && 'backend' in authorizer.function)
      ids.add(authorizer.function.backend);
  }
  return new Set(
    [...ids].flatMap((id) => ['Function', 'Nlb', 'VpcLink'].map((suffix) => logicalId(id, suffix))),
  );
}
