import { diagnostic, type Diagnostic } from '../diagnostics';
import type { DesignDocument } from '../design/types';
import { lambdaPermissions } from '../integrations/lambda-permissions';
import { ownEntry } from '../integrations/render-context';
import { pointer, type JsonObject, type JsonValue } from '../json';
import type { ApiModel } from '../model/types';
import { renderOpenApi } from '../openapi/render-openapi';
import { designPlaceholderNames, logicalId, placeholder, PSEUDO } from '../references';
import { shortHash } from './document-hash';
import { functionCode } from './inline-code';
import { functionAsset, lambdaFunctionResources, type CodeSource } from './lambda-functions';
import { API, ASSET_BUCKET, STAGE } from './logical-ids';
import { permissionResources } from './permissions';
import { inlineBody, resolvedDocument, type ParameterLiteral } from './placeholders';
import { sandboxDesign } from './sandbox-design';
import { overS3TemplateLimit, templateBytes } from './template-size';
import {
  INLINE_CODE_LIMIT,
  S3_TEMPLATE_BODY_LIMIT,
  type RenderedTemplate,
  type TemplateAsset,
  type TemplateOptions,
  type TemplateParameter,
} from './types';

/**
 * The CloudFormation template that deploys a design's API: the RestApi with the
 * rendered OpenAPI document as `Body` (or `BodyS3Location` when asked), a
 * Deployment whose logical id carries a hash of the document (so every change
 * redeploys, and only a change), the Stage, each new Lambda backend with its
 * execution role, the permissions API Gateway needs to invoke functions
 * (`lambdaPermissions`: one API-wide grant for a shared function), and a usage
 * plan with one key when an operation requires an API key. Values that exist
 * outside the stack (existing functions, NLBs, VPC links) are parameters
 * defaulting to the design's values, never invented. Pure and deterministic.
 */
