import { diagnostic, type Diagnostic } from '../diagnostics';
import type {
  DesignDocument,
  EcsNlbIntegration,
  HttpBackend,
  HttpIntegration,
} from '../design/types';
import { staticValue } from '../integrations/cors-headers';
import { RESOURCE_PATH_HEADER } from '../integrations/ecs-nlb';
import { pathParameterMappings } from '../integrations/request-mapping';
import { ownEntry } from '../integrations/render-context';
import { pointer } from '../json';
import type { ApiModel } from '../model/types';

/**
 * The design as the sandbox deploys it: no containers run there, so every
 * ECS/NLB backend with a `sandboxUrl` becomes a public HTTP backend at that
 * URL, and each operation wired to it an `HTTP_PROXY` integration carrying
 * what the VPC-link one would (the same path, method, timeout, parameter
 * mappings and `x-resource-path` header). A backend an operation uses without
 * a `sandboxUrl` is an error naming it; its integrations are left as they are.
 */
export function sandboxDesign(
  model: ApiModel,
  design: DesignDocument,
): { design: DesignDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const backends = { ...design.backends };
  for (const [id, backend] of Object.entries(design.backends)) {
    if (backend.kind !== 'ecs-nlb' || backend.sandboxUrl === undefined) continue;
    const http: HttpBackend = { kind: 'http', baseUrl: backend.sandboxUrl };
    if (backend.label !== undefined) http.label = backend.label;
    backends[id] = http;
  }
  const operations = { ...design.operations };
  const missing = new Map<string, string[]>();
  for (const operation of model.operations) {
    const od = ownEntry(design.operations, operation.key);
    const integration = od?.integration;
    if (integration?.kind !== 'ecs-nlb') continue;
    const backend = ownEntry(design.backends, integration.backend);
    if (backend?.kind !== 'ecs-nlb') continue;
    if (backend.sandboxUrl === undefined) {
      missing.set(integration.backend, [
        ...(missing.get(integration.backend) ?? []),
        operation.key,
      ]);
      continue;
    }
    operations[operation.key] = {
      ...od,
      integration: asHttpProxy(integration, operation.path),
    };
  }
  for (const [id, keys] of missing) {
    diagnostics.push(
      diagnostic(
        'render.cfn-sandbox-url-missing',
        `The ECS/NLB backend "${id}" has no sandboxUrl, and the sandbox runs no containers, so ${keys.join(', ')} cannot be deployed there. Give "${id}" a sandbox URL (a local server, e.g. http://127.0.0.1:8080) for the deployed integration to call instead.`,
        { pointer: pointer('backends', id), operation: keys[0] },
      ),
    );
  }
  return { design: { ...design, backends, operations }, diagnostics };
}

function asHttpProxy(integration: EcsNlbIntegration, operationPath: string): HttpIntegration {
  const path = integration.path ?? operationPath;
  const http: HttpIntegration = {
    kind: 'http',
    backend: integration.backend,
    proxy: true,
    path,
    requestParameters: {
      ...(integration.resourcePathHeader !== false
        ? { [RESOURCE_PATH_HEADER]: staticValue(operationPath) }
        : {}),
      ...(integration.requestParameters ?? pathParameterMappings(path)),
    },
  };
  if (integration.httpMethod !== undefined) http.httpMethod = integration.httpMethod;
  if (integration.timeoutInMillis !== undefined) http.timeoutInMillis = integration.timeoutInMillis;
  if (integration.contentHandling !== undefined) http.contentHandling = integration.contentHandling;
  if (integration.cacheKeyParameters !== undefined)
    http.cacheKeyParameters = integration.cacheKeyParameters;
  if (integration.cacheNamespace !== undefined) http.cacheNamespace = integration.cacheNamespace;
  return http;
}
