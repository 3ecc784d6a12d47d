import {
  CreateResourceCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  GetIntegrationCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type APIGatewayClient,
  type PutIntegrationCommandInput,
  type PutIntegrationResponseCommandInput,
  type Resource,
} from '@aws-sdk/client-api-gateway';
import type { SandboxIntegrationFixup } from '@gatewright/core';

/**
 * The sandbox's second pass: sends core's `sandboxFixups` (what ministack's
 * OpenAPI import lost) to the REST API ministack created, finding each
 * method's resource by path and keeping the URI ministack resolved where the
 * fix-up has none. Ministack serves the live methods, so no new deployment
 * is needed. Returns how many integrations were put. See README.md.
 */
export async function completeSandboxIntegrations(
  client: APIGatewayClient,
  restApiId: string,
  fixups: readonly SandboxIntegrationFixup[],
): Promise<number> {
  const resources = await allResources(client, restApiId);
  const byPath = new Map(resources.map((resource) => [resource.path, resource.id]));
  let completed = 0;
  for (const fixup of fixups) {
    const resourceId = byPath.get(fixup.path);
    if (!resourceId) continue;
    const where = { restApiId, resourceId, httpMethod: fixup.httpMethod };
    if (fixup.putMethod) await client.send(new PutMethodCommand({ ...where, ...fixup.putMethod }));
    const uri =
      fixup.integration.uri ??
      (await client.send(new GetIntegrationCommand(where)).catch(() => undefined))?.uri;
    await client.send(
      new PutIntegrationCommand({
        ...where,
        ...(fixup.integration as Omit<PutIntegrationCommandInput, keyof typeof where>),
        ...(uri ? { uri } : {}),
      }),
    );
    for (const response of fixup.methodResponses)
      await client.send(new PutMethodResponseCommand({ ...where, ...response }));
    for (const response of fixup.integrationResponses)
      await client.send(
        new PutIntegrationResponseCommand({
          ...where,
          ...(response as Omit<PutIntegrationResponseCommandInput, keyof typeof where>),
        }),
      );
    completed += 1;
  }
  return completed;
}

/** The methods an OpenAPI path item holds, as API Gateway names them; `ANY` is left to the fix-ups. */
const DOCUMENT_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/**
 * What `PutRestApi` (mode `overwrite`) would do with `document`, for a REST
 * API ministack created empty from `BodyS3Location`: its resources and
 * methods (authorization `NONE`: authorizers and API keys are for AWS), and
 * nothing else, so resources and methods the document no longer has go.
 * Ministack 1.5.33 has no `PutRestApi` ("Unknown API Gateway v1 path") and
 * its `ImportRestApi` ignores the body, so this goes through `CreateResource`
 * and `PutMethod`; the integrations follow with `completeSandboxIntegrations`.
 * Returns how many methods were put.
 */
export async function importSandboxDocument(
  client: APIGatewayClient,
  restApiId: string,
  document: Record<string, unknown>,
): Promise<number> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  const resources = await allResources(client, restApiId);
  const byPath = new Map(resources.map((resource) => [resource.path ?? '', resource]));
  const wanted = new Set<string>(['/']);
  for (const path of Object.keys(paths))
    for (let at = path; at !== '/' && at !== ''; at = parentOf(at)) wanted.add(at);
  // Parents first, deleted before created, so a path is never both.
  for (const resource of resources) {
    const path = resource.path ?? '';
    if (!wanted.has(path) && wanted.has(parentOf(path)) && resource.id)
      await client.send(new DeleteResourceCommand({ restApiId, resourceId: resource.id }));
  }
  let methods = 0;
  for (const path of [...wanted].sort((a, b) => a.length - b.length)) {
    let resource = byPath.get(path);
    if (!resource?.id) {
      const parent = byPath.get(parentOf(path));
      resource = await client.send(
        new CreateResourceCommand({
          restApiId,
          parentId: parent?.id,
          pathPart: path.slice(path.lastIndexOf('/') + 1),
        }),
      );
      byPath.set(path, resource);
    }
    const resourceId = resource.id ?? '';
    const item = paths[path] ?? {};
    const keep = DOCUMENT_METHODS.filter((m) => typeof item[m] === 'object').map((m) =>
      m.toUpperCase(),
    );
    if (typeof item['x-amazon-apigateway-any-method'] === 'object') keep.push('ANY');
    for (const httpMethod of Object.keys(resource.resourceMethods ?? {}))
      if (!keep.includes(httpMethod))
        await client.send(new DeleteMethodCommand({ restApiId, resourceId, httpMethod }));
    for (const httpMethod of keep.filter((m) => m !== 'ANY')) {
      await client.send(
        new PutMethodCommand({
          restApiId,
          resourceId,
          httpMethod,
          authorizationType: 'NONE',
        }),
      );
      methods += 1;
    }
  }
  return methods;
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

async function allResources(client: APIGatewayClient, restApiId: string): Promise<Resource[]> {
  const resources: Resource[] = [];
  let position: string | undefined;
  do {
    const page = await client.send(
      new GetResourcesCommand({ restApiId, limit: 500, ...(position ? { position } : {}) }),
    );
    resources.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return resources;
}
