import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import type { Backend, DesignDocument, LambdaBackend, NewLambdaFunction } from '../design/types';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { renderOpenApi } from '../openapi/render-openapi';
import { serializeOpenApi } from '../openapi/serialize';
import { renderTemplate } from './render-template';
import { needsBodyS3Location, needsTemplateUrl, templateBytes } from './template-size';
import type { RenderedTemplate } from './types';

const starter: NewLambdaFunction = {
  source: 'new',
  runtime: 'nodejs24.x',
  handler: 'index.handler',
  memoryMiB: 256,
  timeoutSeconds: 29,
  code: "export const handler = async () => ({ statusCode: 200, body: '[]' });\n",
};
const newFn: LambdaBackend = { kind: 'lambda', function: starter };
const legacyArn = 'arn:aws:lambda:eu-west-1:123456789012:function:legacy';
const legacyFn: LambdaBackend = {
  kind: 'lambda',
  function: { source: 'existing', functionArn: legacyArn },
};
const listPets = makeOperation({ method: 'get', path: '/pets' });
const getPet = makeOperation({ method: 'get', path: '/pets/{petId}' });
const deletePet = makeOperation({ method: 'delete', path: '/pets/{petId}' });
const model = makeModel([listPets, getPet, deletePet]);
const env = { partition: 'aws', region: 'us-east-1', accountId: '000000000000' };

function resources(rendered: RenderedTemplate): Record<string, JsonObject> {
  return rendered.template.Resources as Record<string, JsonObject>;
}
function ofType(rendered: RenderedTemplate, type: string): [string, JsonObject][] {
  return Object.entries(resources(rendered)).filter(([, r]) => r.Type === type);
}
function props(resource: JsonObject | undefined): JsonObject {
  return (resource?.Properties ?? {}) as JsonObject;
}
function integrationOf(body: JsonValue, path: string, method: string): JsonObject {
  const paths = (body as JsonObject).paths as JsonObject;
  return ((paths[path] as JsonObject)[method] as JsonObject)[
    'x-amazon-apigateway-integration'
  ] as JsonObject;
}
function body(rendered: RenderedTemplate): JsonObject {
  return props(resources(rendered).Api).Body as JsonObject;
}
function deploymentId(rendered: RenderedTemplate): string {
  return ofType(rendered, 'AWS::ApiGateway::Deployment').map(([id]) => id)[0]!;
}
function mockAll(extra: Partial<DesignDocument> = {}): DesignDocument {
  return makeDesign({
    operations: Object.fromEntries(
      model.operations.map((op) => [
        op.key,
        { integration: { kind: 'mock', response: { source: 'custom', statusCode: 200 } } },
      ]),
    ),
    ...extra,
  });
}
/** Every string in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isJsonObject(value)) return Object.values(value).flatMap(strings);
  return [];
}
/** Whether any object in a JSON value is a CloudFormation function call. */
function hasFunctions(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasFunctions);
  if (!isJsonObject(value)) return false;
  if (Object.keys(value).some((k) => k === 'Ref' || k.startsWith('Fn::'))) return true;
  return Object.values(value).some(hasFunctions);
}

