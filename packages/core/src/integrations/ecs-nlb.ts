import type { Backend, EcsNlbIntegration } from '../design/types';
import type { JsonObject } from '../json';
import { logicalId, placeholder } from '../references';
import { staticValue } from './cors-headers';
import { DEFAULT_TIMEOUT_MILLIS } from './http';
import { integrationOptionFields } from './integration-options';
import { integrationHttpMethod, pathParameterMappings, uriPath } from './request-mapping';
import type { IntegrationModule } from './types';

/** The request parameter that carries the resource path to the service. */
export const RESOURCE_PATH_HEADER = 'integration.request.header.x-resource-path';

/**
 * An ECS service behind a Network Load Balancer, reached over a REST API VPC
 * link: Type Safe API's documented custom integration. Unless the design turns
 * it off, the service also gets the API's resource path (the operation's path
 * as the model writes it, even when the integration calls another path) as an
 * `x-resource-path` header, as in that example, so one service can route many
 * operations.
 */
export const ecsNlbIntegration: IntegrationModule<EcsNlbIntegration> = {
  kind: 'ecs-nlb',
  render(operation, integration, context) {
    const target = nlbTarget(integration.backend, context.backend(integration.backend));
    const path = integration.path ?? operation.path;
    const requestParameters = {
      ...(integration.resourcePathHeader !== false
        ? { [RESOURCE_PATH_HEADER]: staticValue(operation.path) }
        : {}),
      ...(integration.requestParameters ?? pathParameterMappings(path)),
    };
    const rendered: JsonObject = {
      type: 'HTTP_PROXY',
      httpMethod: integrationHttpMethod(operation, integration.httpMethod),
      uri: `http://${target.dnsName}${uriPath(path)}`,
      connectionType: 'VPC_LINK',
      connectionId: target.vpcLinkId,
      timeoutInMillis: integration.timeoutInMillis ?? DEFAULT_TIMEOUT_MILLIS,
    };
    if (Object.keys(requestParameters).length > 0) rendered.requestParameters = requestParameters;
    return { ...rendered, ...integrationOptionFields(integration) };
  },
  permissions: () => [],
};

/**
 * Where the traffic goes: an existing NLB and VPC link as given, or the
 * placeholders for the ones the stack creates (a missing backend renders as a
 * new one; `validate` reports it).
 */
function nlbTarget(
  backendId: string,
  backend: Backend | undefined,
): { dnsName: string; vpcLinkId: string } {
  if (backend?.kind === 'ecs-nlb' && backend.service.source === 'existing') {
    return { dnsName: backend.service.nlbDnsName, vpcLinkId: backend.service.vpcLinkId };
  }
  return {
    dnsName: placeholder(logicalId(backendId, 'Nlb'), 'DNSName'),
    vpcLinkId: placeholder(logicalId(backendId, 'VpcLink')),
  };
}
