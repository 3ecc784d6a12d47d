import type { Backend, EcsNlbIntegration } from '../design/types';
import type { JsonObject } from '../json';
import { logicalId, placeholder } from '../references';
import { staticValue } from './cors-headers';
import { DEFAULT_TIMEOUT_MILLIS } from './http';
import { integrationHttpMethod, pathParameterMappings, uriPath } from './request-mapping';
import type { IntegrationModule } from './types';

/**
 * An ECS service behind a Network Load Balancer, reached over a REST API VPC
 * link: Type Safe API's documented custom integration. The service also gets
 * the API's resource path (the operation's path as the model writes it, even
 * when the integration calls another path) as an `x-resource-path` header, as
 * in that example, so one service can route many operations.
 */
export const ecsNlbIntegration: IntegrationModule<EcsNlbIntegration> = {
  kind: 'ecs-nlb',
  render(operation, integration, context) {
    const target = nlbTarget(integration.backend, context.backend(integration.backend));
    const path = integration.path ?? operation.path;
    return {
      type: 'HTTP_PROXY',
      httpMethod: integrationHttpMethod(operation, integration.httpMethod),
      uri: `http://${target.dnsName}${uriPath(path)}`,
      connectionType: 'VPC_LINK',
      connectionId: target.vpcLinkId,
      timeoutInMillis: integration.timeoutInMillis ?? DEFAULT_TIMEOUT_MILLIS,
      requestParameters: {
        'integration.request.header.x-resource-path': staticValue(operation.path),
        ...(integration.requestParameters ?? pathParameterMappings(path)),
      },
    } satisfies JsonObject;
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
