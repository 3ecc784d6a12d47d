import { compareCodeUnits } from '../cdk/identifiers';
import type { Diagnostic } from '../diagnostics';
import { designFileFor } from '../design/load-design';
import type { DesignDocument } from '../design/types';
import type { ApiModel, TextPosition } from '../model/types';
import { createRuleContext, type Rule } from './context';
import { apigwOpenApi31 } from './rules/apigw-openapi31';
import { apigwPaths } from './rules/apigw-paths';
import { apigwSchemas } from './rules/apigw-schemas';
import { apigwSecuritySchemes } from './rules/apigw-security-schemes';
import { authorizerIdentitySources } from './rules/authorizer-identity-sources';
import { cloudFormationFunctions } from './rules/cloudformation-functions';
import { corsSettings } from './rules/cors-settings';
import { identifiers } from './rules/identifiers';
import { integrationCoverage } from './rules/integration-coverage';
import { integrationCredentials } from './rules/integration-credentials';
import { lambdaFunctions } from './rules/lambda-functions';
import { mocks } from './rules/mocks';
import { pathParameters } from './rules/path-parameters';
import { references } from './rules/references';
import { statusCodes } from './rules/status-codes';
import { templateSize } from './rules/template-size';
import { timeouts } from './rules/timeouts';
import { urlsAndArns } from './rules/urls-and-arns';

/** Every rule `validate` runs; each is independent of the others. */
const RULES: readonly Rule[] = [
  integrationCoverage,
  references,
  mocks,
  statusCodes,
  urlsAndArns,
  timeouts,
  lambdaFunctions,
  pathParameters,
  apigwPaths,
  apigwSchemas,
  apigwSecuritySchemes,
  apigwOpenApi31,
  templateSize,
  cloudFormationFunctions,
  identifiers,
  authorizerIdentitySources,
  corsSettings,
  integrationCredentials,
];

/** Where design findings point, for a caller that read the design from a file. */
export interface ValidateOptions {
  /**
   * The design file's name in locations.
   * @default the design file named after the model (`designFileFor(model.file)`); none without a model file
   */
  designFile?: string;
  /**
   * The line and column of a pointer into the design file's text, such as
   * `locateInDesignText(text)`.
   * @default none: design findings carry no line or column
   */
  locateInDesign?: (pointer: string) => TextPosition | undefined;
}

/**
 * Checks a design against its model: every operation integrated, every name
 * resolving, settings AWS accepts, and what API Gateway refuses or ignores on
 * import. Model findings carry the model's file and line; design findings
 * the design file (`options`) and, when it can be located, their line.
 * Findings are sorted by file, line, pointer, operation, then code, so the
 * same inputs always give the same list.
 */
export function validate(
  model: ApiModel,
  design: DesignDocument,
  options: ValidateOptions = {},
): Diagnostic[] {
  const designFile =
    options.designFile ?? (model.file === undefined ? undefined : designFileFor(model.file));
  const context = createRuleContext(model, design, designFile, options.locateInDesign);
  return RULES.flatMap((rule) => rule(context)).sort(compareFindings);
}

/** Locale-independent, total order over findings. */
export function compareFindings(a: Diagnostic, b: Diagnostic): number {
  const x = a.location;
  const y = b.location;
  return (
    compareCodeUnits(x.file ?? '', y.file ?? '') ||
    (x.line ?? Infinity) - (y.line ?? Infinity) ||
    (x.column ?? 0) - (y.column ?? 0) ||
    compareCodeUnits(x.pointer ?? '', y.pointer ?? '') ||
    compareCodeUnits(x.operation ?? '', y.operation ?? '') ||
    compareCodeUnits(a.code, b.code) ||
    compareCodeUnits(a.message, b.message)
  );
}
