/**
 * Model + design + rendered document -> the CDK app as language-neutral data
 * (`ir.ts`). Everything an emitter needs is decided here, once: which
 * constructs exist, their ids and props, which token each placeholder of the
 * document becomes, and which Lambda permissions are granted.
 */
import { diagnostic, type Diagnostic } from '../diagnostics';
import type {
  DesignDocument,
  EcsNlbBackend,
  NewFargateService,
  NewLambdaFunction,
} from '../design/types';
import { lambdaPermissions } from '../integrations/lambda-permissions';
import type { PermissionPlan } from '../integrations/types';
import { isJsonObject, pointer, type JsonObject, type JsonValue } from '../json';
import type { ApiModel } from '../model/types';
import {
  designPlaceholderNames,
  logicalId,
  PLACEHOLDER_PATTERN,
  placeholder,
  PSEUDO,
} from '../references';
import { compareCodeUnits } from './identifiers';
import {
  type AppAsset,
  CDK,
  type CdkApp,
  construct,
  type Expr,
  num,
  prop,
  ref,
  type Statement,
  str,
  struct,
  type Substitution,
  type Variable,
  bool,
} from './ir';

// `restApi`, not `api`: a backend called `api` is common.
const API: Variable = { key: 'api', name: 'rest api' };
const DEFINITION: Variable = { key: 'definition', name: 'definition' };
const VPC: Variable = { key: 'vpc', name: 'vpc' };
const CLUSTER: Variable = { key: 'cluster', name: 'cluster' };
const USAGE_PLAN: Variable = { key: 'usagePlan', name: 'usage plan' };
const API_KEY: Variable = { key: 'apiKey', name: 'api key' };
const backendVariable = (id: string): Variable => ({ key: `backend:${id}`, name: id });
const linkVariable = (id: string): Variable => ({ key: `link:${id}`, name: `${id} link` });
const importedVariable = (arn: string, name: string): Variable => ({ key: `arn:${arn}`, name });

/** Integration URIs are `http://{nlbDnsName}{path}`: the NLB listens on HTTP's port. */
const NLB_LISTENER_PORT = 80;
const DOCUMENT_FILE = 'openapi.json';
/** The source ARN suffix `lambdaPermissions` gives a function that serves several operations. */
const API_WIDE = '*/*';
const AWS = CDK.core('Aws');
/** CloudFormation's limit on a template uploaded to S3, which is how CDK deploys large ones. */
const TEMPLATE_LIMIT_BYTES = 1_048_576;

export interface BuildResult {
  app: CdkApp;
  diagnostics: Diagnostic[];
}

