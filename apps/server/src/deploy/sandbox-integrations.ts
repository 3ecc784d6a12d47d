import {
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
    const uri = fixup.integration.uri ?? (await client.send(new GetIntegrationCommand(where))).uri;
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
