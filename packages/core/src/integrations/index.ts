import type { OperationIntegration } from '../design/types';
import type { JsonObject } from '../json';
import type { Operation } from '../model/types';
import { ecsNlbIntegration } from './ecs-nlb';
import { httpIntegration } from './http';
import { lambdaIntegration } from './lambda';
import { mockIntegration } from './mock';
import { rawIntegration } from './raw';
import type { IntegrationModule, PermissionPlan, RenderContext } from './types';

/** The `x-amazon-apigateway-integration` object for an operation, by the module of the integration's kind. */
export function renderIntegration(
  operation: Operation,
  integration: OperationIntegration,
  context: RenderContext,
): JsonObject {
  return moduleFor(integration).render(operation, context);
}

/** What API Gateway must be granted to call an operation's integration. */
export function integrationPermissions(
  operation: Operation,
  integration: OperationIntegration,
  context: RenderContext,
): PermissionPlan[] {
  return moduleFor(integration).permissions(operation, context);
}

/** A kind's module with the integration it serves already given. */
interface BoundModule {
  render(operation: Operation, context: RenderContext): JsonObject;
  permissions(operation: Operation, context: RenderContext): PermissionPlan[];
}

/**
 * The module for the integration's kind, bound to it: binding inside each case
 * is what lets the switch narrow the integration to the type its module takes.
 */
function moduleFor(integration: OperationIntegration): BoundModule {
  switch (integration.kind) {
    case 'lambda':
      return bind(lambdaIntegration, integration);
    case 'mock':
      return bind(mockIntegration, integration);
    case 'http':
      return bind(httpIntegration, integration);
    case 'ecs-nlb':
      return bind(ecsNlbIntegration, integration);
    case 'raw':
      return bind(rawIntegration, integration);
    default:
      return assertNever(integration);
  }
}

function bind<I extends OperationIntegration>(
  module: IntegrationModule<I>,
  integration: I,
): BoundModule {
  return {
    render: (operation, context) => module.render(operation, integration, context),
    permissions: (operation, context) => module.permissions(operation, integration, context),
  };
}

/** Compile-time exhaustiveness: a new kind without a case fails to type-check here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled integration kind: ${JSON.stringify(value)}`);
}