/** The app for a design, given the document `renderOpenApi` made for it. */
export function buildCdkApp(
  model: ApiModel,
  design: DesignDocument,
  document: JsonObject,
): BuildResult {
  const apiName = design.apiName ?? (model.title.trim() || 'API');
  const backends = Object.entries(design.backends).sort(([a], [b]) => compareCodeUnits(a, b));
  const statements: Statement[] = [];
  const assets: AppAsset[] = [];
  const summary: string[] = [];
  /** Placeholder -> the value that means it, for every resource the stack creates. */
  const tokens = new Map<string, Expr>([
    [PSEUDO.partition, { kind: 'staticProperty', type: AWS, name: 'PARTITION' }],
    [PSEUDO.region, { kind: 'staticProperty', type: AWS, name: 'REGION' }],
    [PSEUDO.accountId, { kind: 'staticProperty', type: AWS, name: 'ACCOUNT_ID' }],
  ]);
  const folders = new Set<string>();

  for (const [id, backend] of backends) {
    if (backend.kind !== 'lambda' || backend.function.source !== 'new') continue;
    const fn = backend.function;
    const folder = uniqueFolder(id, folders);
    assets.push({ path: `lambda/${folder}/${handlerFile(fn)}`, text: withNewline(fn.code) });
    statements.push(
      { kind: 'blank' },
      declare(
        backendVariable(id),
        construct(CDK.lambda('Function'), logicalId(id, 'Function'), functionProps(fn, folder)),
      ),
    );
    tokens.set(
      placeholder(logicalId(id, 'Function'), 'Arn'),
      prop(ref(backendVariable(id)), 'functionArn'),
    );
    summary.push(
      `Lambda function \`${id}\` (${fn.runtime}, ${fn.memoryMiB} MiB, ${fn.timeoutSeconds} s), code in \`lambda/${folder}/\``,
    );
  }

  const services = backends.filter(
    (entry): entry is [string, EcsNlbBackend & { service: NewFargateService }] =>
      entry[1].kind === 'ecs-nlb' && entry[1].service.source === 'new',
  );
  if (services.length > 0) {
    statements.push(
      { kind: 'blank' },
      comment(
        'One VPC and cluster for the ECS services; tasks run in private subnets and pull images through the NAT gateway.',
      ),
      declare(
        VPC,
        construct(
          CDK.ec2('Vpc'),
          'Vpc',
          struct(CDK.ec2('VpcProps'), { maxAzs: num(2), natGateways: num(1) }),
        ),
      ),
      declare(
        CLUSTER,
        construct(
          CDK.ecs('Cluster'),
          'Cluster',
          struct(CDK.ecs('ClusterProps'), { vpc: ref(VPC) }),
        ),
      ),
    );
  }
  for (const [id, backend] of services) {
    statements.push(...ecsService(id, backend.service));
    tokens.set(
      placeholder(logicalId(id, 'Nlb'), 'DNSName'),
      prop(ref(backendVariable(id)), 'loadBalancer', 'loadBalancerDnsName'),
    );
    tokens.set(placeholder(logicalId(id, 'VpcLink')), prop(ref(linkVariable(id)), 'vpcLinkId'));
    summary.push(
      `ECS Fargate service \`${id}\` (\`${backend.service.image}\`) behind a private NLB, reached through a VPC link`,
    );
  }

  const plans = lambdaPermissions(model, design);
  const targets = permissionTargets(plans, design, statements, summary);

  const { substitutions, diagnostics } = substitutionsFor(
    document,
    tokens,
    designPlaceholderNames(design),
  );
  const documentBytes = utf8Length(JSON.stringify(document));
  if (documentBytes > TEMPLATE_LIMIT_BYTES) {
    diagnostics.push(
      diagnostic(
        'render.cdk-template-too-large',
        `The OpenAPI document is ${documentBytes} bytes. The CDK app inlines it in its template (ApiDefinition.fromInline), and CloudFormation refuses templates over ${TEMPLATE_LIMIT_BYTES} bytes, so this app would not deploy. Export the OpenAPI document instead and import it from S3 in your own stack (ApiDefinition.fromBucket, which API Gateway reads as BodyS3Location), or split the API.`,
        { pointer: '' },
      ),
    );
  }
  statements.push(
    { kind: 'blank' },
    comment(
      'The rendered OpenAPI document, its deploy-time placeholders replaced by the values this stack creates.',
    ),
    { kind: 'loadDefinition', variable: DEFINITION, file: DOCUMENT_FILE, substitutions },
    declare(API, construct(CDK.apigateway('SpecRestApi'), 'Api', apiProps(apiName, design))),
    comment(
      'CDK cannot see inside an inline definition: hash it into the deployment, so a changed document is deployed.',
    ),
    {
      kind: 'expression',
      value: {
        kind: 'call',
        object: prop(ref(API), 'latestDeployment'),
        method: 'addToLogicalId',
        args: [ref(DEFINITION)],
        nullSafe: true,
      },
    },
  );

  if (plans.length > 0) statements.push({ kind: 'blank' }, ...permissionStatements(plans, targets));
  const keyed = Object.values(design.operations).some((operation) => operation.apiKeyRequired);
  if (keyed) {
    statements.push({ kind: 'blank' }, ...apiKeyStatements());
    summary.push('A usage plan for the stage with one API key (output `ApiKeyId`)');
  }

  statements.push(
    { kind: 'blank' },
    output('ApiUrl', prop(ref(API), 'url'), `Invoke URL of the ${design.stage.name} stage`),
    output('ApiId', prop(ref(API), 'restApiId'), 'REST API id'),
  );
  if (keyed) {
    statements.push(
      output(
        'ApiKeyId',
        prop(ref(API_KEY), 'keyId'),
        'API key id; its value: aws apigateway get-api-key --include-value --api-key <id>',
      ),
    );
  }
  summary.push(
    `REST API \`${apiName}\` from \`lib/${DOCUMENT_FILE}\`, deployed to the \`${design.stage.name}\` stage`,
  );

  return {
    app: {
      generatedBy: `Generated by Gatewright from ${design.model} and its design; exporting again overwrites this file.`,
      apiName,
      stackName: apiName,
      stackId: logicalId(apiName, 'Stack'),
      document,
      documentFile: DOCUMENT_FILE,
      statements,
      assets,
      summary,
    },
    diagnostics,
  };
}

