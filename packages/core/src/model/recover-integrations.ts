import { diagnostic, type Diagnostic } from '../diagnostics';
import { emptyDesign } from '../design/defaults';
import type {
  Backend,
  ContentHandling,
  DesignDocument,
  IntegrationOptions,
  IntegrationResponse,
  MockResponse,
  OperationIntegration,
} from '../design/types';
import { staticValue } from '../integrations/cors-headers';
import { RESOURCE_PATH_HEADER } from '../integrations/ecs-nlb';
import { renderIntegration } from '../integrations/index';
import {
  pathParameterMappings,
  uriPath,
  integrationHttpMethod,
} from '../integrations/request-mapping';
import type { RenderContext } from '../integrations/types';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { cloneJson } from '../openapi/clone-json';
import { integrationDifferences, sameJson } from './integration-equivalence';
import { LAMBDA_INVOCATION_URI } from './lambda-uri';
import { claimUniqueName } from './operation-names';
import { recoverAccess, recoverRequestValidation } from './recover-access';
import type { ApiModel, Operation } from './types';

const CONTENT_HANDLING: string[] = [
  'CONVERT_TO_BINARY',
  'CONVERT_TO_TEXT',
] satisfies ContentHandling[];

/** The id a candidate's backend has while its integration is checked; replaced by the real one after. */
const CANDIDATE = '\u0000candidate';

/** A recovered integration and the backend it needs (deduplicated by `key` across operations). */
interface Candidate {
  integration: OperationIntegration;
  backend?: { key: string; idHint: string; value: Backend };
}

/**
 * A design for a model that already carries `x-amazon-apigateway-integration`s
 * (an API Gateway export, a SAM or CDK body): each integration becomes the
 * design's integration of its kind where Gatewright models it, with one
 * backend per distinct Lambda function, HTTP origin or NLB and VPC link; every
 * other integration is kept as written (`kind: 'raw'`) with a finding saying
 * why. The rule that decides: rendering the recovered design must give back
 * the integration written in the model, so each recovered integration is
 * rendered and compared (see `normaliseIntegration` for the differences
 * allowed) and kept raw when it would come out different. Security schemes
 * and request validators are recovered too (see `recoverAccess`); CORS stays
 * off, so the model's own `options` methods keep serving preflights.
 */
export function recoverDesign(
  model: ApiModel,
  modelPath: string,
): { design: DesignDocument; diagnostics: Diagnostic[] } {
  const design = emptyDesign(modelPath);
  const diagnostics: Diagnostic[] = [];
  const backendIds = new Map<string, string>();
  const takenIds = new Set<string>();

  for (const operation of model.operations) {
    if (operation.existingIntegration === undefined) continue;
    // A copy: the design must not share objects with the model's document.
    const written = cloneJson(operation.existingIntegration);
    const where = locationOf(model, operation);
    const outcome = recoverIntegration(operation, written);
    const reason =
      'reason' in outcome
        ? outcome.reason
        : renderingDifference(operation, written, outcome, model, design);
    if (reason !== undefined || 'reason' in outcome) {
      design.operations[operation.key] = { integration: { kind: 'raw', integration: written } };
      diagnostics.push(
        diagnostic(
          'model.integration-kept-raw',
          `The integration of ${operation.key} is kept exactly as written: ${reason}.`,
          where,
        ),
      );
      continue;
    }
    const integration = outcome.integration;
    if (outcome.backend && 'backend' in integration) {
      let id = backendIds.get(outcome.backend.key);
      if (id === undefined) {
        id = claimUniqueName(outcome.backend.idHint, takenIds);
        backendIds.set(outcome.backend.key, id);
        design.backends[id] = outcome.backend.value;
      }
      integration.backend = id;
    }
    design.operations[operation.key] = { integration };
    const on = 'backend' in integration ? ` on backend '${integration.backend}'` : '';
    diagnostics.push(
      diagnostic(
        'model.integration-recovered',
        `The integration of ${operation.key} was recovered as a '${integration.kind}' integration${on}.`,
        where,
      ),
    );
  }

  diagnostics.push(...recoverAccess(model, design));
  design.requestValidation = recoverRequestValidation(model.document);
  return { design, diagnostics };
}

