import { describe, expect, it } from 'vitest';
import { sandboxFixups } from './sandbox-fixups';

describe('sandboxFixups', () => {
  it('puts back what the sandbox import loses of mocks and HTTP integrations, and skips Lambda', () => {
    const document = {
      paths: {
        '/pets/{petId}': {
          parameters: [],
          get: {
            'x-amazon-apigateway-integration': {
              type: 'mock',
              requestTemplates: { 'application/json': '{"statusCode": 200}' },
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
          delete: {
            'x-amazon-apigateway-integration': {
              type: 'AWS_PROXY',
              httpMethod: 'POST',
              uri: { 'Fn::Sub': 'arn:${AWS::Partition}:...' },
            },
          },
        },
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
      },
    };
    expect(sandboxFixups(document)).toEqual([
      {
        path: '/pets/{petId}',
        httpMethod: 'GET',
        integration: {
          type: 'MOCK',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
        },
        responses: [
          { statusCode: '200', responseTemplates: { 'application/json': '{"id":7}' } },
          {
            statusCode: '404',
            selectionPattern: '4\\d{2}',
            responseParameters: { 'method.response.header.X': "'y'" },
          },
        ],
      },
      {
        path: '/legacy/{proxy+}',
        httpMethod: 'ANY',
        integration: {
          type: 'HTTP_PROXY',
          integrationHttpMethod: 'ANY',
          uri: 'http://127.0.0.1:8081/old/{proxy}',
          connectionType: 'INTERNET',
          timeoutInMillis: 29000,
          requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
        },
        responses: [],
      },
    ]);
  });

  it('is empty for a document without paths', () => {
    expect(sandboxFixups({ openapi: '3.0.3' })).toEqual([]);
  });
});
