/**
 * The emitted CDK apps, compiled by the real TypeScript compiler against
 * aws-cdk-lib and synthesized in-process: the sample (one shared Lambda and
 * mocks) and every golden case. The apps are written under
 * `node_modules/.cache/` (inside the package, so `aws-cdk-lib` resolves from its
 * node_modules; ignored by git, lint, typecheck and prettier alike) and
 * compiled in ONE program, since type-checking aws-cdk-lib is the slow part.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitCdk } from '../src/cdk/emit-cdk';
import { loadDesign } from '../src/design/load-design';
import { emptyDesign } from '../src/design/defaults';
import type {
  DesignDocument,
  LambdaBackend,
  NewFargateService,
  NewLambdaFunction,
} from '../src/design/types';
import { lambdaPermissions } from '../src/integrations/lambda-permissions';
import { isJsonObject, type JsonObject, type JsonValue } from '../src/json';
import { importModel } from '../src/model/import-model';
import type { ApiModel } from '../src/model/types';
import { renderOpenApi } from '../src/openapi/render-openapi';
import { logicalId, PLACEHOLDER_PATTERN } from '../src/references';
import { makeDesign, makeModel, makeOperation } from './fixtures';
import { caseDir, goldenCases, readCaseDesign, readCaseModel } from './golden';

const HERE = dirname(fileURLToPath(import.meta.url));
/** One folder per run: two runs at once (a watcher and a full suite) must not share files. */
const TMP = join(HERE, '..', 'node_modules', '.cache', 'gatewright-cdk-synth', String(process.pid));
const require = createRequire(import.meta.url);

interface SynthCase {
  name: string;
  model: ApiModel;
  design: DesignDocument;
  dir: string;
  files: Record<string, string>;
}

type Template = {
  Resources: Record<string, { Type: string; Properties?: JsonObject }>;
  Outputs?: JsonObject;
};

const cases: SynthCase[] = [];

/** The sample wired the way most people start: every /pets operation to one new Lambda, the rest mocked. */
async function sampleCase(): Promise<SynthCase> {
  const file = join(HERE, '..', 'samples', 'petstore', 'openapi.yaml');
  const { model } = await importModel(readFileSync(file, 'utf8'), { file: 'openapi.yaml' });
  const design = emptyDesign('openapi.yaml');
  design.backends.petsHandler = {
    kind: 'lambda',
    function: {
      source: 'new',
      runtime: 'nodejs24.x',
      handler: 'index.handler',
      memoryMiB: 256,
      timeoutSeconds: 29,
      code: "export const handler = async () => ({ statusCode: 200, body: '[]' });\n",
    },
  };
  for (const op of model!.operations) {
    design.operations[op.key] = {
      integration: op.path.startsWith('/pets')
        ? { kind: 'lambda', backend: 'petsHandler' }
        : { kind: 'mock', response: { source: 'custom', statusCode: 200, body: '{}' } },
    };
  }
  return withFiles('sample', model!, design);
}

/**
 * Backend ids that are no identifiers (reserved words, spaces, a leading
 * digit, the names of imported modules) and a handler in a subfolder.
 */
function awkwardNamesCase(): SynthCase {
  const op = (method: 'get' | 'post', path: string) => makeOperation({ method, path });
  const operations = [
    op('get', '/a'),
    op('get', '/b'),
    op('post', '/b'),
    op('get', '/c'),
    op('get', '/d'),
    op('get', '/e/{id}'),
  ];
  const fn = (runtime: NewLambdaFunction['runtime'], handler: string): LambdaBackend => ({
    kind: 'lambda',
    function: {
      source: 'new',
      runtime,
      handler,
      memoryMiB: 128,
      timeoutSeconds: 3,
      code: 'x = 1\n',
    },
  });
  const design = makeDesign({
    apiName: '2nd API: awkward names',
    backends: {
      class: fn('python3.12', 'index.handler'),
      'my handler': fn('nodejs22.x', 'src/app.main'),
      lambda: fn('nodejs24.x', 'index.handler'),
      '2fa': {
        kind: 'lambda',
        function: {
          source: 'existing',
          functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:two-fa',
        },
      },
      cdk: {
        kind: 'ecs-nlb',
        service: {
          source: 'new',
          image: 'public.ecr.aws/nginx/nginx:latest',
          containerPort: 8080,
          cpu: 256,
          memoryMiB: 512,
          desiredCount: 1,
        },
      },
    },
    operations: {
      'GET /a': { integration: { kind: 'lambda', backend: 'class' } },
      'GET /b': { integration: { kind: 'lambda', backend: 'my handler' } },
      'POST /b': { integration: { kind: 'lambda', backend: 'my handler' } },
      'GET /c': { integration: { kind: 'lambda', backend: 'lambda' } },
      'GET /d': { integration: { kind: 'lambda', backend: '2fa' } },
      'GET /e/{id}': { integration: { kind: 'ecs-nlb', backend: 'cdk' } },
    },
    authorizers: { check: { kind: 'lambda', type: 'token', function: { backend: 'lambda' } } },
    stage: { name: 'v1', tracingEnabled: true, throttlingRateLimit: 10, throttlingBurstLimit: 20 },
  });
  return withFiles('awkward-names', makeModel(operations), design);
}