describe('renderTemplate', () => {
  it('renders the RestApi, a Deployment, the Stage and the outputs', () => {
    const rendered = renderTemplate(model, mockAll(), { target: 'aws' });
    expect(rendered.diagnostics).toEqual([]);
    expect(deploymentId(rendered)).toMatch(/^ApiDeployment[0-9A-F]{10}$/);
    expect(props(resources(rendered).ApiStage)).toMatchObject({
      RestApiId: { Ref: 'Api' },
      DeploymentId: { Ref: deploymentId(rendered) },
      StageName: 'dev',
    });
    expect(rendered.template.Outputs).toMatchObject({
      InvokeUrl: {
        Value: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/dev' },
      },
      ApiId: { Value: { Ref: 'Api' } },
      StageName: { Value: { Ref: 'ApiStage' } },
    });
  });

  it('carries the document renderOpenApi renders, unchanged where it holds no placeholder', () => {
    const design = mockAll();
    const rendered = renderTemplate(model, design, { target: 'aws' });
    const expected = serializeOpenApi(renderOpenApi(model, design).document, 'json');
    expect(serializeOpenApi(rendered.document as JsonObject, 'json')).toBe(expected);
    expect(serializeOpenApi(body(rendered), 'json')).toBe(expected);
  });

  describe('the Deployment logical id', () => {
    it('changes when the document changes', () => {
      const before = renderTemplate(model, mockAll(), { target: 'aws' });
      const design = mockAll();
      design.operations['GET /pets'] = {
        integration: { kind: 'mock', response: { source: 'custom', statusCode: 201 } },
      };
      const after = renderTemplate(model, design, { target: 'aws' });
      expect(deploymentId(after)).not.toBe(deploymentId(before));
    });

    it('stays when only resources outside the document change', () => {
      const base = mockAll({ backends: { fn: newFn } });
      base.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'fn' } };
      const changed: DesignDocument = {
        ...base,
        backends: { fn: { kind: 'lambda', function: { ...starter, memoryMiB: 1024 } } },
        stage: { name: 'dev', tracingEnabled: true },
      };
      const before = renderTemplate(model, base, { target: 'aws' });
      const after = renderTemplate(model, changed, { target: 'aws' });
      expect(deploymentId(after)).toBe(deploymentId(before));
      expect(props(resources(after).FnFunction).MemorySize).toBe(1024);
    });
  });

  describe('Lambda permissions (the shared-function rule)', () => {
    it('grants one permission per operation to a function serving one', () => {
      const design = mockAll({ backends: { lister: newFn, getter: newFn } });
      design.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'lister' } };
      design.operations['GET /pets/{petId}'] = {
        integration: { kind: 'lambda', backend: 'getter' },
      };
      const rendered = renderTemplate(model, design, { target: 'aws' });
      const permissions = ofType(rendered, 'AWS::Lambda::Permission');
      expect(permissions.map(([id, r]) => [id, props(r).FunctionName, props(r).SourceArn])).toEqual(
        [
          [
            'GetterInvokeGETPets',
            { Ref: 'GetterFunction' },
            {
              'Fn::Sub':
                'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/pets/*',
            },
          ],
          [
            'ListerInvokeGETPets',
            { Ref: 'ListerFunction' },
            {
              'Fn::Sub':
                'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/pets',
            },
          ],
        ],
      );
    });

    it('grants ONE API-wide permission to a function serving several', () => {
      const design = mockAll({ backends: { shared: newFn } });
      for (const op of model.operations)
        design.operations[op.key] = { integration: { kind: 'lambda', backend: 'shared' } };
      const permissions = ofType(
        renderTemplate(model, design, { target: 'aws' }),
        'AWS::Lambda::Permission',
      );
      expect(permissions).toHaveLength(1);
      expect(permissions[0]![0]).toBe('SharedInvokeAll');
      expect(props(permissions[0]![1]).SourceArn).toEqual({
        'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/*',
      });
    });

    it('creates a new Lambda authorizer function with a permission for the authorizers path', () => {
      const design = mockAll({
        backends: { auth: newFn },
        authorizers: { token: { kind: 'lambda', type: 'token', function: { backend: 'auth' } } },
        defaultAuthorizer: 'token',
      });
      const rendered = renderTemplate(model, design, { target: 'aws' });
      expect(resources(rendered).AuthFunction?.Type).toBe('AWS::Lambda::Function');
      expect(props(resources(rendered).AuthInvokeAuthorizers).SourceArn).toEqual({
        'Fn::Sub':
          'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/authorizers/*',
      });
      const scheme = (
        ((body(rendered).components as JsonObject).securitySchemes as JsonObject)
          .token as JsonObject
      )['x-amazon-apigateway-authorizer'] as JsonObject;
      expect(scheme.authorizerUri).toEqual({
        'Fn::Sub':
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthFunction.Arn}/invocations',
      });
    });
  });

  describe('existing resources', () => {
    it('takes an existing function as a parameter, used by the integration and its permission', () => {
      const design = mockAll({ backends: { legacy: legacyFn } });
      design.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'legacy' } };
      const rendered = renderTemplate(model, design, { target: 'aws' });
      expect(rendered.parameters).toEqual([
        {
          name: 'LegacyFunctionArn',
          kind: 'lambda-function-arn',
          description: 'ARN of the existing Lambda function of backend legacy',
          default: legacyArn,
        },
      ]);
      expect(rendered.template.Parameters).toEqual({
        LegacyFunctionArn: {
          Type: 'String',
          Description: 'ARN of the existing Lambda function of backend legacy',
          Default: legacyArn,
        },
      });
      expect(integrationOf(body(rendered), '/pets', 'get').uri).toEqual({
        'Fn::Sub':
          'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${LegacyFunctionArn}/invocations',
      });
      expect(props(resources(rendered).LegacyInvokeGETPets).FunctionName).toEqual({
        Ref: 'LegacyFunctionArn',
      });
      expect(ofType(rendered, 'AWS::Lambda::Function')).toEqual([]);
    });

    it('takes an existing authorizer function as a parameter', () => {
      const design = mockAll({
        authorizers: {
          gate: { kind: 'lambda', type: 'request', function: { functionArn: legacyArn } },
        },
        defaultAuthorizer: 'gate',
      });
      const rendered = renderTemplate(model, design, { target: 'aws' });
      expect(rendered.parameters.map((p) => [p.name, p.default])).toEqual([
        ['GateAuthorizerFunctionArn', legacyArn],
      ]);
      expect(
        props(resources(rendered).GateAuthorizerFunctionArnInvokeAuthorizers).FunctionName,
      ).toEqual({
        Ref: 'GateAuthorizerFunctionArn',
      });
      expect(strings(body(rendered)).some((s) => s.includes(legacyArn))).toBe(false);
    });

    it('gives an authorizer on an existing backend function that backend’s parameter', () => {
      const design = mockAll({
        backends: { legacy: legacyFn },
        authorizers: {
          gate: { kind: 'lambda', type: 'token', function: { functionArn: legacyArn } },
        },
        defaultAuthorizer: 'gate',
      });
      design.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'legacy' } };
      const rendered = renderTemplate(model, design, { target: 'aws' });
      expect(rendered.parameters.map((p) => p.name)).toEqual(['LegacyFunctionArn']);
      expect(
        ofType(rendered, 'AWS::Lambda::Permission').map(([id, r]) => [id, props(r).FunctionName]),
      ).toEqual([
        ['LegacyFunctionArnInvokeAuthorizers', { Ref: 'LegacyFunctionArn' }],
        ['LegacyInvokeGETPets', { Ref: 'LegacyFunctionArn' }],
      ]);
    });

    it('takes an existing NLB and VPC link as parameters on AWS', () => {
      const stock: Backend = {
        kind: 'ecs-nlb',
        service: { source: 'existing', nlbDnsName: 'stock.elb.amazonaws.com', vpcLinkId: 'abc123' },
      };
      const design = mockAll({ backends: { stock } });
      design.operations['GET /pets/{petId}'] = {
        integration: { kind: 'ecs-nlb', backend: 'stock' },
      };
      const rendered = renderTemplate(model, design, { target: 'aws' });
      expect(rendered.diagnostics).toEqual([]);
      expect(rendered.parameters.map((p) => [p.name, p.kind, p.default])).toEqual([
        ['StockNlbDnsName', 'nlb-dns-name', 'stock.elb.amazonaws.com'],
        ['StockVpcLinkId', 'vpc-link-id', 'abc123'],
      ]);
      expect(integrationOf(body(rendered), '/pets/{petId}', 'get')).toMatchObject({
        uri: { 'Fn::Sub': 'http://${StockNlbDnsName}/pets/{petId}' },
        connectionType: 'VPC_LINK',
        connectionId: { 'Fn::Sub': '${StockVpcLinkId}' },
      });
    });

    it('refuses a new Fargate service on AWS with a finding naming it', () => {
      const design = mockAll({
        backends: {
          writer: {
            kind: 'ecs-nlb',
            service: {
              source: 'new',
              image: 'nginx',
              containerPort: 80,
              cpu: 256,
              memoryMiB: 512,
              desiredCount: 1,
            },
          },
        },
      });
      design.operations['GET /pets'] = { integration: { kind: 'ecs-nlb', backend: 'writer' } };
      const rendered = renderTemplate(model, design, { target: 'aws' });
      expect(rendered.diagnostics.map((d) => d.code)).toEqual([
        'render.cfn-new-service-unsupported',
      ]);
      expect(rendered.diagnostics[0]!.message).toContain('"writer"');
      // The placeholders stay plain text (no Fn::Sub), so the template itself is still valid.
      expect(integrationOf(body(rendered), '/pets', 'get').uri).toBe(
        'http://${WriterNlb.DNSName}/pets',
      );
    });
  });

  describe('the sandbox', () => {
    const stock: Backend = {
      kind: 'ecs-nlb',
      service: { source: 'existing', nlbDnsName: 'stock.elb.amazonaws.com', vpcLinkId: 'abc123' },
      sandboxUrl: 'http://127.0.0.1:8081',
    };

    it('calls an ECS/NLB backend at its sandbox URL through an HTTP proxy integration', () => {
      const design = mockAll({ backends: { stock } });
      design.operations['GET /pets/{petId}'] = {
        integration: { kind: 'ecs-nlb', backend: 'stock' },
      };
      const rendered = renderTemplate(model, design, { target: 'sandbox' });
      expect(rendered.diagnostics).toEqual([]);
      expect(rendered.parameters).toEqual([]);
      expect(integrationOf(body(rendered), '/pets/{petId}', 'get')).toEqual({
        type: 'HTTP_PROXY',
        httpMethod: 'GET',
        uri: 'http://127.0.0.1:8081/pets/{petId}',
        connectionType: 'INTERNET',
        timeoutInMillis: 29000,
        requestParameters: {
          'integration.request.header.x-resource-path': "'/pets/{petId}'",
          'integration.request.path.petId': 'method.request.path.petId',
        },
      });
    });

    it('reports an ECS/NLB backend without a sandbox URL, naming it', () => {
      const design = mockAll({ backends: { stock: { ...stock, sandboxUrl: undefined } } });
      design.operations['GET /pets/{petId}'] = {
        integration: { kind: 'ecs-nlb', backend: 'stock' },
      };
      const rendered = renderTemplate(model, design, { target: 'sandbox' });
      const missing = rendered.diagnostics.filter(
        (d) => d.code === 'render.cfn-sandbox-url-missing',
      );
      expect(missing).toHaveLength(1);
      expect(missing[0]).toMatchObject({
        severity: 'error',
        location: { pointer: '/backends/stock', operation: 'GET /pets/{petId}' },
      });
      expect(missing[0]!.message).toContain('"stock"');
    });
  });

  describe('function code', () => {
    it('inlines starter ES module code as CommonJS, which is what index.js is', () => {
      const design = mockAll({ backends: { fn: newFn } });
      design.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'fn' } };
      const fn = props(resources(renderTemplate(model, design, { target: 'sandbox' })).FnFunction);
      expect(fn).toMatchObject({
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        MemorySize: 256,
        Timeout: 29,
        Role: { 'Fn::GetAtt': ['FnFunctionRole', 'Arn'] },
        Code: {
          ZipFile:
            "const handler = async () => ({ statusCode: 200, body: '[]' });\nexports.handler = handler;\n",
        },
      });
    });

    it('deploys code over the inline limit from S3, with a finding and an asset to upload', () => {
      const code = `export const handler = async () => ({ statusCode: 200 });\n// ${'x'.repeat(4100)}\n`;
      const design = mockAll({
        backends: { big: { kind: 'lambda', function: { ...starter, handler: 'app.main', code } } },
      });
      design.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'big' } };
      const rendered = renderTemplate(model, design, { target: 'sandbox' });
      expect(rendered.diagnostics.map((d) => [d.code, d.severity])).toEqual([
        ['render.cfn-code-not-inline', 'warning'],
      ]);
      expect(rendered.diagnostics[0]!.message).toContain('4096');
      expect(rendered.assets).toEqual([
        {
          backend: 'big',
          fileName: 'app.mjs',
          s3Key: expect.stringMatching(/^gatewright\/lambda\/big\/[0-9A-F]{10}\.zip$/),
          text: code,
        },
      ]);
      expect(props(resources(rendered).BigFunction)).toMatchObject({
        Handler: 'app.main',
        Code: { S3Bucket: { Ref: 'AssetBucket' }, S3Key: rendered.assets[0]!.s3Key },
      });
      expect(rendered.parameters.map((p) => p.name)).toEqual(['AssetBucket']);
    });
  });

  describe('BodyS3Location', () => {
    const location = { Bucket: 'gatewright-docs', Key: 'api/openapi.json' };
    const design = mockAll({ backends: { fn: newFn, legacy: legacyFn } });
    design.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'fn' } };
    design.operations['DELETE /pets/{petId}'] = {
      integration: { kind: 'lambda', backend: 'legacy' },
    };

    it('points the RestApi at S3, with a document free of CloudFormation functions', () => {
      const rendered = renderTemplate(model, design, {
        target: 'aws',
        bodyS3Location: location,
        environment: env,
      });
      expect(rendered.diagnostics).toEqual([]);
      const api = props(resources(rendered).Api);
      expect(api.BodyS3Location).toEqual(location);
      expect(api.Body).toBeUndefined();
      expect(hasFunctions(rendered.document)).toBe(false);
      expect(strings(rendered.document).filter((s) => /\$\{(AWS::|[A-Z])/.test(s))).toEqual([]);
    });

    it('writes the environment in, and reaches new functions through stage variables', () => {
      const rendered = renderTemplate(model, design, {
        target: 'aws',
        bodyS3Location: location,
        environment: env,
      });
      expect(integrationOf(rendered.document as JsonValue, '/pets', 'get').uri).toBe(
        'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:${stageVariables.FnFunction}/invocations',
      );
      expect(integrationOf(rendered.document as JsonValue, '/pets/{petId}', 'delete').uri).toBe(
        `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${legacyArn}/invocations`,
      );
      expect(props(resources(rendered).ApiStage).Variables).toEqual({
        FnFunction: { Ref: 'FnFunction' },
      });
    });

    it('needs the environment', () => {
      const rendered = renderTemplate(model, design, { target: 'aws', bodyS3Location: location });
      expect(rendered.diagnostics.map((d) => d.code)).toEqual([
        'render.cfn-s3-body-needs-environment',
      ]);
    });

    it('changes the Deployment when the document changes', () => {
      const before = renderTemplate(model, design, {
        target: 'aws',
        bodyS3Location: location,
        environment: env,
      });
      const changed = structuredClone(design);
      changed.operations['GET /pets/{petId}'] = {
        integration: { kind: 'mock', response: { source: 'custom', statusCode: 404 } },
      };
      const after = renderTemplate(model, changed, {
        target: 'aws',
        bodyS3Location: location,
        environment: env,
      });
      expect(deploymentId(after)).not.toBe(deploymentId(before));
    });
  });

  describe('needsBodyS3Location', () => {
    it('is false for a small API and true when the inline template passes 51,200 bytes', () => {
      expect(needsBodyS3Location(renderTemplate(model, mockAll(), { target: 'aws' }))).toBe(false);
      const many = Array.from({ length: 400 }, (_, i) =>
        makeOperation({ method: 'get', path: `/resources/number-${i}/items` }),
      );
      const big = makeModel(many);
      const design = makeDesign({
        operations: Object.fromEntries(
          many.map((op) => [
            op.key,
            { integration: { kind: 'mock', response: { source: 'custom', statusCode: 200 } } },
          ]),
        ),
      });
      expect(needsBodyS3Location(renderTemplate(big, design, { target: 'aws' }))).toBe(true);
    });
  });

  describe('the sandbox and S3', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      makeOperation({ method: 'get', path: `/resources/number-${i}/items` }),
    );
    const big = makeModel(many);
    const design = makeDesign({
      operations: Object.fromEntries(
        many.map((op) => [
          op.key,
          { integration: { kind: 'mock', response: { source: 'custom', statusCode: 200 } } },
        ]),
      ),
    });

    it('sends a sandbox document that does not fit inline to S3, as for AWS', () => {
      const rendered = renderTemplate(big, design, { target: 'sandbox' });
      expect(rendered.diagnostics).toEqual([]);
      expect(needsBodyS3Location(rendered)).toBe(true);
    });

    it('renders BodyS3Location for the sandbox with a plain document', () => {
      const rendered = renderTemplate(big, design, {
        target: 'sandbox',
        bodyS3Location: { Bucket: 'b', Key: 'k' },
        environment: env,
      });
      expect(rendered.diagnostics).toEqual([]);
      const api = (rendered.template.Resources as Record<string, { Properties: object }>).Api!;
      expect(api.Properties).toMatchObject({ BodyS3Location: { Bucket: 'b', Key: 'k' } });
      expect(api.Properties).not.toHaveProperty('Body');
      expect(needsTemplateUrl(rendered)).toBe(false);
    });

    it('leaves a sandbox template over what CloudFormation reads from S3 to the S3 document', () => {
      const huge = makeDesign({
        operations: Object.fromEntries(
          many.map((op) => [
            op.key,
            {
              integration: {
                kind: 'mock',
                response: { source: 'custom', statusCode: 200, body: 'x'.repeat(2600) },
              },
            },
          ]),
        ),
      });
      const inline = renderTemplate(big, huge, { target: 'sandbox' });
      expect(templateBytes(inline)).toBeGreaterThan(1_000_000);
      expect(inline.diagnostics).toEqual([]);
      const s3 = renderTemplate(big, huge, {
        target: 'sandbox',
        bodyS3Location: { Bucket: 'b', Key: 'k' },
        environment: env,
      });
      expect(s3.diagnostics).toEqual([]);
      expect(templateBytes(s3)).toBeLessThan(51_200);
    });
  });

  it('adds a usage plan and an API key when an operation requires a key', () => {
    const design = mockAll();
    design.operations['GET /pets'] = { ...design.operations['GET /pets'], apiKeyRequired: true };
    const rendered = renderTemplate(model, design, { target: 'aws' });
    expect(ofType(rendered, 'AWS::ApiGateway::UsagePlan')).toHaveLength(1);
    expect(ofType(rendered, 'AWS::ApiGateway::ApiKey')).toHaveLength(1);
    expect(rendered.template.Outputs).toHaveProperty('ApiKeyId');
  });
});