/** Why rendering the candidate would not give back `written`, or undefined when it gives it back. */
function renderingDifference(
  operation: Operation,
  written: JsonObject,
  candidate: Candidate,
  model: ApiModel,
  design: DesignDocument,
): string | undefined {
  const context: RenderContext = {
    model,
    design,
    backend: (id) => (id === CANDIDATE ? candidate.backend?.value : design.backends[id]),
    report: () => undefined,
  };
  const rendered = renderIntegration(operation, candidate.integration, context);
  const differences = integrationDifferences(written, rendered);
  if (differences.length === 0) return undefined;
  return `as a '${candidate.integration.kind}' integration it would render differently in ${differences.map((d) => `'${d}'`).join(', ')}`;
}

function recoverIntegration(
  operation: Operation,
  written: JsonObject,
): Candidate | { reason: string } {
  const unreadable = unreadableValue(written);
  if (unreadable) return { reason: unreadable };
  const type = typeof written.type === 'string' ? written.type.toUpperCase() : '';
  const connectionType =
    typeof written.connectionType === 'string' ? written.connectionType.toUpperCase() : 'INTERNET';
  switch (type) {
    case 'AWS_PROXY':
      return recoverLambda(written);
    case 'MOCK':
      return recoverMock(written);
    case 'HTTP':
    case 'HTTP_PROXY':
      if (connectionType === 'VPC_LINK') return recoverVpcLink(operation, written);
      if (connectionType === 'INTERNET')
        return recoverHttp(operation, written, type === 'HTTP_PROXY');
      return {
        reason: `its connectionType '${String(written.connectionType)}' is neither INTERNET nor VPC_LINK`,
      };
    case 'AWS':
      return typeof written.uri === 'string' && LAMBDA_INVOCATION_URI.test(written.uri)
        ? {
            reason:
              'it is a non-proxy Lambda integration (type AWS, with mapping templates), which Gatewright keeps but does not model',
          }
        : {
            reason:
              'it is an AWS service integration (type AWS), which Gatewright keeps but does not model',
          };
    default:
      return {
        reason: `its type '${String(written.type ?? '')}' is not one of AWS_PROXY, AWS, HTTP, HTTP_PROXY, MOCK`,
      };
  }
}

/**
 * Why a written integration cannot be read as plain data: an HTTP API (v2)
 * field, a CloudFormation function, or a `${...}` placeholder outside the
 * mapping templates (where `${...}` is VTL).
 */
function unreadableValue(written: JsonObject): string | undefined {
  for (const field of ['payloadFormatVersion', 'integrationSubtype']) {
    if (field in written)
      return `'${field}' makes it an HTTP API (v2) integration, which REST APIs do not have`;
  }
  const found = findUnreadable(written, []);
  if (!found) return undefined;
  if (found.kind === 'function')
    return `'${found.at}' is the CloudFormation function ${found.what}, which only CloudFormation can evaluate`;
  return found.what.startsWith('${stageVariables.')
    ? `'${found.at}' uses the stage variable '${found.what}', which API Gateway fills in per stage and the design cannot name`
    : `'${found.at}' holds the placeholder '${found.what}', which another tool fills in`;
}

