import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import type { DesignDocument } from '../../design/types';
import { validate } from '../validate';

const LIMIT = 300 * 1024;
const model = makeModel([makeOperation()]);
const backends = { site: { kind: 'http', baseUrl: 'https://backend.example.com' } } as const;

function sizeFindings(design: Partial<DesignDocument>) {
  return validate(model, makeDesign({ backends, ...design }))
    .filter((d) => d.code === 'validate.apigw-template-too-large')
    .map((d) => [d.location.pointer, d.message]);
}

function httpTemplate(template: string): Partial<DesignDocument> {
  return {
    operations: {
      'GET /pets': {
        integration: {
          kind: 'http',
          backend: 'site',
          proxy: false,
          requestTemplates: { 'application/json': template },
        },
      },
    },
  };
}

describe('mapping template size', () => {
  it('accepts a template of exactly 300 KB and reports one byte more', () => {
    expect(sizeFindings(httpTemplate('a'.repeat(LIMIT)))).toEqual([]);
    expect(sizeFindings(httpTemplate('a'.repeat(LIMIT + 1)))).toEqual([
      [
        '/operations/GET ~1pets/integration/requestTemplates/application~1json',
        expect.stringContaining('301 KB'),
      ],
    ]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const euros = '€'.repeat(Math.ceil((LIMIT + 1) / 3));
    expect(euros.length).toBeLessThan(LIMIT);
    expect(sizeFindings(httpTemplate(euros))).toHaveLength(1);
    const emoji = '😀'.repeat(LIMIT / 4);
    expect(sizeFindings(httpTemplate(emoji))).toEqual([]);
    expect(sizeFindings(httpTemplate(emoji + 'a'))).toHaveLength(1);
  });

  it('checks response templates, raw integrations, custom mock bodies and gateway responses', () => {
    const big = 'x'.repeat(LIMIT + 1);
    const pointers = (design: Partial<DesignDocument>) =>
      sizeFindings(design).map(([pointer]) => pointer);
    expect(
      pointers({
        operations: {
          'GET /pets': {
            integration: {
              kind: 'http',
              backend: 'site',
              proxy: false,
              responses: {
                default: { statusCode: '200', responseTemplates: { 'text/plain': big } },
              },
            },
          },
        },
      }),
    ).toEqual([
      '/operations/GET ~1pets/integration/responses/default/responseTemplates/text~1plain',
    ]);
    expect(
      pointers({
        operations: {
          'GET /pets': {
            integration: {
              kind: 'raw',
              integration: { type: 'MOCK', requestTemplates: { 'application/json': big } },
            },
          },
        },
      }),
    ).toEqual([
      '/operations/GET ~1pets/integration/integration/requestTemplates/application~1json',
    ]);
    expect(
      pointers({
        operations: {
          'GET /pets': {
            integration: {
              kind: 'mock',
              response: { source: 'custom', statusCode: 200, body: big },
            },
          },
        },
      }),
    ).toEqual(['/operations/GET ~1pets/integration/response/body']);
    expect(
      pointers({
        gatewayResponses: { DEFAULT_4XX: { responseTemplates: { 'application/json': big } } },
      }),
    ).toEqual(['/gatewayResponses/DEFAULT_4XX/responseTemplates/application~1json']);
  });
});