export function renderTemplate(
  model: ApiModel,
  design: DesignDocument,
  options: TemplateOptions,
): RenderedTemplate {
  const diagnostics: Diagnostic[] = [];
  const deployed =
    options.target === 'sandbox' ? sandboxDesign(model, design) : { design, diagnostics: [] };
  diagnostics.push(...deployed.diagnostics);
  const target = deployed.design;
  const openApi = renderOpenApi(model, target);
  diagnostics.push(...openApi.diagnostics);

  const parameters: TemplateParameter[] = [];
  const literals: ParameterLiteral[] = [];
  const resources: JsonObject = {};
  const functionResources: JsonObject = {};
  const outputs: JsonObject = {};
  const assets: TemplateAsset[] = [];
  /** Placeholders the template resolves, and (for an S3 document) what each becomes. */
  const known = new Map<
    string,
    string | { stageVariable: string; value: JsonValue; prefix: string }
  >();
  const env = options.environment;
  known.set(PSEUDO.partition, env?.partition ?? '');
  known.set(PSEUDO.region, env?.region ?? '');
  known.set(PSEUDO.accountId, env?.accountId ?? '');

  const backends = Object.entries(target.backends).sort(([a], [b]) => compare(a, b));
  const used = usedBackends(model, target);
  const excused = new Set<string>();
  for (const [id, backend] of backends) {
    if (backend.kind === 'lambda' && backend.function.source === 'new') {
      const fnId = logicalId(id, 'Function');
      const code = functionCode(backend.function, INLINE_CODE_LIMIT);
      let source: CodeSource;
      if (code.kind === 'inline') {
        source = code;
      } else {
        const asset = functionAsset(id, backend.function);
        source = asset;
        assets.push(asset);
        diagnostics.push(
          diagnostic(
            'render.cfn-code-not-inline',
            `The function of backend "${id}" cannot be inlined in the template: ${code.reason}. Its code is deployed from s3://<${ASSET_BUCKET}>/${asset.s3Key} (a zip holding ${asset.fileName}), which the deployer uploads first.`,
            { pointer: pointer('backends', id, 'function', 'code') },
          ),
        );
      }
      Object.assign(functionResources, lambdaFunctionResources(id, backend.function, source));
      outputs[logicalId(id, 'FunctionName')] = {
        Description: `Name of the Lambda function of backend ${id}`,
        Value: { Ref: fnId },
      };
      known.set(placeholder(fnId, 'Arn'), {
        stageVariable: fnId,
        value: { Ref: fnId },
        prefix: `arn:${env?.partition ?? ''}:lambda:${env?.region ?? ''}:${env?.accountId ?? ''}:function:`,
      });
    } else if (backend.kind === 'lambda' && backend.function.source === 'existing') {
      const arn = backend.function.functionArn;
      const name = logicalId(id, 'FunctionArn');
      parameters.push({
        name,
        kind: 'lambda-function-arn',
        description: `ARN of the existing Lambda function of backend ${id}`,
        default: arn,
      });
      literals.push({
        value: arn,
        placeholder: placeholder(name),
        follows: /^\//,
      });
      known.set(placeholder(name), arn);
    } else if (backend.kind === 'ecs-nlb' && backend.service.source === 'existing') {
      if (!used.has(id)) continue;
      const dns = logicalId(id, 'NlbDnsName');
      const link = logicalId(id, 'VpcLinkId');
      parameters.push(
        {
          name: dns,
          kind: 'nlb-dns-name',
          description: `DNS name of the existing Network Load Balancer of backend ${id}`,
          default: backend.service.nlbDnsName,
        },
        {
          name: link,
          kind: 'vpc-link-id',
          description: `Id of the existing REST API VPC link to the NLB of backend ${id}`,
          default: backend.service.vpcLinkId,
        },
      );
      literals.push(
        { value: backend.service.nlbDnsName, placeholder: placeholder(dns), follows: /^([/:?]|$)/ },
        { value: backend.service.vpcLinkId, placeholder: placeholder(link), follows: /^$/ },
      );
      known.set(placeholder(dns), backend.service.nlbDnsName);
      known.set(placeholder(link), backend.service.vpcLinkId);
    } else if (backend.kind === 'ecs-nlb' && used.has(id) && options.target === 'aws') {
      // Reported here once, not again for each placeholder it leaves unresolved.
      excused.add(logicalId(id, 'Nlb')).add(logicalId(id, 'VpcLink'));
      diagnostics.push(
        diagnostic(
          'render.cfn-new-service-unsupported',
          `The ECS/NLB backend "${id}" asks for a new Fargate service, which this template does not create (a VPC, cluster, service, NLB and VPC link). Deploy it with the exported CDK app, or point "${id}" at an existing NLB and VPC link.`,
          { pointer: pointer('backends', id, 'service') },
        ),
      );
    }
  }

  const authorizerParameters = new Map<string, string>();
  for (const [id, authorizer] of Object.entries(target.authorizers).sort(([a], [b]) =>
    compare(a, b),
  )) {
    if (authorizer.kind !== 'lambda' || !('functionArn' in authorizer.function)) continue;
    const arn = authorizer.function.functionArn;
    if (authorizerParameters.has(arn) || literals.some((l) => l.value === arn)) continue;
    const name = logicalId(id, 'AuthorizerFunctionArn');
    authorizerParameters.set(arn, name);
    parameters.push({
      name,
      kind: 'lambda-function-arn',
      description: `ARN of the existing Lambda function of authorizer ${id}`,
      default: arn,
    });
    literals.push({ value: arn, placeholder: placeholder(name), follows: /^\// });
    known.set(placeholder(name), arn);
  }

  const names = new Set([...designPlaceholderNames(target)].filter((name) => !excused.has(name)));
  let body: JsonValue;
  let document: JsonObject;
  const stageVariables: JsonObject = {};
  if (options.bodyS3Location) {
    if (!env) {
      diagnostics.push(
        diagnostic(
          'render.cfn-s3-body-needs-environment',
          'The OpenAPI document goes to S3 (BodyS3Location), where CloudFormation does not fill in the partition, region and account its integration URIs need; pass them as options.environment.',
          { pointer: '' },
        ),
      );
    }
    const resolved = new Map<string, string>();
    for (const [text, value] of known) {
      if (typeof value === 'string') resolved.set(text, value);
      else {
        resolved.set(text, value.prefix + '${stageVariables.' + value.stageVariable + '}');
        stageVariables[value.stageVariable] = value.value;
      }
    }
    const s3 = resolvedDocument(openApi.document, resolved, names);
    diagnostics.push(...s3.diagnostics);
    document = s3.document;
    body = { Bucket: options.bodyS3Location.Bucket, Key: options.bodyS3Location.Key };
  } else {
    const inline = inlineBody(openApi.document, new Set(known.keys()), names, literals);
    diagnostics.push(...inline.diagnostics);
    document = openApi.document;
    body = inline.body;
  }

  const apiName = design.apiName ?? (model.title.trim() || 'API');
  const documentHash = shortHash(JSON.stringify(document));
  const deploymentId = 'ApiDeployment' + documentHash;
  resources[API] = {
    Type: 'AWS::ApiGateway::RestApi',
    Properties: {
      Name: apiName,
      // The document is the whole API: what it no longer has is removed on update.
      Mode: 'overwrite',
      ...(options.bodyS3Location ? { BodyS3Location: body } : { Body: body }),
    },
  };
  resources[deploymentId] = {
    Type: 'AWS::ApiGateway::Deployment',
    Properties: { RestApiId: { Ref: API }, Description: `${apiName}, document ${documentHash}` },
  };
  resources[STAGE] = {
    Type: 'AWS::ApiGateway::Stage',
    Properties: stageProperties(target, deploymentId, stageVariables),
  };
  Object.assign(resources, functionResources);
  Object.assign(
    resources,
    permissionResources(lambdaPermissions(model, target), target, authorizerParameters),
  );
  const keyed = Object.values(target.operations).some((op) => op.apiKeyRequired === true);
  if (keyed) Object.assign(resources, apiKeyResources());

  const template: Record<string, unknown> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${apiName}: API Gateway REST API generated by Gatewright from ${design.model} and its design.`,
  };
  if (assets.length > 0) {
    parameters.push({
      name: ASSET_BUCKET,
      kind: 'asset-bucket',
      description: 'S3 bucket the deployer uploads function code too long to inline to',
    });
  }
  if (parameters.length > 0) {
    template.Parameters = Object.fromEntries(
      parameters.map((p) => [
        p.name,
        {
          Type: 'String',
          Description: p.description,
          ...(p.default !== undefined ? { Default: p.default } : {}),
        },
      ]),
    );
  }
  template.Resources = resources;
  template.Outputs = {
    InvokeUrl: {
      Description: `Invoke URL of the ${target.stage.name} stage`,
      Value: {
        'Fn::Sub': `https://\${${API}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/${target.stage.name}`,
      },
    },
    ApiId: { Description: 'REST API id', Value: { Ref: API } },
    StageName: { Description: 'Stage name', Value: { Ref: STAGE } },
    ...outputs,
    ...(keyed
      ? {
          ApiKeyId: {
            Description:
              'API key id; its value: aws apigateway get-api-key --include-value --api-key <id>',
            Value: { Ref: 'ApiKey' },
          },
        }
      : {}),
  };
  const result: RenderedTemplate = {
    target: options.target,
    template,
    document,
    parameters,
    assets,
    diagnostics,
  };
  // An inline document over the limit is expected: the deployer renders again with S3.
  if (options.bodyS3Location && overS3TemplateLimit(result)) {
    diagnostics.push(
      diagnostic(
        'render.cfn-template-too-large',
        `The template is ${templateBytes(result)} bytes even with the OpenAPI document in S3, over the ${S3_TEMPLATE_BODY_LIMIT} bytes CloudFormation reads; split the API.`,
        { pointer: '' },
      ),
    );
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Backends some operation is wired to. */
function usedBackends(model: ApiModel, design: DesignDocument): Set<string> {
  const used = new Set<string>();
  for (const operation of model.operations) {
    const integration = ownEntry(design.operations, operation.key)?.integration;
    if (integration && 'backend' in integration) used.add(integration.backend);
  }
  return used;
}

function stageProperties(
  design: DesignDocument,
  deploymentId: string,
  variables: JsonObject,
): JsonObject {
  const stage = design.stage;
  const props: JsonObject = {
    RestApiId: { Ref: API },
    DeploymentId: { Ref: deploymentId },
    StageName: stage.name,
  };
  if (stage.tracingEnabled !== undefined) props.TracingEnabled = stage.tracingEnabled;
  if (stage.throttlingRateLimit !== undefined || stage.throttlingBurstLimit !== undefined) {
    const setting: JsonObject = { ResourcePath: '/*', HttpMethod: '*' };
    if (stage.throttlingRateLimit !== undefined)
      setting.ThrottlingRateLimit = stage.throttlingRateLimit;
    if (stage.throttlingBurstLimit !== undefined)
      setting.ThrottlingBurstLimit = stage.throttlingBurstLimit;
    props.MethodSettings = [setting];
  }
  if (Object.keys(variables).length > 0) props.Variables = variables;
  return props;
}

/** Operations that require an API key answer 403 until the caller sends a key of a plan covering the stage. */
function apiKeyResources(): JsonObject {
  return {
    UsagePlan: {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: { ApiStages: [{ ApiId: { Ref: API }, Stage: { Ref: STAGE } }] },
    },
    ApiKey: {
      Type: 'AWS::ApiGateway::ApiKey',
      Properties: { Enabled: true },
    },
    UsagePlanKey: {
      Type: 'AWS::ApiGateway::UsagePlanKey',
      Properties: {
        KeyId: { Ref: 'ApiKey' },
        KeyType: 'API_KEY',
        UsagePlanId: { Ref: 'UsagePlan' },
      },
    },
  };
}