function functionProps(fn: NewLambdaFunction, folder: string): Expr {
  return struct(CDK.lambda('FunctionProps'), {
    runtime: {
      kind: 'staticProperty',
      type: CDK.lambda('Runtime'),
      name: runtimeConstant(fn.runtime),
    },
    handler: str(fn.handler),
    code: {
      kind: 'staticCall',
      type: CDK.lambda('Code'),
      method: 'fromAsset',
      args: [{ kind: 'appPath', segments: ['lambda', folder] }],
    },
    memorySize: num(fn.memoryMiB),
    timeout: {
      kind: 'staticCall',
      type: CDK.core('Duration'),
      method: 'seconds',
      args: [num(fn.timeoutSeconds)],
    },
  });
}

/** `nodejs24.x` -> `NODEJS_24_X`, `python3.14` -> `PYTHON_3_14`: the names of aws-cdk-lib's `Runtime` constants. */
export function runtimeConstant(runtime: NewLambdaFunction['runtime']): string {
  const node = /^nodejs(\d+)\.x$/.exec(runtime);
  if (node) return `NODEJS_${node[1]}_X`;
  const python = /^python(\d+)\.(\d+)$/.exec(runtime);
  if (python) return `PYTHON_${python[1]}_${python[2]}`;
  throw new Error(`no Runtime constant for ${runtime}`);
}

/** The handler's file: its module part plus `.mjs` (the starter code is ESM) or `.py`. */
export function handlerFile(fn: NewLambdaFunction): string {
  const dot = fn.handler.lastIndexOf('.');
  const module = dot > 0 ? fn.handler.slice(0, dot) : fn.handler;
  return module + (fn.runtime.startsWith('python') ? '.py' : '.mjs');
}

