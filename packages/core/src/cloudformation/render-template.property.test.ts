import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import type { Backend, OperationDesign } from '../design/types';
import { lambdaPermissions } from '../integrations/lambda-permissions';
import { isJsonObject, type JsonValue } from '../json';
import { renderOpenApi } from '../openapi/render-openapi';
import { renderTemplate } from './render-template';
import { sandboxDesign } from './sandbox-design';

const model = makeModel([
  makeOperation({ method: 'get', path: '/pets' }),
  makeOperation({ method: 'post', path: '/pets' }),
  makeOperation({ method: 'get', path: '/pets/{petId}' }),
  makeOperation({ method: 'delete', path: '/pets/{petId}' }),
]);

const backends: Record<string, Backend> = {
  fresh: {
    kind: 'lambda',
    function: {
      source: 'new',
      runtime: 'nodejs24.x',
      handler: 'index.handler',
      memoryMiB: 256,
      timeoutSeconds: 29,
      code: 'export const handler = async () => ({ statusCode: 200, body: "${not a placeholder}" });\n',
    },
  },
  legacy: {
    kind: 'lambda',
    function: { source: 'existing', functionArn: 'arn:aws:lambda:eu-west-1:1:function:legacy' },
  },
  web: { kind: 'http', baseUrl: 'https://example.com/v1' },
  stock: {
    kind: 'ecs-nlb',
    service: { source: 'existing', nlbDnsName: 'stock.elb.amazonaws.com', vpcLinkId: 'abc123' },
    sandboxUrl: 'http://127.0.0.1:8081',
  },
};

const operation: fc.Arbitrary<OperationDesign> = fc.oneof(
  fc
    .constantFrom('fresh', 'legacy')
    .map((backend) => ({ integration: { kind: 'lambda' as const, backend } })),
  fc.record({
    integration: fc.record({
      kind: fc.constant('mock' as const),
      response: fc.record({
        source: fc.constant('custom' as const),
        statusCode: fc.integer({ min: 200, max: 599 }),
        // Mapping templates hold `${...}` of their own, which must survive Fn::Sub.
        body: fc.constantFrom('{}', '{"a": "${x}"}', '${AWS::Region}'),
      }),
    }),
  }),
  fc.constant<OperationDesign>({ integration: { kind: 'http', backend: 'web', proxy: true } }),
  fc.constant<OperationDesign>({ integration: { kind: 'ecs-nlb', backend: 'stock' } }),
);
const design = fc
  .tuple(
    operation,
    operation,
    operation,
    operation,
    fc.constantFrom('sandbox', 'aws') as fc.Arbitrary<'sandbox' | 'aws'>,
  )
  .map(([a, b, c, d, target]) => ({
    target,
    design: makeDesign({
      backends,
      operations: Object.fromEntries(model.operations.map((op, i) => [op.key, [a, b, c, d][i]!])),
    }),
  }));

/** What CloudFormation makes of the inline Body, given the parameters' defaults. */
function evaluate(value: JsonValue, parameters: Record<string, string>): JsonValue {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, parameters));
  if (!isJsonObject(value)) return value;
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string' && Object.keys(value).length === 1) {
    return sub.replace(/\$\{(!?)([^}]*)\}/g, (text, bang: string, name: string) =>
      bang ? '${' + name + '}' : (parameters[name] ?? text),
    );
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, parameters)]));
}

describe('renderTemplate, for any design over the backends', () => {
  it('carries a Body that CloudFormation evaluates to the rendered document', () => {
    fc.assert(
      fc.property(design, ({ target, design }) => {
        const rendered = renderTemplate(model, design, { target });
        expect(rendered.diagnostics).toEqual([]);
        const expected = renderOpenApi(
          model,
          target === 'sandbox' ? sandboxDesign(model, design).design : design,
        ).document;
        const defaults = Object.fromEntries(
          rendered.parameters.map((p) => [p.name, p.default ?? '']),
        );
        const api = (
          rendered.template.Resources as Record<string, { Properties: { Body: JsonValue } }>
        ).Api!;
        expect(evaluate(api.Properties.Body, defaults)).toEqual(expected);
      }),
    );
  });

  it('grants exactly the permissions lambdaPermissions plans, and renders the same bytes twice', () => {
    fc.assert(
      fc.property(design, ({ target, design }) => {
        const rendered = renderTemplate(model, design, { target });
        const permissions = Object.values(
          rendered.template.Resources as Record<string, { Type: string }>,
        ).filter((r) => r.Type === 'AWS::Lambda::Permission');
        expect(permissions).toHaveLength(lambdaPermissions(model, design).length);
        expect(JSON.stringify(renderTemplate(model, design, { target }))).toBe(
          JSON.stringify(rendered),
        );
      }),
    );
  });
});