async function goldenCase(name: string): Promise<SynthCase> {
  const { file, text } = readCaseModel(name);
  const { model } = await importModel(text, { file });
  const { design, diagnostics } = loadDesign(
    readCaseDesign(name),
    join(caseDir(name), 'design.json'),
  );
  if (!model || !design)
    throw new Error(`golden case ${name} does not load: ${JSON.stringify(diagnostics)}`);
  return withFiles(name, model, design);
}

function withFiles(name: string, model: ApiModel, design: DesignDocument): SynthCase {
  const { files } = emitCdk(model, design, { language: 'typescript' });
  const dir = join(TMP, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { name, model, design, dir, files };
}

/** Compiles every case's app in one program with the app's own tsconfig; returns the error messages. */
function compileAll(): string[] {
  const configs = new Set(cases.map((c) => c.files['tsconfig.json']));
  expect(configs.size, 'every app has the same tsconfig.json').toBe(1);
  const first = cases[0]!;
  const parsed = ts.parseJsonConfigFileContent(
    JSON.parse(first.files['tsconfig.json']!),
    ts.sys,
    first.dir,
  );
  const rootNames = cases.flatMap((c) =>
    Object.keys(c.files)
      .filter((p) => p.endsWith('.ts'))
      .map((p) => join(c.dir, p)),
  );
  // Emitted beside the sources, as tsx would run them, so `__dirname` finds the document and handlers.
  const program = ts.createProgram(rootNames, { ...parsed.options, noEmit: false });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  return diagnostics.map(
    (d) =>
      ts.flattenDiagnosticMessageText(d.messageText, '\n') +
      (d.file ? ` (${d.file.fileName})` : ''),
  );
}

/** Synthesizes a case's stack from its compiled JavaScript; `openapi` replaces the document first when given. */
function synth(c: SynthCase, openapi?: string): Template {
  const cdk = require('aws-cdk-lib');
  const { Template } = require('aws-cdk-lib/assertions');
  if (openapi !== undefined) writeFileSync(join(c.dir, 'lib', 'openapi.json'), openapi);
  const stackFile = Object.keys(c.files).find(
    (p) => p.startsWith('lib/') && p.endsWith('-stack.ts'),
  )!;
  const modulePath = join(c.dir, stackFile.replace(/\.ts$/, '.js'));
  delete require.cache[modulePath];
  const StackClass = Object.values(
    require(modulePath) as Record<string, new (...args: unknown[]) => unknown>,
  )[0]!;
  const app = new cdk.App({ outdir: join(c.dir, 'cdk.out') });
  const stack = new StackClass(app, 'Test');
  return Template.fromStack(stack).toJSON() as Template;
}

beforeAll(async () => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  cases.push(await sampleCase(), awkwardNamesCase());
  for (const name of goldenCases()) cases.push(await goldenCase(name));
  const errors = compileAll();
  expect(errors, 'the emitted apps compile').toEqual([]);
}, 180_000);

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// ---------------------------------------------------------------- reading the synthesized template

/** A synthesized value with each `Fn::Join`, `Ref` and `Fn::GetAtt` written back as `${Ref}` / `${Id.Attr}` text. */
function canonical(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isJsonObject(value)) return value;
  const join = value['Fn::Join'];
  if (Array.isArray(join) && Object.keys(value).length === 1) {
    const [separator, parts] = join as [string, JsonValue[]];
    return parts.map((p) => canonical(p) as string).join(separator);
  }
  if (typeof value.Ref === 'string' && Object.keys(value).length === 1)
    return '${' + value.Ref + '}';
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && Object.keys(value).length === 1)
    return '${' + getAtt.join('.') + '}';
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
}