/** The backend id as a folder name when it is safe as one, else cleaned; unique among the app's folders. */
function uniqueFolder(id: string, used: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'function';
  let folder = base;
  for (let n = 2; used.has(folder); n++) folder = `${base}-${n}`;
  used.add(folder);
  return folder;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

function ecsService(id: string, service: NewFargateService): Statement[] {
  const variable = backendVariable(id);
  return [
    { kind: 'blank' },
    declare(
      variable,
      construct(
        CDK.ecsPatterns('NetworkLoadBalancedFargateService'),
        logicalId(id, 'Service'),
        struct(CDK.ecsPatterns('NetworkLoadBalancedFargateServiceProps'), {
          cluster: ref(CLUSTER),
          publicLoadBalancer: bool(false),
          listenerPort: num(NLB_LISTENER_PORT),
          cpu: num(service.cpu),
          memoryLimitMiB: num(service.memoryMiB),
          desiredCount: num(service.desiredCount),
          taskImageOptions: struct(CDK.ecsPatterns('NetworkLoadBalancedTaskImageOptions'), {
            image: {
              kind: 'staticCall',
              type: CDK.ecs('ContainerImage'),
              method: 'fromRegistry',
              args: [str(service.image)],
            },
            containerPort: num(service.containerPort),
          }),
        }),
      ),
    ),
    comment('An NLB passes on the addresses it received traffic from: let the VPC in.'),
    {
      kind: 'expression',
      value: {
        kind: 'call',
        object: prop(ref(variable), 'service', 'connections'),
        method: 'allowFrom',
        args: [
          {
            kind: 'staticCall',
            type: CDK.ec2('Peer'),
            method: 'ipv4',
            args: [prop(ref(VPC), 'vpcCidrBlock')],
          },
          {
            kind: 'staticCall',
            type: CDK.ec2('Port'),
            method: 'tcp',
            args: [num(service.containerPort)],
          },
          str('Traffic from the VPC link through the NLB'),
        ],
      },
    },
    declare(
      linkVariable(id),
      construct(
        CDK.apigateway('VpcLink'),
        logicalId(id, 'VpcLink'),
        struct(CDK.apigateway('VpcLinkProps'), {
          targets: { kind: 'list', items: [prop(ref(variable), 'loadBalancer')] },
        }),
      ),
    ),
  ];
}

/**
 * The function each permission is added to, declaring the existing functions
 * that need one. Imported functions are marked as in the stack's account:
 * CloudFormation can only add a permission there, and without the mark CDK
 * skips it silently in an environment-agnostic stack.
 */
function permissionTargets(
  plans: PermissionPlan[],
  design: DesignDocument,
  statements: Statement[],
  summary: string[],
): Map<PermissionPlan, Variable> {
  const targets = new Map<PermissionPlan, Variable>();
  const imported = new Map<string, Variable>();
  const importFunction = (arn: string, variable: Variable, id: string): Variable => {
    const known = imported.get(arn);
    if (known) return known;
    if (imported.size === 0) {
      statements.push(
        { kind: 'blank' },
        comment(
          "Existing functions, marked as in this stack's account: only there can CloudFormation add the permission API Gateway needs.",
        ),
      );
    }
    statements.push(
      declare(variable, {
        kind: 'staticCall',
        type: CDK.lambda('Function'),
        method: 'fromFunctionAttributes',
        args: [
          { kind: 'scope' },
          str(id),
          struct(CDK.lambda('FunctionAttributes'), {
            functionArn: str(arn),
            sameEnvironment: bool(true),
          }),
        ],
      }),
    );
    imported.set(arn, variable);
    summary.push(`Permission for the API to invoke the existing function \`${arn}\``);
    return variable;
  };
  for (const plan of plans) {
    if ('backend' in plan.target) {
      const backend = design.backends[plan.target.backend];
      if (backend?.kind !== 'lambda') continue;
      const fn = backend.function;
      targets.set(
        plan,
        fn.source === 'new'
          ? backendVariable(plan.target.backend)
          : importFunction(
              fn.functionArn,
              backendVariable(plan.target.backend),
              logicalId(plan.target.backend, 'Function'),
            ),
      );
    } else {
      const arn = plan.target.functionArn;
      const authorizerId = Object.entries(design.authorizers)
        .filter(
          ([, a]) =>
            a.kind === 'lambda' && 'functionArn' in a.function && a.function.functionArn === arn,
        )
        .map(([authorizer]) => authorizer)
        .sort(compareCodeUnits)[0];
      const name = `${authorizerId ?? 'imported'} function`;
      targets.set(
        plan,
        importFunction(arn, importedVariable(arn, name), authorizerImportId(authorizerId, design)),
      );
    }
  }
  return targets;
}

/**
 * The construct id for an authorizer's existing function: its own suffix, and a
 * number when even that meets a construct id a backend gets (backend ids are
 * the user's; an authorizer `search` beside a backend `searchAuthorizer` is fine).
 */
function authorizerImportId(authorizerId: string | undefined, design: DesignDocument): string {
  const taken = new Set(
    Object.keys(design.backends).flatMap((id) =>
      ['Function', 'Service', 'Nlb', 'VpcLink'].map((suffix) => logicalId(id, suffix)),
    ),
  );
  const base = logicalId(authorizerId ?? 'imported', 'AuthorizerFunction');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = base + n;
  return id;
}

function permissionStatements(
  plans: PermissionPlan[],
  targets: Map<PermissionPlan, Variable>,
): Statement[] {
  const statements: Statement[] = [];
  let explained = false;
  /** Permission ids are scoped by function: unique per target variable. */
  const ids = new Map<string, Set<string>>();
  for (const plan of plans) {
    const target = targets.get(plan);
    if (!target) continue;
    const used = ids.get(target.key) ?? new Set<string>();
    ids.set(target.key, used);
    const base =
      'ApiInvoke' +
      (plan.sourceArnSuffix.match(/[A-Za-z0-9]+/g) ?? [])
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join('');
    let id = base;
    for (let n = 2; used.has(id); n++) id = base + n;
    used.add(id);
    if (plan.sourceArnSuffix === API_WIDE && !explained) {
      explained = true;
      statements.push(
        comment(
          'A function serving several operations gets one API-wide permission: one per operation would overflow its 20 KB resource policy on large APIs.',
        ),
      );
    }
    statements.push({
      kind: 'expression',
      value: {
        kind: 'call',
        object: ref(target),
        method: 'addPermission',
        args: [
          str(id),
          struct(CDK.lambda('Permission'), {
            principal: {
              kind: 'new',
              type: CDK.iam('ServicePrincipal'),
              args: [str('apigateway.amazonaws.com')],
            },
            action: str('lambda:InvokeFunction'),
            sourceArn: executeApiArn(plan.sourceArnSuffix),
          }),
        ],
      },
    });
  }
  return statements;
}

/**
 * API Gateway answers 403 to an operation that requires an API key until the
 * caller sends a key of a usage plan that covers the stage: one plan and one
 * key, so the API works as deployed.
 */
function apiKeyStatements(): Statement[] {
  const call = (object: Expr, method: string, args: Expr[]): Expr => ({
    kind: 'call',
    object,
    method,
    args,
  });
  return [
    comment(
      'Operations that require an API key: one usage plan for this stage, and one key in it.',
    ),
    declare(
      USAGE_PLAN,
      call(ref(API), 'addUsagePlan', [
        str('UsagePlan'),
        struct(CDK.apigateway('UsagePlanProps'), {
          apiStages: {
            kind: 'list',
            items: [
              struct(CDK.apigateway('UsagePlanPerApiStage'), {
                api: ref(API),
                stage: prop(ref(API), 'deploymentStage'),
              }),
            ],
          },
        }),
      ]),
    ),
    declare(API_KEY, call(ref(API), 'addApiKey', [str('ApiKey')])),
    { kind: 'expression', value: call(ref(USAGE_PLAN), 'addApiKey', [ref(API_KEY)]) },
  ];
}

/** `arn:{partition}:execute-api:{region}:{account}:{restApiId}/{suffix}`. */
function executeApiArn(suffix: string): Expr {
  const pseudo = (name: string): Expr => ({ kind: 'staticProperty', type: AWS, name });
  return {
    kind: 'template',
    parts: [
      'arn:',
      pseudo('PARTITION'),
      ':execute-api:',
      pseudo('REGION'),
      ':',
      pseudo('ACCOUNT_ID'),
      ':',
      prop(ref(API), 'restApiId'),
      '/' + suffix,
    ],
  };
}

function apiProps(apiName: string, design: DesignDocument): Expr {
  const stage = design.stage;
  return struct(CDK.apigateway('SpecRestApiProps'), {
    restApiName: str(apiName),
    apiDefinition: {
      kind: 'staticCall',
      type: CDK.apigateway('ApiDefinition'),
      method: 'fromInline',
      args: [ref(DEFINITION)],
    },
    deployOptions: struct(CDK.apigateway('StageOptions'), {
      stageName: str(stage.name),
      tracingEnabled: stage.tracingEnabled === undefined ? undefined : bool(stage.tracingEnabled),
      throttlingRateLimit:
        stage.throttlingRateLimit === undefined ? undefined : num(stage.throttlingRateLimit),
      throttlingBurstLimit:
        stage.throttlingBurstLimit === undefined ? undefined : num(stage.throttlingBurstLimit),
    }),
    // The CloudWatch role is one per account and region, shared by every API: not this stack's to own.
    cloudWatchRole: bool(false),
  });
}

/**
 * A substitution for every placeholder in the document's strings, in order of
 * first appearance. A placeholder for one of the design's backends that the
 * stack does not create is a finding; any other `${...}` is text that merely
 * looks like one (a mapping template's `${var}`) and stays as written.
 */
function substitutionsFor(
  document: JsonObject,
  tokens: Map<string, Expr>,
  backendNames: Set<string>,
): { substitutions: Substitution[]; diagnostics: Diagnostic[] } {
  const found = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const walk = (value: JsonValue, tokensSoFar: (string | number)[]): void => {
    const fn = isJsonObject(value) ? cloudFormationFunction(value) : undefined;
    if (fn) {
      diagnostics.push(
        diagnostic(
          'render.cdk-unresolved-placeholder',
          `The OpenAPI document holds the CloudFormation function ${fn} (kept as written from the model). CloudFormation would evaluate it against resources this CDK app does not create, and the deploy would fail. Replace it in the model with a plain value, or give the operation an integration in the design.`,
          { pointer: pointer(...tokensSoFar) },
        ),
      );
      return;
    }
    if (typeof value === 'string') {
      for (const match of value.matchAll(PLACEHOLDER_PATTERN)) {
        const ours = tokens.has(match[0]) || backendNames.has(match[1]!);
        if (ours && !found.has(match[0])) found.set(match[0], pointer(...tokensSoFar));
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...tokensSoFar, i]));
    } else if (isJsonObject(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...tokensSoFar, key]);
    }
  };
  walk(document, []);
  const substitutions: Substitution[] = [];
  for (const [text, where] of found) {
    const value = tokens.get(text);
    if (value) {
      substitutions.push({ placeholder: text, value });
    } else {
      diagnostics.push(
        diagnostic(
          'render.cdk-unresolved-placeholder',
          `The OpenAPI document refers to ${text}, which the CDK app does not create. Check that the backend it names exists and is new (not existing) in the design.`,
          { pointer: where },
        ),
      );
    }
  }
  return { substitutions, diagnostics };
}

/** `Fn::Sub`, `Ref`, ... when the object is a CloudFormation function call (its one key names it). */
function cloudFormationFunction(value: JsonObject): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && /^(Ref|Fn::[A-Za-z]+)$/.test(keys[0]!) ? keys[0] : undefined;
}

/** Bytes of a string in UTF-8, counted without `TextEncoder`, which core's target libraries do not declare. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function declare(variable: Variable, value: Expr): Statement {
  return { kind: 'declare', variable, value };
}

function comment(text: string): Statement {
  return { kind: 'comment', text };
}

function output(id: string, value: Expr, description: string): Statement {
  return {
    kind: 'expression',
    value: construct(
      CDK.core('CfnOutput'),
      id,
      struct(CDK.core('CfnOutputProps'), { value, description: str(description) }),
    ),
  };
}
