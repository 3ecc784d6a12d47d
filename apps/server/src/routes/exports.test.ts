import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { HTTP_METHODS, type JsonObject } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ID, SAMPLE_PATH, errorOf, readJson, testApp } from './test-app';

const INTEGRATION = 'x-amazon-apigateway-integration';

describe('the OpenAPI document', () => {
  it('renders JSON with an integration on every operation, and its revision as ETag', async () => {
    const { call, revisionOf } = await testApp();
    const response = await call(`${SAMPLE_PATH}/openapi?format=json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('etag')).toBe(`"${await revisionOf()}"`);
    const document = await readJson<{ paths: Record<string, Record<string, JsonObject>> }>(
      response,
    );
    const operations = Object.values(document.paths).flatMap((item) =>
      Object.entries(item)
        .filter(([key]) => (HTTP_METHODS as readonly string[]).includes(key))
        .map(([, operation]) => operation),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) expect(operation[INTEGRATION]).toBeDefined();
  });

  it('renders YAML when asked, and refuses an unknown format naming the parameter', async () => {
    const { call } = await testApp();
    const yaml = await call(`${SAMPLE_PATH}/openapi?format=yaml`);
    expect(yaml.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await yaml.text()).toMatch(/^openapi: 3\.0\.3$/m);
    const wrong = await call(`${SAMPLE_PATH}/openapi?format=xml`);
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).message).toContain('query.format');
  });

  it('is compressed for a client that accepts gzip', async () => {
    const { call } = await testApp();
    const plain = await (await call(`${SAMPLE_PATH}/openapi`)).text();
    const response = await call(`${SAMPLE_PATH}/openapi`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(plain));
    expect(gunzipSync(body).toString('utf8')).toBe(plain);
  });

  it('answers 422 with the findings when the model does not load', async () => {
    const { call, revisionOf } = await testApp();
    await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': `"${await revisionOf()}"` },
      body: { modelText: 'openapi: [3.0.3\n' },
    });
    const response = await call(`${SAMPLE_PATH}/openapi`);
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe('not-renderable');
    expect(error.details?.findings?.[0]?.code).toBe('model.syntax');
  });
});

describe('the CloudFormation template', () => {
  interface TemplateBody {
    template: { Resources: Record<string, { Type: string; Properties: JsonObject }> };
    parameters: unknown[];
    findings: { code: string }[];
    needsBodyS3Location: boolean;
  }

  it('renders the sandbox template by default, with the shared function granted once', async () => {
    const { call, revisionOf } = await testApp();
    const response = await call(`${SAMPLE_PATH}/template`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${await revisionOf()}"`);
    const body = await readJson<TemplateBody>(response);
    const types = Object.values(body.template.Resources).map((r) => r.Type);
    expect(types).toContain('AWS::ApiGateway::RestApi');
    expect(types).toContain('AWS::Lambda::Function');
    expect(types.filter((t) => t === 'AWS::Lambda::Permission')).toHaveLength(1);
    expect(body.findings).toEqual([]);
    expect(body.needsBodyS3Location).toBe(false);
  });

  it('renders for AWS when asked, and refuses an unknown target naming the parameter', async () => {
    const { call } = await testApp();
    const aws = await call(`${SAMPLE_PATH}/template?target=aws`);
    expect(aws.status).toBe(200);
    expect((await readJson<TemplateBody>(aws)).template.Resources.Api).toBeDefined();
    const wrong = await call(`${SAMPLE_PATH}/template?target=moon`);
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).message).toContain('query.target');
  });
});

describe('the CDK app', () => {
  it('is a zip of the complete app, named after the API, with cdk.json and the stack', async () => {
    const { call } = await testApp();
    const response = await call(`${SAMPLE_PATH}/cdk?language=typescript`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="pet-store-sample-cdk.zip"',
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(files);
    expect(names.every((name) => name.startsWith('pet-store-sample-cdk/'))).toBe(true);
    const cdkJson = JSON.parse(strFromU8(files['pet-store-sample-cdk/cdk.json']!));
    expect(cdkJson.app).toBeTruthy();
    const stack = names.find((name) => /\/lib\/.*stack.*\.ts$/i.test(name));
    expect(stack, names.join(', ')).toBeDefined();
    expect(strFromU8(files[stack!]!)).toContain('SpecRestApi');
  });

  it('is the same bytes for the same design', async () => {
    const { call } = await testApp();
    const first = new Uint8Array(await (await call(`${SAMPLE_PATH}/cdk`)).arrayBuffer());
    const second = new Uint8Array(await (await call(`${SAMPLE_PATH}/cdk`)).arrayBuffer());
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('is refused (422) while the design has errors, with those errors', async () => {
    const { call, store, revisionOf } = await testApp();
    const read = await store.read(SAMPLE_ID);
    if (!read.ok || !read.value.design) throw new Error('the sample does not load');
    const design = structuredClone(read.value.design);
    delete design.operations['GET /pets'];
    await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': `"${await revisionOf()}"` },
      body: { design },
    });
    const response = await call(`${SAMPLE_PATH}/cdk`);
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe('design-has-errors');
    expect(error.details?.findings?.map((f) => f.code)).toContain(
      'validate.operation-not-integrated',
    );
  });

  it('refuses a language it does not emit', async () => {
    const { call } = await testApp();
    expect((await call(`${SAMPLE_PATH}/cdk?language=cobol`)).status).toBe(400);
  });
});
