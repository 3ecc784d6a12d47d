import type { DesignDocument } from '../design/types';
import type { ApiModel } from '../model/types';
import { integrationPermissions } from './index';
import { renderContext } from './render-context';
import type { PermissionPlan } from './types';

/** Source ARN suffix that covers every stage, method and path of the API. */
const API_WIDE = '*/*';
/** Source ARN suffix that covers every authorizer of the API. */
const AUTHORIZERS = 'authorizers/*';

/**
 * The `lambda:InvokeFunction` grants API Gateway needs, in a stable order
 * (by target, then suffix):
 * - a function serving one operation gets one permission for that operation
 *   (`*\/GET/pets/*`);
 * - a function serving more than one gets ONE API-wide permission (`*\/*`):
 *   each permission is a statement in the function's resource policy, which is
 *   capped at 20 KB, and one statement per operation overflows it past about
 *   50 operations (a failure reported against Type Safe API);
 * - each Lambda authorizer's function gets one for `authorizers/*`.
 * Operations wired to a backend that is missing or not a Lambda get nothing
 * (`validate` reports them), and so do integrations with `credentials`: API
 * Gateway invokes those as the role or caller, whose own policy must allow it.
 */
export function lambdaPermissions(model: ApiModel, design: DesignDocument): PermissionPlan[] {
  const context = renderContext(model, design, () => undefined);
  const byTarget = new Map<string, PermissionPlan[]>();
  for (const operation of model.operations) {
    const integration = design.operations[operation.key]?.integration;
    if (integration === undefined) continue;
    for (const plan of integrationPermissions(operation, integration, context)) {
      const key = targetKey(plan.target);
      byTarget.set(key, [...(byTarget.get(key) ?? []), plan]);
    }
  }
  const plans: PermissionPlan[] = [];
  for (const grants of byTarget.values()) {
    plans.push(grants.length > 1 ? { ...grants[0]!, sourceArnSuffix: API_WIDE } : grants[0]!);
  }
  for (const authorizer of Object.values(design.authorizers)) {
    if (authorizer.kind !== 'lambda') continue;
    const target =
      'backend' in authorizer.function
        ? { backend: authorizer.function.backend }
        : { functionArn: authorizer.function.functionArn };
    plans.push({ kind: 'lambda-invoke', target, sourceArnSuffix: AUTHORIZERS });
  }
  return dedupe(plans).sort(comparePlans);
}

function targetKey(target: PermissionPlan['target']): string {
  return 'backend' in target ? `backend:${target.backend}` : `arn:${target.functionArn}`;
}

function dedupe(plans: PermissionPlan[]): PermissionPlan[] {
  const seen = new Map<string, PermissionPlan>();
  for (const plan of plans) seen.set(`${targetKey(plan.target)} ${plan.sourceArnSuffix}`, plan);
  return [...seen.values()];
}

function comparePlans(a: PermissionPlan, b: PermissionPlan): number {
  const byTarget = compare(targetKey(a.target), targetKey(b.target));
  return byTarget !== 0 ? byTarget : compare(a.sourceArnSuffix, b.sourceArnSuffix);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
