import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { integrationDifferences, normaliseIntegration, sameJson } from './integration-equivalence';

const LAMBDA =
  'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:Fn/invocations';
const RENDERED_LAMBDA =
  'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:Fn/invocations';

describe('integrationDifferences', () => {
  it('forgives only case, API Gateway defaults and the invocation URI pseudo-parameters', () => {
    const written: JsonObject = {
      type: 'aws_proxy',
      httpMethod: 'post',
      uri: LAMBDA,
      responses: { default: { statusCode: '200', contentHandling: 'convert_to_text' } },
    };
    const rendered: JsonObject = {
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      uri: RENDERED_LAMBDA,
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      connectionType: 'INTERNET',
      responses: { default: { statusCode: '200', contentHandling: 'CONVERT_TO_TEXT' } },
    };
    expect(integrationDifferences(written, rendered)).toEqual([]);
  });

  it('names every field that really differs', () => {
    const written: JsonObject = {
      type: 'HTTP',
      uri: 'https://a.example.com/x',
      timeoutInMillis: 5000,
      requestTemplates: { 'application/json': '{}' },
    };
    const rendered: JsonObject = {
      type: 'HTTP_PROXY',
      uri: 'https://a.example.com/x',
      passthroughBehavior: 'NEVER',
    };
    expect(integrationDifferences(written, rendered)).toEqual([
      'passthroughBehavior',
      'requestTemplates',
      'timeoutInMillis',
      'type',
    ]);
  });

  it('does not forgive a value that only looks like a default in another field, or a different Lambda function', () => {
    expect(
      integrationDifferences({ type: 'MOCK', timeoutInMillis: 28999 }, { type: 'MOCK' }),
    ).toEqual(['timeoutInMillis']);
    expect(
      integrationDifferences(
        { uri: LAMBDA },
        { uri: RENDERED_LAMBDA.replace('function:Fn', 'function:Other') },
      ),
    ).toEqual(['uri']);
  });

  it('forgives the status-only responses exports write on proxy integrations, and nothing more', () => {
    const leftover = { default: { statusCode: '200' }, '4\\d{2}': { statusCode: '400' } };
    for (const type of ['aws_proxy', 'HTTP_PROXY'])
      expect(integrationDifferences({ type, responses: leftover }, { type }), type).toEqual([]);
    for (const type of ['AWS', 'HTTP', 'MOCK'])
      expect(integrationDifferences({ type, responses: leftover }, { type }), type).toEqual([
        'responses',
      ]);
    const mapped = { default: { statusCode: '200', contentHandling: 'CONVERT_TO_TEXT' } };
    expect(
      integrationDifferences({ type: 'AWS_PROXY', responses: mapped }, { type: 'AWS_PROXY' }),
    ).toEqual(['responses']);
  });

  it('leaves the written integration untouched', () => {
    const written: JsonObject = {
      type: 'aws_proxy',
      responses: { default: { statusCode: '200' } },
    };
    const copy = structuredClone(written);
    normaliseIntegration(written);
    expect(written).toEqual(copy);
  });
});

describe('sameJson', () => {
  it('is reflexive and ignores key order, not array order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(
          JSON.stringify(value, (_k, v: unknown) =>
            v && typeof v === 'object' && !Array.isArray(v)
              ? Object.fromEntries(Object.entries(v).reverse())
              : v,
          ),
        );
        expect(sameJson(value as never, reordered)).toBe(true);
      }),
    );
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined as never })).toBe(false);
  });
});