function findUnreadable(
  value: JsonValue,
  path: string[],
): { kind: 'function' | 'placeholder'; what: string; at: string } | undefined {
  if (typeof value === 'string') {
    const placeholder = /\$\{[^}]*\}/.exec(value)?.[0];
    return placeholder ? { kind: 'placeholder', what: placeholder, at: path.join('.') } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnreadable(value[i]!, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 1 && (/^Fn::/.test(keys[0]!) || keys[0] === 'Ref'))
    return { kind: 'function', what: keys[0]!, at: path.join('.') };
  for (const key of keys) {
    // Mapping templates are VTL, where `${x}` is a variable, not a placeholder.
    if (key === 'requestTemplates' || key === 'responseTemplates') continue;
    const found = findUnreadable(value[key]!, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function recoverLambda(written: JsonObject): Candidate | { reason: string } {
  const match = typeof written.uri === 'string' ? LAMBDA_INVOCATION_URI.exec(written.uri) : null;
  if (!match)
    return {
      reason:
        'its uri is not a Lambda function invocation URI (arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations)',
    };
  const [, uriPartition, uriRegion, functionArn, partition, region, name, qualifier] = match;
  if (uriPartition !== partition || uriRegion !== region) {
    return {
      reason: `its uri calls through ${uriRegion} a function in ${region}; Gatewright renders the URI in the function's own region`,
    };
  }
  return {
    integration: {
      kind: 'lambda',
      backend: CANDIDATE,
      ...(typeof written.timeoutInMillis === 'number'
        ? { timeoutInMillis: written.timeoutInMillis }
        : {}),
      ...(typeof written.credentials === 'string' ? { credentials: written.credentials } : {}),
      ...integrationOptions(written),
    },
    backend: {
      key: `lambda ${functionArn}`,
      idHint: identifier(`${name} ${qualifier ?? ''}`, 'function'),
      value: { kind: 'lambda', function: { source: 'existing', functionArn: functionArn! } },
    },
  };
}

function recoverMock(written: JsonObject): Candidate | { reason: string } {
  const templates = isJsonObject(written.requestTemplates)
    ? Object.values(written.requestTemplates)
    : [];
  const statuses = new Set(
    templates.map((t) =>
      typeof t === 'string'
        ? /^\s*\{\s*"statusCode"\s*:\s*(\d{3})\s*\}\s*$/.exec(t)?.[1]
        : undefined,
    ),
  );
  const status = statuses.size === 1 ? [...statuses][0] : undefined;
  if (status === undefined)
    return {
      reason: 'its request templates do not all just pick one status code ({"statusCode": N})',
    };
  const answer =
    isJsonObject(written.responses) && isJsonObject(written.responses.default)
      ? written.responses.default
      : {};
  const bodies = isJsonObject(answer.responseTemplates)
    ? Object.entries(answer.responseTemplates)
    : [];
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(
    isJsonObject(answer.responseParameters) ? answer.responseParameters : {},
  )) {
    const header = /^method\.response\.header\.(.+)$/.exec(key)?.[1];
    const literal = typeof value === 'string' ? /^'(.*)'$/s.exec(value)?.[1] : undefined;
    if (header === undefined || literal === undefined)
      return { reason: `its response parameter '${key}' is not a fixed header value` };
    headers[header] = literal;
  }
  const [contentType, template] = bodies[0] ?? [];
  const response: MockResponse = {
    source: 'custom',
    statusCode: Number(status),
    ...(typeof template === 'string'
      ? { body: /^#\[\[([\s\S]*)\]\]#$/.exec(template)?.[1] ?? template }
      : {}),
    ...(contentType !== undefined && contentType !== 'application/json' ? { contentType } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
  return { integration: { kind: 'mock', response } };
}

function recoverHttp(
  operation: Operation,
  written: JsonObject,
  proxy: boolean,
): Candidate | { reason: string } {
  const url =
    typeof written.uri === 'string' ? /^(https?:\/\/[^/?#]+)(.*)$/i.exec(written.uri) : null;
  if (!url) return { reason: 'its uri is not an http(s) URL' };
  const [, baseUrl, path] = url as unknown as [string, string, string];
  const insecure =
    isJsonObject(written.tlsConfig) && written.tlsConfig.insecureSkipVerification === true;
  const integration: OperationIntegration = {
    kind: 'http',
    backend: CANDIDATE,
    proxy,
    ...mappedRequest(operation, written, path, {}),
    ...integrationOptions(written),
  };
  if (!proxy) {
    if (isJsonObject(written.requestTemplates))
      integration.requestTemplates = written.requestTemplates as Record<string, string>;
    if (typeof written.passthroughBehavior === 'string')
      integration.passthroughBehavior =
        written.passthroughBehavior.toUpperCase() as 'WHEN_NO_MATCH';
    if (isJsonObject(written.responses)) integration.responses = designResponses(written.responses);
  }
  return {
    integration,
    backend: {
      key: `http ${baseUrl} ${insecure}`,
      idHint: identifier(hostName(baseUrl), 'http'),
      value: { kind: 'http', baseUrl, ...(insecure ? { insecureSkipVerification: true } : {}) },
    },
  };
}

/** Integration responses in the design's spelling: `contentHandling` upper-case, as its schema has it. */
function designResponses(responses: JsonObject): Record<string, IntegrationResponse> {
  const out: Record<string, IntegrationResponse> = {};
  for (const [pattern, response] of Object.entries(responses)) {
    const r = (isJsonObject(response) ? response : {}) as unknown as IntegrationResponse;
    out[pattern] =
      typeof r.contentHandling === 'string'
        ? {
            ...r,
            contentHandling:
              r.contentHandling.toUpperCase() as IntegrationResponse['contentHandling'],
          }
        : r;
  }
  return out;
}

function recoverVpcLink(operation: Operation, written: JsonObject): Candidate | { reason: string } {
  const url = typeof written.uri === 'string' ? /^http:\/\/([^/?#]+)(.*)$/.exec(written.uri) : null;
  if (!url) return { reason: 'its uri is not an http:// URL on the load balancer' };
  if (typeof written.connectionId !== 'string')
    return { reason: 'it has no connectionId naming its VPC link' };
  const [, nlbDnsName, path] = url as unknown as [string, string, string];
  const header = isJsonObject(written.requestParameters)
    ? written.requestParameters[RESOURCE_PATH_HEADER]
    : undefined;
  // The header the renderer adds by default is left to it; any other value of
  // it stays among the request parameters, which win over the default.
  const byDefault = header === staticValue(operation.path);
  return {
    integration: {
      kind: 'ecs-nlb',
      backend: CANDIDATE,
      ...mappedRequest(operation, written, path, byDefault ? { [RESOURCE_PATH_HEADER]: true } : {}),
      ...(header === undefined ? { resourcePathHeader: false } : {}),
      ...integrationOptions(written),
    },
    backend: {
      key: `ecs-nlb ${nlbDnsName} ${written.connectionId}`,
      idHint: identifier(hostName(`http://${nlbDnsName}`), 'service'),
      value: {
        kind: 'ecs-nlb',
        service: { source: 'existing', nlbDnsName, vpcLinkId: written.connectionId },
      },
    },
  };
}

/**
 * The fields of an HTTP or VPC-link integration that map the request, each
 * only where it differs from what the renderer does by default, so the design
 * stays as small as the model allows.
 */
function mappedRequest(
  operation: Operation,
  written: JsonObject,
  uriPathWritten: string,
  skipParameters: Record<string, true>,
) {
  const path = uriPathWritten === uriPath(operation.path) ? undefined : uriPathWritten;
  const given = isJsonObject(written.requestParameters)
    ? (written.requestParameters as Record<string, string>)
    : {};
  const requestParameters = Object.fromEntries(
    Object.entries(given).filter(([key]) => !skipParameters[key]),
  );
  const byDefault = pathParameterMappings(path ?? operation.path);
  const method =
    typeof written.httpMethod === 'string' ? written.httpMethod.toUpperCase() : undefined;
  return {
    ...(path !== undefined ? { path } : {}),
    ...(method !== undefined && method !== integrationHttpMethod(operation)
      ? { httpMethod: method }
      : {}),
    ...(typeof written.timeoutInMillis === 'number'
      ? { timeoutInMillis: written.timeoutInMillis }
      : {}),
    ...(sameJson(requestParameters, byDefault) ? {} : { requestParameters }),
  };
}

/**
 * `contentHandling`, `cacheNamespace` and `cacheKeyParameters` as the design
 * spells them; a value of the wrong shape is left out, so the rendering
 * differs and the integration stays raw with that field named.
 */
function integrationOptions(written: JsonObject): IntegrationOptions {
  const contentHandling =
    typeof written.contentHandling === 'string' ? written.contentHandling.toUpperCase() : '';
  const keys = written.cacheKeyParameters;
  return {
    ...(CONTENT_HANDLING.includes(contentHandling)
      ? { contentHandling: contentHandling as ContentHandling }
      : {}),
    ...(typeof written.cacheNamespace === 'string'
      ? { cacheNamespace: written.cacheNamespace }
      : {}),
    ...(Array.isArray(keys) && keys.every((k) => typeof k === 'string')
      ? { cacheKeyParameters: [...keys] }
      : {}),
  };
}

function hostName(baseUrl: string): string {
  const host = baseUrl.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, '');
  const labels = host.split('.');
  // `api.example.com` says more by its second label than by its first.
  return ['www', 'api'].includes(labels[0]!) && labels.length > 2
    ? labels.slice(0, 2).join(' ')
    : labels[0]!;
}

/** A backend id from words: lowerCamelCase ASCII, prefixed with `fallback` when it would not start with a letter. */
function identifier(text: string, fallback: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
  return /^[a-z]/.test(camel) ? camel : fallback + camel.replace(/^[a-z]/, (c) => c.toUpperCase());
}

function locationOf(model: ApiModel, operation: Operation): Diagnostic['location'] {
  const ptr = `${operation.pointer}/x-amazon-apigateway-integration`;
  return {
    ...(model.file !== undefined ? { file: model.file } : {}),
    pointer: ptr,
    ...(model.locate(ptr) ?? {}),
    operation: operation.key,
  };
}