/**
 * Compares the rendered document with the synthesized body: equal, except
 * that each placeholder may stand for any one reference, always the same one.
 * Returns the differences and what each placeholder became.
 */
function compareBody(
  expected: JsonValue,
  actual: JsonValue,
): { differences: string[]; mapping: Map<string, string> } {
  const differences: string[] = [];
  const mapping = new Map<string, string>();
  const walk = (e: JsonValue, a: JsonValue, at: string): void => {
    if (typeof e === 'string') {
      const placeholders = [...e.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[0]);
      if (placeholders.length === 0) {
        if (e !== a)
          differences.push(`${at}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`);
        return;
      }
      const pattern = e
        .split(PLACEHOLDER_PATTERN)
        .filter((_, i) => i % 3 === 0)
        .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('(\\$\\{[^}]+\\})');
      const match = typeof a === 'string' ? new RegExp(`^${pattern}$`).exec(a) : null;
      if (!match) {
        differences.push(`${at}: ${JSON.stringify(a)} does not match ${JSON.stringify(e)}`);
        return;
      }
      placeholders.forEach((p, i) => {
        const seen = mapping.get(p);
        if (seen !== undefined && seen !== match[i + 1])
          differences.push(`${at}: ${p} is ${match[i + 1]} here, ${seen} elsewhere`);
        mapping.set(p, match[i + 1]!);
      });
      return;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a) || a.length !== e.length) {
        differences.push(`${at}: not an array of ${e.length}`);
        return;
      }
      e.forEach((item, i) => walk(item, a[i]!, `${at}/${i}`));
      return;
    }
    if (isJsonObject(e)) {
      if (!isJsonObject(a)) {
        differences.push(`${at}: not an object`);
        return;
      }
      const keys = (o: JsonObject) => Object.keys(o).sort();
      if (JSON.stringify(keys(e)) !== JSON.stringify(keys(a))) {
        differences.push(`${at}: keys ${keys(a).join(',')} instead of ${keys(e).join(',')}`);
        return;
      }
      for (const key of Object.keys(e)) walk(e[key]!, a[key]!, `${at}/${key}`);
      return;
    }
    if (e !== a) differences.push(`${at}: ${JSON.stringify(a)} instead of ${JSON.stringify(e)}`);
  };
  walk(expected, actual, '');
  return { differences, mapping };
}

function resources(template: Template, type: string): [string, JsonObject][] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

function newFunctions(design: DesignDocument): [string, NewLambdaFunction][] {
  return Object.entries(design.backends).flatMap(([id, b]) =>
    b.kind === 'lambda' && b.function.source === 'new'
      ? [[id, b.function] as [string, NewLambdaFunction]]
      : [],
  );
}

function newServices(design: DesignDocument): [string, NewFargateService][] {
  return Object.entries(design.backends).flatMap(([id, b]) =>
    b.kind === 'ecs-nlb' && b.service.source === 'new'
      ? [[id, b.service] as [string, NewFargateService]]
      : [],
  );
}

/** What a placeholder must resolve to: the resource type, and the construct id its logical id starts with. */
function expectedTarget(placeholder: string): { type: string; prefix: string } | undefined {
  const [, name, attribute] = new RegExp(PLACEHOLDER_PATTERN.source).exec(placeholder)!;
  if (name!.endsWith('Function') && attribute === 'Arn')
    return { type: 'AWS::Lambda::Function', prefix: name! };
  if (name!.endsWith('Nlb') && attribute === 'DNSName') {
    return {
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      prefix: name!.replace(/Nlb$/, 'Service'),
    };
  }
  if (name!.endsWith('VpcLink') && attribute === undefined)
    return { type: 'AWS::ApiGateway::VpcLink', prefix: name! };
  return undefined;
}

// ---------------------------------------------------------------- the tests

