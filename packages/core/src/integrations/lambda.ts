import type { LambdaIntegration } from '../design/types';
import type { JsonObject } from '../json';
import { lambdaInvocationUri, logicalId, placeholder } from '../references';
import { integrationOptionFields } from './integration-options';
import type { IntegrationModule, PermissionPlan, RenderContext } from './types';

/**
 * `AWS_PROXY` to a Lambda function. Lambda is always invoked with `POST`,
 * whatever the operation's method. With `credentials`, API Gateway invokes the
 * function as that role (or as the caller), whose own IAM policy must allow
 * it, so no resource-based permission is asked for.
 */
export const lambdaIntegration: IntegrationModule<LambdaIntegration> = {
  kind: 'lambda',
  render(_operation, integration, context) {
    const rendered: JsonObject = {
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      passthroughBehavior: 'WHEN_NO_MATCH',
      uri: lambdaInvocationUri(functionArn(integration.backend, context)),
    };
    if (integration.timeoutInMillis !== undefined)
      rendered.timeoutInMillis = integration.timeoutInMillis;
    if (integration.credentials !== undefined) rendered.credentials = integration.credentials;
    return { ...rendered, ...integrationOptionFields(integration) };
  },
  permissions(operation, integration, context) {
    if (integration.credentials !== undefined) return [];
    if (context.backend(integration.backend)?.kind !== 'lambda') return [];
    return [
      {
        kind: 'lambda-invoke',
        target: { backend: integration.backend },
        sourceArnSuffix: operationSourceArnSuffix(operation.method, operation.path),
      },
    ];
  },
};

/**
 * The ARN of a Lambda backend: an existing function's own ARN, or the
 * placeholder for the function the stack creates. A missing backend renders as
 * a new one; `validate` reports it.
 */
export function functionArn(backendId: string, context: Pick<RenderContext, 'backend'>): string {
  const backend = context.backend(backendId);
  if (backend?.kind === 'lambda' && backend.function.source === 'existing')
    return backend.function.functionArn;
  return placeholder(logicalId(backendId, 'Function'), 'Arn');
}

/**
 * The `execute-api` source ARN suffix for one operation: any stage, the method
 * (`*` for any-method), the path with each parameter as `*`: `*\/GET/pets/*`.
 */
export function operationSourceArnSuffix(
  method: string,
  path: string,
): PermissionPlan['sourceArnSuffix'] {
  const verb = method === 'x-amazon-apigateway-any-method' ? '*' : method.toUpperCase();
  return `*/${verb}${path.replace(/\{[^}]+\}/g, '*')}`;
}
