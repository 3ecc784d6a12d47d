import type { Diagnostic } from '../diagnostics';
import type { Backend, DesignDocument, OperationIntegration } from '../design/types';
import type { JsonObject } from '../json';
import type { ApiModel, Operation } from '../model/types';

/**
 * What one integration kind knows: how it renders onto an operation, and what
 * API Gateway must be granted to call it (Type Safe API's render/grant split).
 * One module per kind under `integrations/`; `integrations/index.ts` picks the
 * module with an exhaustive switch.
 */
export interface IntegrationModule<I extends OperationIntegration> {
  kind: I['kind'];
  /** The `x-amazon-apigateway-integration` object for this operation. Pure. */
  render(operation: Operation, integration: I, context: RenderContext): JsonObject;
  /** Grants this integration needs; empty when none. */
  permissions(operation: Operation, integration: I, context: RenderContext): PermissionPlan[];
}

export interface RenderContext {
  model: ApiModel;
  design: DesignDocument;
  /** The backend an integration names; undefined when it does not exist (validate reports that). */
  backend(id: string): Backend | undefined;
  /** Findings raised while rendering (e.g. a typed mock whose response is gone). */
  report(diagnostic: Diagnostic): void;
}

/**
 * A grant API Gateway needs, as data. Rendered into `AWS::Lambda::Permission`
 * (CloudFormation) or `fn.addPermission` / `grantInvoke` (CDK).
 */
export interface PermissionPlan {
  kind: 'lambda-invoke';
  /** The Lambda backend, or an existing function's ARN. */
  target: { backend: string } | { functionArn: string };
  /**
   * `execute-api` source ARN relative to the API: `*\/GET/pets/*` for one
   * operation, `*\/*` when one function serves many (see `lambdaPermissions`).
   */
  sourceArnSuffix: string;
}
