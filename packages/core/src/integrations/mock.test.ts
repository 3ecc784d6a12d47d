import { describe, expect, it } from 'vitest';
import { makeContext, makeDesign, makeOperation } from '../../test/fixtures';
import type { ResponseDoc } from '../model/types';
import { concreteStatus, literalTemplate, mockIntegration } from './mock';

function response(status: string, content: ResponseDoc['content'] = []): ResponseDoc {
  return { status, content, headers: [], pointer: `/paths/~1pets/get/responses/${status}` };
}

const listPets = makeOperation({
  method: 'get',
  path: '/pets',
  responses: [
    response('200', [
      { contentType: 'application/json', example: [{ id: 1, name: 'Rex' }], hasExample: true },
    ]),
    response('4XX', [
      {
        contentType: 'application/json',
        schema: { type: 'object', required: ['code'], properties: { code: { type: 'integer' } } },
        hasExample: false,
      },
    ]),
    response('default', [{ contentType: 'text/plain', example: 'oops', hasExample: true }]),
  ],
});

describe('mock integration', () => {
  it('renders a custom mock in the documented shape', () => {
    const operation = makeOperation({
      method: 'post',
      requestContentTypes: ['application/json', 'application/xml'],
    });
    const rendered = mockIntegration.render(
      operation,
      {
        kind: 'mock',
        response: {
          source: 'custom',
          statusCode: 201,
          body: '{"ok": true}',
          headers: { 'x-request-id': 'r-1' },
        },
      },
      makeContext(makeDesign()),
    );
    expect(rendered).toEqual({
      type: 'MOCK',
      requestTemplates: {
        'application/json': '{"statusCode": 201}',
        'application/xml': '{"statusCode": 201}',
      },
      responses: {
        default: {
          statusCode: '201',
          responseParameters: { 'method.response.header.x-request-id': "'r-1'" },
          responseTemplates: { 'application/json': '{"ok": true}' },
        },
      },
    });
  });

  it('returns the CORS origin when CORS is on', () => {
    const design = makeDesign({ cors: { enabled: true, allowCredentials: true } });
    const rendered = mockIntegration.render(
      makeOperation(),
      { kind: 'mock', response: { source: 'custom', statusCode: 204 } },
      makeContext(design),
    );
    expect(rendered.responses).toEqual({
      default: {
        statusCode: '204',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': "'*'",
          'method.response.header.Access-Control-Allow-Credentials': "'true'",
        },
      },
    });
  });

  it('answers a documented response with its example, as compact JSON', () => {
    const rendered = mockIntegration.render(
      listPets,
      { kind: 'mock', response: { source: 'documented', status: '200' } },
      makeContext(makeDesign()),
    );
    expect(rendered.responses).toEqual({
      default: {
        statusCode: '200',
        responseTemplates: { 'application/json': '[{"id":1,"name":"Rex"}]' },
      },
    });
  });

  it('makes a body from the schema and a number from a status range', () => {
    const rendered = mockIntegration.render(
      listPets,
      { kind: 'mock', response: { source: 'documented', status: '4xx' } },
      makeContext(makeDesign()),
    );
    expect(rendered).toMatchObject({
      requestTemplates: { 'application/json': '{"statusCode": 400}' },
      responses: {
        default: { statusCode: '400', responseTemplates: { 'application/json': '{"code":0}' } },
      },
    });
  });

  it('keeps a text example as text', () => {
    const rendered = mockIntegration.render(
      listPets,
      { kind: 'mock', response: { source: 'documented', status: 'default' } },
      makeContext(makeDesign()),
    );
    expect(rendered.responses).toEqual({
      default: { statusCode: '500', responseTemplates: { 'text/plain': 'oops' } },
    });
  });

  it('reports a documented mock whose response is gone and renders a 500 saying so', () => {
    const context = makeContext(makeDesign());
    const rendered = mockIntegration.render(
      listPets,
      { kind: 'mock', response: { source: 'documented', status: '201' } },
      context,
    );
    expect(context.diagnostics).toHaveLength(1);
    expect(context.diagnostics[0]).toMatchObject({
      code: 'validate.mock-response-missing',
      severity: 'error',
      location: { operation: 'GET /pets' },
    });
    expect(context.diagnostics[0]!.message).toContain('201');
    expect(rendered.requestTemplates).toEqual({ 'application/json': '{"statusCode": 500}' });
    expect(JSON.stringify(rendered.responses)).toContain('does not document');
  });
});

describe('concreteStatus', () => {
  it('picks a number for every documented status form', () => {
    expect(concreteStatus('201', listPets)).toBe(201);
    expect(concreteStatus('5XX', listPets)).toBe(500);
    expect(concreteStatus('default', listPets)).toBe(500);
    expect(concreteStatus('default', makeOperation({ responses: [response('default')] }))).toBe(
      200,
    );
  });
});

describe('literalTemplate', () => {
  it('escapes VTL characters inside JSON so the body parses to the same value', () => {
    const body = '{"tag":"#1 ## not a comment","ref":"$input.body"}';
    const template = literalTemplate(body);
    expect(template).not.toMatch(/[#$]/);
    expect(JSON.parse(template)).toEqual(JSON.parse(body));
  });

  it('shields other text in an unparsed block and leaves plain text alone', () => {
    expect(literalTemplate('#1 $5')).toBe('#[[#1 $5]]#');
    expect(literalTemplate('{"ok":true}')).toBe('{"ok":true}');
  });
});
