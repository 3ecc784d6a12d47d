import {
  GetIntegrationCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodResponseCommand,
  type APIGatewayClient,
  type IntegrationType,
  type Resource,
} from '@aws-sdk/client-api-gateway';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const ANY_METHOD = 'x-amazon-apigateway-any-method';

/** The parts of `x-amazon-apigateway-integration` ministack's import drops. */
interface IntegrationExtension {
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string>;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis?: number;
  cacheKeyParameters?: string[];
  responses?: Record<
    string,
    {
      statusCode: string;
      responseTemplates?: Record<string, string>;
      responseParameters?: Record<string, string>;
      contentHandling?: string;
    }
  >;
}

/** One method of the document whose integration was completed. */
export interface AppliedIntegration {
  path: string;
  method: string;
}

/**
 * Ministack 1.5.33 imports an OpenAPI `Body` keeping only each integration's
 * `type`, `httpMethod` and `uri`; request parameters, request templates and
 * integration responses are dropped, so mocks answer `{}` and path parameters
 * do not reach HTTP back ends. This second pass, for the sandbox only, puts
 * each integration again through the API Gateway control plane with every
 * field of the rendered document, keeping the `uri` ministack resolved (the
 * document's may be an `Fn::Sub`). Ministack serves the live methods, so no
 * new deployment is needed. See README.md.
 */
export async function completeSandboxIntegrations(
  client: APIGatewayClient,
  restApiId: string,
  document: { paths?: Record<string, Record<string, unknown>> },
): Promise<AppliedIntegration[]> {
  const resources = await allResources(client, restApiId);
  const byPath = new Map(resources.map((resource) => [resource.path, resource.id]));
  const applied: AppliedIntegration[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const resourceId = byPath.get(path);
    if (!resourceId) continue;
    for (const [key, operation] of Object.entries(item)) {
      const method = key === ANY_METHOD ? 'ANY' : key.toUpperCase();
      if (key !== ANY_METHOD && !HTTP_METHODS.includes(key)) continue;
      const extension = (operation as Record<string, unknown> | null)?.[
        'x-amazon-apigateway-integration'
      ] as IntegrationExtension | undefined;
      if (!extension) continue;
      await completeIntegration(client, { restApiId, resourceId, httpMethod: method }, extension);
      applied.push({ path, method });
    }
  }
  return applied;
}

async function completeIntegration(
  client: APIGatewayClient,
  where: { restApiId: string; resourceId: string; httpMethod: string },
  extension: IntegrationExtension,
): Promise<void> {
  const stored = await client.send(new GetIntegrationCommand(where));
  await client.send(
    new PutIntegrationCommand({
      ...where,
      type: stored.type as IntegrationType,
      ...(stored.httpMethod ? { integrationHttpMethod: stored.httpMethod } : {}),
      ...(stored.uri ? { uri: stored.uri } : {}),
      ...(extension.requestParameters ? { requestParameters: extension.requestParameters } : {}),
      ...(extension.requestTemplates ? { requestTemplates: extension.requestTemplates } : {}),
      ...(extension.passthroughBehavior
        ? { passthroughBehavior: extension.passthroughBehavior }
        : {}),
      ...(extension.contentHandling
        ? { contentHandling: extension.contentHandling as 'CONVERT_TO_TEXT' }
        : {}),
      ...(extension.timeoutInMillis ? { timeoutInMillis: extension.timeoutInMillis } : {}),
      ...(extension.cacheKeyParameters ? { cacheKeyParameters: extension.cacheKeyParameters } : {}),
    }),
  );
  for (const [pattern, response] of Object.entries(extension.responses ?? {})) {
    const headers = Object.keys(response.responseParameters ?? {});
    await client.send(
      new PutMethodResponseCommand({
        ...where,
        statusCode: response.statusCode,
        responseParameters: Object.fromEntries(headers.map((header) => [header, false])),
      }),
    );
    await client.send(
      new PutIntegrationResponseCommand({
        ...where,
        statusCode: response.statusCode,
        selectionPattern: pattern === 'default' ? '' : pattern,
        ...(response.responseTemplates ? { responseTemplates: response.responseTemplates } : {}),
        ...(response.responseParameters ? { responseParameters: response.responseParameters } : {}),
      }),
    );
  }
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
