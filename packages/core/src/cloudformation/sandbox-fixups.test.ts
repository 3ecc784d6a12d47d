import { describe, expect, it } from 'vitest';
import { sandboxFixups } from './sandbox-fixups';

const lambdaUri =
  'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PetsFnFunction.Arn}/invocations';

describe('sandboxFixups', () => {
  it('puts back a mock’s request template and responses, each after a method response declaring its headers', () => {
    const document = {
      paths: {
        '/pets/{petId}': {
          parameters: [],
          get: {
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
              passthroughBehavior: 'WHEN_NO_TEMPLATES',
              responses: {
                default: {
                  statusCode: '200',
                  responseTemplates: { 'application/json': '{"id":7}' },
                },
                '4\\d{2}': {
                  statusCode: '404',
                  responseParameters: { 'method.response.header.X': "'y'" },
                },
              },
            },
          },
        },
      },
    };
    expect(sandboxFixups(document)).toEqual([
      {
        path: '/pets/{petId}',
        httpMethod: 'GET',
        integration: {
          type: 'MOCK',
          passthroughBehavior: 'WHEN_NO_TEMPLATES',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
        },
        methodResponses: [
          { statusCode: '200', responseParameters: {} },
          {
            statusCode: '404',
            responseParameters: { 'method.response.header.X': false },
          },
        ],
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'application/json': '{"id":7}' } },
          {
            statusCode: '404',
            selectionPattern: '4\\d{2}',
            responseParameters: { 'method.response.header.X': "'y'" },
          },
        ],
      },
    ]);
  });

  it('keeps a Lambda integration’s mappings but leaves its URI to the import, which resolved it', () => {
    const document = {
      paths: {
        '/pets': {
          post: {
            'x-amazon-apigateway-integration': {
              type: 'aws_proxy',
              httpMethod: 'POST',
              uri: lambdaUri,
              requestParameters: { 'integration.request.header.x-tenant': "'shop'" },
              cacheKeyParameters: ['method.request.header.x-tenant'],
            },
          },
        },
      },
    };
    expect(sandboxFixups(document)).toEqual([
      {
        path: '/pets',
        httpMethod: 'POST',
        integration: {
          type: 'AWS_PROXY',
          integrationHttpMethod: 'POST',
          requestParameters: { 'integration.request.header.x-tenant': "'shop'" },
          cacheKeyParameters: ['method.request.header.x-tenant'],
        },
        methodResponses: [],
        integrationResponses: [],
      },
    ]);
  });

  it('creates an ANY method the import skips, with its whole HTTP integration, and leaves out an ANY Lambda it cannot resolve', () => {
    const document = {
      paths: {
        '/legacy/{proxy+}': {
          'x-amazon-apigateway-any-method': {
            'x-amazon-apigateway-integration': {
              type: 'HTTP_PROXY',
              httpMethod: 'ANY',
              uri: 'http://127.0.0.1:8081/old/{proxy}',
              connectionType: 'INTERNET',
              timeoutInMillis: 29000,
              requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
            },
          },
        },
        '/fn/{proxy+}': {
          'x-amazon-apigateway-any-method': {
            'x-amazon-apigateway-integration': {
              type: 'AWS_PROXY',
              httpMethod: 'POST',
              uri: lambdaUri,
            },
          },
        },
      },
    };
    expect(sandboxFixups(document)).toEqual([
      {
        path: '/legacy/{proxy+}',
        httpMethod: 'ANY',
        putMethod: { authorizationType: 'NONE' },
        integration: {
          type: 'HTTP_PROXY',
          integrationHttpMethod: 'ANY',
          uri: 'http://127.0.0.1:8081/old/{proxy}',
          connectionType: 'INTERNET',
          timeoutInMillis: 29000,
          requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
        },
        methodResponses: [],
        integrationResponses: [],
      },
    ]);
  });

  it('writes the stage’s variables into the URIs of a document rendered for S3, which ministack does not evaluate', () => {
    const s3Uri =
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:${stageVariables.PetsFnFunction}/invocations';
    const document = {
      paths: {
        '/pets': {
          get: { 'x-amazon-apigateway-integration': { type: 'aws_proxy', uri: s3Uri } },
          'x-amazon-apigateway-any-method': {
            'x-amazon-apigateway-integration': {
              type: 'aws_proxy',
              uri: s3Uri.replace('PetsFnFunction', 'Unknown'),
            },
          },
        },
      },
    };
    const fixups = sandboxFixups(document, { PetsFnFunction: 'stack-PetsFn-1' });
    expect(fixups.map((f) => [f.httpMethod, f.integration.uri])).toEqual([
      [
        'GET',
        'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:stack-PetsFn-1/invocations',
      ],
    ]);
  });

  it('is empty for a document without paths, and skips operations without an integration', () => {
    expect(sandboxFixups({ openapi: '3.0.3' })).toEqual([]);
    expect(sandboxFixups({ paths: { '/a': { get: { responses: {} }, summary: 'x' } } })).toEqual(
      [],
    );
  });
});
