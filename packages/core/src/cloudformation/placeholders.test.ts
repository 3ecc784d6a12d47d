import { describe, expect, it } from 'vitest';
import { inlineBody, resolvedDocument } from './placeholders';

const known = new Set(['${AWS::Region}', '${FnFunction.Arn}', '${LegacyFunctionArn}']);
const ours = new Set(['FnFunction', 'GoneFunction', 'StockNlb']);

describe('inlineBody', () => {
  it('wraps strings with known placeholders in Fn::Sub and escapes every other ${', () => {
    const { body, diagnostics } = inlineBody(
      {
        a: 'uri ${FnFunction.Arn} in ${AWS::Region}',
        b: 'set ${var} and ${FnFunction.Arn}',
        c: 'just ${var}',
      },
      known,
      ours,
      [],
    );
    expect(diagnostics).toEqual([]);
    expect(body).toEqual({
      a: { 'Fn::Sub': 'uri ${FnFunction.Arn} in ${AWS::Region}' },
      b: { 'Fn::Sub': 'set ${!var} and ${FnFunction.Arn}' },
      c: 'just ${var}',
    });
  });

  it('replaces parameter values in URIs only where the whole value is used', () => {
    const arn = 'arn:aws:lambda:eu-west-1:1:function:legacy';
    const literal = { value: arn, placeholder: '${LegacyFunctionArn}', follows: /^\// };
    const { body } = inlineBody(
      {
        uri: `functions/${arn}/invocations`,
        other: `functions/${arn}-two/invocations`,
        description: `functions/${arn}/invocations`,
      },
      known,
      ours,
      [literal],
    );
    expect(body).toEqual({
      uri: { 'Fn::Sub': 'functions/${LegacyFunctionArn}/invocations' },
      other: `functions/${arn}-two/invocations`,
      description: `functions/${arn}/invocations`,
    });
  });

  it('reports a placeholder for a design resource the template lacks, once, where it first is', () => {
    const { body, diagnostics } = inlineBody(
      { paths: { x: ['${GoneFunction.Arn}', '${GoneFunction.Arn}'] } },
      known,
      ours,
      [],
    );
    expect(body).toEqual({ paths: { x: ['${GoneFunction.Arn}', '${GoneFunction.Arn}'] } });
    expect(diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ['render.cfn-unresolved-placeholder', '/paths/x/0'],
    ]);
  });

  it('keeps the model’s own CloudFormation functions, with a warning', () => {
    const { body, diagnostics } = inlineBody({ a: [{ Ref: 'Elsewhere' }] }, known, ours, []);
    expect(body).toEqual({ a: [{ Ref: 'Elsewhere' }] });
    expect(diagnostics.map((d) => [d.code, d.severity, d.location.pointer])).toEqual([
      ['render.cfn-model-function', 'warning', '/a/0'],
    ]);
  });
});

describe('resolvedDocument', () => {
  it('writes values in and reports the model’s CloudFormation functions', () => {
    const { document, diagnostics } = resolvedDocument(
      { uri: 'in ${AWS::Region}: ${FnFunction.Arn}', keep: '${var}', f: { 'Fn::Sub': 'x' } },
      new Map([
        ['${AWS::Region}', 'eu-west-1'],
        ['${FnFunction.Arn}', 'arn:fn:${stageVariables.FnFunction}'],
      ]),
      ours,
    );
    expect(document).toEqual({
      uri: 'in eu-west-1: arn:fn:${stageVariables.FnFunction}',
      keep: '${var}',
      f: { 'Fn::Sub': 'x' },
    });
    expect(diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ['render.cfn-function-in-s3-body', '/f'],
    ]);
  });
});