describe('emitted CDK apps synthesize', () => {
  const names = ['sample', 'awkward-names', ...goldenCases()];

  for (const name of names) {
    describe(name, () => {
      let c: SynthCase;
      let template: Template;
      let restApiId: string;

      beforeAll(() => {
        c = cases.find((x) => x.name === name)!;
        template = synth(c);
        const apis = resources(template, 'AWS::ApiGateway::RestApi');
        expect(apis).toHaveLength(1);
        restApiId = apis[0]![0];
      }, 60_000);

      it('puts the rendered document in the RestApi body, each placeholder a reference to what it names', () => {
        const [, api] = resources(template, 'AWS::ApiGateway::RestApi')[0]!;
        const { document } = renderOpenApi(c.model, c.design);
        const { differences, mapping } = compareBody(document, canonical(api.Body!));
        expect(differences).toEqual([]);
        const targets = [...mapping.values()];
        expect(new Set(targets).size, 'distinct placeholders, distinct references').toBe(
          targets.length,
        );
        for (const [placeholder, reference] of mapping) {
          const target = expectedTarget(placeholder);
          if (placeholder.startsWith('${AWS::')) {
            expect(reference).toBe(placeholder);
            continue;
          }
          if (target === undefined) {
            // Text that only looks like a placeholder (a mapping template's `${var}`) stays as
            // written; logical ids, and so the renderer's placeholders, start upper case.
            expect(placeholder, 'a placeholder the stack does not know').toMatch(/^\$\{[a-z]/);
            expect(reference).toBe(placeholder);
            continue;
          }
          const logical = reference.slice(2, -1).split('.')[0]!;
          expect(template.Resources[logical]?.Type, `${placeholder} -> ${reference}`).toBe(
            target.type,
          );
          expect(logical.startsWith(target.prefix), `${placeholder} -> ${reference}`).toBe(true);
        }
      });

      it('names the API and deploys the design’s stage', () => {
        const [, api] = resources(template, 'AWS::ApiGateway::RestApi')[0]!;
        expect(api.Name).toBe(c.design.apiName ?? c.model.title);
        const stages = resources(template, 'AWS::ApiGateway::Stage');
        expect(stages.map(([, s]) => s.StageName)).toEqual([c.design.stage.name]);
        const { tracingEnabled, throttlingRateLimit, throttlingBurstLimit } = c.design.stage;
        if (tracingEnabled !== undefined) expect(stages[0]![1].TracingEnabled).toBe(tracingEnabled);
        if (throttlingRateLimit !== undefined) {
          expect(stages[0]![1].MethodSettings).toEqual([
            expect.objectContaining({
              ThrottlingRateLimit: throttlingRateLimit,
              ThrottlingBurstLimit: throttlingBurstLimit,
            }),
          ]);
        }
        expect(resources(template, 'AWS::ApiGateway::Deployment')).toHaveLength(1);
      });

      it('creates each new Lambda function with its runtime, handler, memory and timeout', () => {
        const functions = resources(template, 'AWS::Lambda::Function');
        const expected = newFunctions(c.design);
        expect(functions).toHaveLength(expected.length);
        for (const [id, fn] of expected) {
          const found = functions.filter(([logical]) =>
            logical.startsWith(logicalId(id, 'Function')),
          );
          expect(found, id).toHaveLength(1);
          expect(found[0]![1]).toMatchObject({
            Runtime: fn.runtime,
            Handler: fn.handler,
            MemorySize: fn.memoryMiB,
            Timeout: fn.timeoutSeconds,
          });
        }
      });

      it('grants API Gateway exactly the planned Lambda permissions', () => {
        const plans = lambdaPermissions(c.model, c.design);
        const permissions = resources(template, 'AWS::Lambda::Permission').map(
          ([, p]) => canonical(p) as JsonObject,
        );
        expect(permissions).toHaveLength(plans.length);
        for (const plan of plans) {
          const backend =
            'backend' in plan.target
              ? (c.design.backends[plan.target.backend] as LambdaBackend)
              : undefined;
          const fn = backend?.function;
          const functionName =
            fn?.source === 'new'
              ? new RegExp(
                  `^\\$\\{${logicalId((plan.target as { backend: string }).backend, 'Function')}[A-Z0-9]{8}\\.Arn\\}$`,
                )
              : new RegExp(
                  `^${(fn?.source === 'existing' ? fn.functionArn : (plan.target as { functionArn: string }).functionArn).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
                );
          const sourceArn = `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${restApiId}}/${plan.sourceArnSuffix}`;
          const matching = permissions.filter(
            (p) => functionName.test(p.FunctionName as string) && p.SourceArn === sourceArn,
          );
          expect(
            matching,
            `${JSON.stringify(plan)} in ${JSON.stringify(permissions)}`,
          ).toHaveLength(1);
          expect(matching[0]).toMatchObject({
            Action: 'lambda:InvokeFunction',
            Principal: 'apigateway.amazonaws.com',
          });
        }
      });

      it('runs each new ECS service behind a private NLB, reachable from the VPC, through a VPC link', () => {
        const services = newServices(c.design);
        expect(resources(template, 'AWS::ECS::Service')).toHaveLength(services.length);
        expect(resources(template, 'AWS::ApiGateway::VpcLink')).toHaveLength(services.length);
        const balancers = resources(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
        expect(balancers).toHaveLength(services.length);
        for (const [id, service] of services) {
          const [lbId, lb] = balancers.find(([logical]) =>
            logical.startsWith(logicalId(id, 'Service')),
          )!;
          expect(lb).toMatchObject({ Scheme: 'internal', Type: 'network' });
          const [, link] = resources(template, 'AWS::ApiGateway::VpcLink').find(([l]) =>
            l.startsWith(logicalId(id, 'VpcLink')),
          )!;
          expect(canonical(link.TargetArns!)).toEqual(['${' + lbId + '}']);
          const ingress = [
            ...resources(template, 'AWS::EC2::SecurityGroupIngress').map(([, i]) => canonical(i)),
            ...resources(template, 'AWS::EC2::SecurityGroup').flatMap(
              ([, g]) => canonical(g.SecurityGroupIngress ?? []) as JsonValue[],
            ),
          ] as JsonObject[];
          expect(
            ingress.some(
              (i) =>
                /^\$\{Vpc[A-Z0-9]{8}\.CidrBlock\}$/.test(String(i.CidrIp)) &&
                i.FromPort === service.containerPort,
            ),
            `ingress from the VPC on ${service.containerPort}`,
          ).toBe(true);
        }
      });

      it('gives operations that require an API key a usage plan on the stage with a key, and no plan otherwise', () => {
        const keyed = Object.values(c.design.operations).some((o) => o.apiKeyRequired);
        const plans = resources(template, 'AWS::ApiGateway::UsagePlan');
        expect(plans).toHaveLength(keyed ? 1 : 0);
        if (!keyed) return;
        const stages = plans[0]![1].ApiStages as JsonObject[];
        expect(stages.map((stage) => canonical(stage.ApiId!))).toEqual(['${' + restApiId + '}']);
        expect(resources(template, 'AWS::ApiGateway::ApiKey')).toHaveLength(1);
        expect(resources(template, 'AWS::ApiGateway::UsagePlanKey')).toHaveLength(1);
        expect(Object.keys(template.Outputs ?? {})).toContain('ApiKeyId');
      });

      it('outputs the invoke URL and the API id', () => {
        // SpecRestApi adds its own `ApiEndpoint<hash>` output; ApiUrl is the one with a stable name.
        expect(Object.keys(template.Outputs ?? {})).toEqual(
          expect.arrayContaining(['ApiId', 'ApiUrl']),
        );
        expect(canonical((template.Outputs!.ApiId as JsonObject).Value!)).toBe(
          '${' + restApiId + '}',
        );
        expect(canonical((template.Outputs!.ApiUrl as JsonObject).Value!)).toContain(
          '${' + restApiId + '}',
        );
      });
    });
  }

  it('pins the aws-cdk-lib, constructs and TypeScript it was compiled and synthesized with here', () => {
    const ours = JSON.parse(readFileSync(join(HERE, '..', 'package.json'), 'utf8')).devDependencies;
    for (const c of cases) {
      const app = JSON.parse(c.files['package.json']!);
      expect(app.dependencies['aws-cdk-lib']).toBe(ours['aws-cdk-lib']);
      expect(app.dependencies.constructs).toBe(ours.constructs);
      expect(app.devDependencies.typescript).toBe(ours.typescript);
    }
  });

  it('gives a changed document a new deployment', () => {
    const sample = cases.find((c) => c.name === 'sample')!;
    const deploymentOf = (t: Template) => resources(t, 'AWS::ApiGateway::Deployment')[0]![0];
    const before = deploymentOf(synth(sample));
    const changed = JSON.parse(sample.files['lib/openapi.json']!);
    changed.info.description = 'changed';
    const after = deploymentOf(synth(sample, JSON.stringify(changed)));
    synth(sample, sample.files['lib/openapi.json']);
    expect(after).not.toBe(before);
  });
});
