import { createServer, type Server } from 'node:http';
import {
  CreateStackCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { sandboxFixups } from '@gatewright/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedSandbox } from './sandbox';
import { completeSandboxIntegrations } from './sandbox-integrations';
import { sandboxTarget, type Target } from './targets';
import { startTestSandbox } from './test-sandbox';

let sandbox: StartedSandbox;
let target: Target;
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  target = await sandboxTarget(sandbox.endpoint);
  echo = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ method: request.method, url: request.url }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  const address = echo.address();
  echoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 90_000);

afterAll(async () => {
  echo?.close();
  await sandbox?.stop();
});

function document() {
  return {
    openapi: '3.0.1',
    info: { title: 'second pass', version: '1' },
    paths: {
      '/pets/{petId}': {
        get: {
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: {
              default: {
                statusCode: '200',
                responseParameters: { 'method.response.header.X-Pet': "'rex'" },
                responseTemplates: { 'application/json': '{"id": 7}' },
              },
            },
          },
        },
      },
      '/stores/{storeId}': {
        get: {
          'x-amazon-apigateway-integration': {
            type: 'http_proxy',
            httpMethod: 'GET',
            uri: `${echoUrl}/stores/{storeId}`,
            requestParameters: {
              'integration.request.path.storeId': 'method.request.path.storeId',
            },
          },
        },
      },
      '/legacy/{proxy+}': {
        'x-amazon-apigateway-any-method': {
          'x-amazon-apigateway-integration': {
            type: 'http_proxy',
            httpMethod: 'ANY',
            uri: `${echoUrl}/old/{proxy}`,
            requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
          },
        },
      },
    },
  };
}

describe('completeSandboxIntegrations against a real sandbox', () => {
  it('makes mocks answer their bodies and headers, fills path parameters, and creates ANY methods', async () => {
    const body = document();
    // The API as a deploy creates it: the document imported as the RestApi's Body.
    await target.cloudFormation.send(
      new CreateStackCommand({
        StackName: 'second-pass',
        TemplateBody: JSON.stringify({
          Resources: {
            Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: body } },
            Deployment: {
              Type: 'AWS::ApiGateway::Deployment',
              Properties: { RestApiId: { Ref: 'Api' }, StageName: 'test' },
            },
          },
        }),
      }),
    );
    await expect
      .poll(
        async () =>
          (
            await target.cloudFormation.send(
              new DescribeStacksCommand({ StackName: 'second-pass' }),
            )
          ).Stacks?.[0]?.StackStatus,
      )
      .toBe('CREATE_COMPLETE');
    const resources = await target.cloudFormation.send(
      new ListStackResourcesCommand({ StackName: 'second-pass' }),
    );
    const apiId = resources.StackResourceSummaries?.find(
      (r) => r.LogicalResourceId === 'Api',
    )?.PhysicalResourceId;
    const url = `${sandbox.endpoint}/restapis/${apiId}/test/_user_request_`;
    // What the import alone gives: the mock's body is lost, the ANY method missing.
    expect(await (await fetch(`${url}/pets/7`)).text()).not.toContain('"id"');
    expect((await fetch(`${url}/legacy/a/b`, { method: 'DELETE' })).ok).toBe(false);

    expect(await completeSandboxIntegrations(target.apiGateway, apiId!, sandboxFixups(body))).toBe(
      3,
    );

    const pet = await fetch(`${url}/pets/7`);
    expect(pet.status).toBe(200);
    expect(pet.headers.get('x-pet')).toBe('rex');
    expect(await pet.json()).toEqual({ id: 7 });
    expect(await (await fetch(`${url}/stores/s-42`)).json()).toEqual({
      method: 'GET',
      url: '/stores/s-42',
    });
    expect(await (await fetch(`${url}/legacy/a/b`, { method: 'DELETE' })).json()).toEqual({
      method: 'DELETE',
      url: '/old/a/b',
    });
  });
});
