import type { OperationIntegration } from '../design/types';
import type { JsonObject } from '../json';
import type { Operation } from '../model/types';
import { ecsNlbIntegration } from './ecs-nlb';
import { httpIntegration } from './http';
import { lambdaIntegration } from './lambda';
import { mockIntegration } from './mock';
import { rawIntegration } from './raw';
import type { PermissionPlan, RenderContext } from './types';

/** The `x-amazon-apigateway-integration` object for an operation, by the module of the integration's kind. */
export function renderIntegration(
  operation: Operation,
  integration: OperationIntegration,
  context: RenderContext,
): JsonObject {
  switch (integration.kind) {
    case 'lambda':
      return lambdaIntegration.render(operation, integration, context);
    case 'mock':
      return mockIntegration.render(operation, integration, context);
    case 'http':
      return httpIntegration.render(operation, integration, context);
    case 'ecs-nlb':
      return ecsNlbIntegration.render(operation, integration, context);
    case 'raw':
      return rawIntegration.render(operation, integration, context);
    default:
      return assertNever(integration);
  }
}

/** What API Gateway must be granted to call an operation's integration. */
export function integrationPermissions(
  operation: Operation,
  integration: OperationIntegration,
  context: RenderContext,
): PermissionPlan[] {
  switch (integration.kind) {
    case 'lambda':
      return lambdaIntegration.permissions(operation, integration, context);
    case 'mock':
      return mockIntegration.permissions(operation, integration, context);
    case 'http':
      return httpIntegration.permissions(operation, integration, context);
    case 'ecs-nlb':
      return ecsNlbIntegration.permissions(operation, integration, context);
    case 'raw':
      return rawIntegration.permissions(operation, integration, context);
    default:
      return assertNever(integration);
  }
}

/** Compile-time exhaustiveness: a new kind without a case fails to type-check here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled integration kind: ${JSON.stringify(value)}`);
}
