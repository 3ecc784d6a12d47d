import { describe, expect, it } from 'vitest';
import { makeContext, makeDesign, makeOperation } from '../../test/fixtures';
import { httpIntegration } from './http';

const design = makeDesign({
  backends: {
    store: { kind: 'http', baseUrl: 'https://backend.example.com/v1/' },
    lab: { kind: 'http', baseUrl: 'https://lab.internal', insecureSkipVerification: true },
  },
});
const getPet = makeOperation({ method: 'get', path: '/pets/{petId}' });

describe('http integration', () => {
  it('renders a proxy with the path parameters mapped, as in the documented shape', () => {
    expect(
      httpIntegration.render(
        getPet,
        { kind: 'http', backend: 'store', proxy: true },
        makeContext(design),
      ),
    ).toEqual({
      type: 'HTTP_PROXY',
      httpMethod: 'GET',
      uri: 'https://backend.example.com/v1/pets/{petId}',
      connectionType: 'INTERNET',
      timeoutInMillis: 29000,
      requestParameters: { 'integration.request.path.petId': 'method.request.path.petId' },
    });
  });

  it('maps a greedy path to {proxy} and any-method to ANY', () => {
    const operation = makeOperation({
      method: 'x-amazon-apigateway-any-method',
      path: '/{proxy+}',
    });
    const rendered = httpIntegration.render(
      operation,
      { kind: 'http', backend: 'store', proxy: true },
      makeContext(design),
    );
    expect(rendered.httpMethod).toBe('ANY');
    expect(rendered.uri).toBe('https://backend.example.com/v1/{proxy}');
    expect(rendered.requestParameters).toEqual({
      'integration.request.path.proxy': 'method.request.path.proxy',
    });
  });

  it('renders a non-proxy integration with templates, passthrough and a default response', () => {
    const rendered = httpIntegration.render(
      getPet,
      {
        kind: 'http',
        backend: 'store',
        proxy: false,
        path: 'animals/{petId}',
        httpMethod: 'post',
        requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}' },
      },
      makeContext(design),
    );
    expect(rendered).toMatchObject({
      type: 'HTTP',
      httpMethod: 'POST',
      uri: 'https://backend.example.com/v1/animals/{petId}',
      passthroughBehavior: 'WHEN_NO_MATCH',
      requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}' },
      responses: { default: { statusCode: '200' } },
    });
  });

  it('adds the CORS origin to non-proxy responses unless the design maps it', () => {
    const cors = makeDesign({
      ...design,
      cors: { enabled: true, allowOrigins: ['https://app.example.com'] },
    });
    const rendered = httpIntegration.render(
      getPet,
      {
        kind: 'http',
        backend: 'store',
        proxy: false,
        responses: {
          default: { statusCode: '200' },
          '4\\d{2}': {
            statusCode: '400',
            responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
          },
        },
      },
      makeContext(cors),
    );
    expect(rendered.responses).toEqual({
      default: {
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
        },
      },
      '4\\d{2}': {
        statusCode: '400',
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
      },
    });
  });

  it('keeps given request parameters and skips TLS verification when asked', () => {
    const rendered = httpIntegration.render(
      getPet,
      {
        kind: 'http',
        backend: 'lab',
        proxy: true,
        timeoutInMillis: 1000,
        requestParameters: { 'integration.request.header.x-id': 'method.request.path.petId' },
      },
      makeContext(design),
    );
    expect(rendered.requestParameters).toEqual({
      'integration.request.header.x-id': 'method.request.path.petId',
    });
    expect(rendered.timeoutInMillis).toBe(1000);
    expect(rendered.tlsConfig).toEqual({ insecureSkipVerification: true });
  });

  it('leaves requestParameters out when there is nothing to map', () => {
    expect(
      httpIntegration.render(
        makeOperation({ path: '/pets' }),
        { kind: 'http', backend: 'store', proxy: true },
        makeContext(design),
      ),
    ).not.toHaveProperty('requestParameters');
  });

  it('renders content handling and cache settings, proxy or not', () => {
    for (const proxy of [true, false]) {
      const rendered = httpIntegration.render(
        getPet,
        {
          kind: 'http',
          backend: 'store',
          proxy,
          contentHandling: 'CONVERT_TO_TEXT',
          cacheNamespace: 'pets',
          cacheKeyParameters: ['method.request.path.petId'],
        },
        makeContext(design),
      );
      expect(rendered, `proxy ${proxy}`).toMatchObject({
        contentHandling: 'CONVERT_TO_TEXT',
        cacheNamespace: 'pets',
        cacheKeyParameters: ['method.request.path.petId'],
      });
    }
  });
});
