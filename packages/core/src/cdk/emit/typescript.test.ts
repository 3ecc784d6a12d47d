import { describe, expect, it } from 'vitest';
import {
  CDK,
  type CdkApp,
  construct,
  num,
  prop,
  ref,
  type Statement,
  str,
  struct,
  type Variable,
} from '../ir';
import { emitTypeScript, quote } from './typescript';

const BUCKET: Variable = { key: 'backend:bucket', name: 'bucket' };

function app(statements: Statement[], partial: Partial<CdkApp> = {}): CdkApp {
  return {
    apiName: 'Tiny',
    stackName: 'Tiny',
    stackId: 'TinyStack',
    document: { openapi: '3.0.3' },
    documentFile: 'openapi.json',
    statements,
    assets: [],
    summary: [],
    ...partial,
  };
}

/** The constructor body of the emitted stack, without the file's fixed parts. */
function body(files: Record<string, string>): string {
  const stack = files['lib/tiny-stack.ts']!;
  const start = stack.indexOf('super(scope, id, props);\n') + 'super(scope, id, props);\n'.length;
  return stack.slice(start, stack.indexOf('\n  }\n}\n'));
}

describe('emitTypeScript', () => {
  it('writes constructs with props as blocks and imports only the modules used', () => {
    const files = emitTypeScript(
      app([
        {
          kind: 'declare',
          variable: BUCKET,
          value: construct(
            CDK.lambda('Function'),
            'Fn',
            struct(CDK.lambda('FunctionProps'), {
              memorySize: num(128),
              timeout: {
                kind: 'staticCall',
                type: CDK.core('Duration'),
                method: 'seconds',
                args: [num(3)],
              },
            }),
          ),
        },
        {
          kind: 'expression',
          value: construct(
            CDK.core('CfnOutput'),
            'Out',
            struct(CDK.core('CfnOutputProps'), { value: prop(ref(BUCKET), 'functionArn') }),
          ),
        },
      ]),
      'model.yaml',
    );
    expect(body(files)).toBe(
      [
        '',
        "    const bucket = new lambda.Function(this, 'Fn', {",
        '      memorySize: 128,',
        '      timeout: cdk.Duration.seconds(3),',
        '    });',
        "    new cdk.CfnOutput(this, 'Out', {",
        '      value: bucket.functionArn,',
        '    });',
      ].join('\n'),
    );
    const imports = files['lib/tiny-stack.ts']!.split('\n').filter((l) => l.startsWith('import'));
    expect(imports).toEqual([
      "import * as cdk from 'aws-cdk-lib';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import { Construct } from 'constructs';",
    ]);
  });

  it('declares no variable for a construct nothing reads', () => {
    const files = emitTypeScript(
      app([{ kind: 'declare', variable: BUCKET, value: construct(CDK.ec2('Vpc'), 'Vpc') }]),
      'm',
    );
    expect(body(files)).toBe("\n    new ec2.Vpc(this, 'Vpc');");
  });

  it('gives variables valid, distinct identifiers, away from the module aliases', () => {
    const a: Variable = { key: 'backend:lambda', name: 'lambda' };
    const b: Variable = { key: 'backend:delete', name: 'delete' };
    const c: Variable = { key: 'backend:my fn', name: 'my fn' };
    const d: Variable = { key: 'backend:myFn', name: 'myFn' };
    const vars = [a, b, c, d];
    const files = emitTypeScript(
      app([
        ...vars.map((v): Statement => ({
          kind: 'declare',
          variable: v,
          value: construct(CDK.ec2('Vpc'), v.key),
        })),
        { kind: 'expression', value: { kind: 'list', items: vars.map(ref) } },
      ]),
      'm',
    );
    expect(body(files)).toContain('[lambda2, callDelete, myFn, myFn2];');
  });

  it('writes templates as template literals, escaping their text', () => {
    const files = emitTypeScript(
      app([
        { kind: 'declare', variable: BUCKET, value: construct(CDK.ec2('Vpc'), 'Vpc') },
        {
          kind: 'expression',
          value: {
            kind: 'call',
            object: ref(BUCKET),
            method: 'f',
            args: [{ kind: 'template', parts: ['a`${b}\\', prop(ref(BUCKET), 'x')] }],
          },
        },
      ]),
      'm',
    );
    expect(body(files)).toContain('bucket.f(`a\\`\\${b}\\\\${bucket.x}`);');
  });

  it('puts the arguments of a call too long for one line one a line', () => {
    const long = str('x'.repeat(80));
    const files = emitTypeScript(
      app([
        {
          kind: 'expression',
          value: { kind: 'staticCall', type: CDK.ec2('Peer'), method: 'ipv4', args: [long, long] },
        },
      ]),
      'm',
    );
    expect(body(files)).toBe(
      [
        '',
        '    ec2.Peer.ipv4(',
        `      '${'x'.repeat(80)}',`,
        `      '${'x'.repeat(80)}',`,
        '    );',
      ].join('\n'),
    );
  });

  it('loads the document with its substitutions and adds the helper once', () => {
    const definition: Variable = { key: 'definition', name: 'definition' };
    const files = emitTypeScript(
      app([
        {
          kind: 'loadDefinition',
          variable: definition,
          file: 'openapi.json',
          substitutions: [
            {
              placeholder: '${AWS::Region}',
              value: { kind: 'staticProperty', type: CDK.core('Aws'), name: 'REGION' },
            },
          ],
        },
        {
          kind: 'expression',
          value: { kind: 'call', object: ref(definition), method: 'g', args: [], nullSafe: true },
        },
      ]),
      'm',
    );
    expect(body(files)).toBe(
      [
        '',
        "    const definition = loadDefinition('openapi.json', {",
        "      '${AWS::Region}': cdk.Aws.REGION,",
        '    });',
        '    definition?.g();',
      ].join('\n'),
    );
    expect(files['lib/tiny-stack.ts']!.match(/^function loadDefinition/gm)).toHaveLength(1);
    expect(files['lib/openapi.json']).toBe('{\n  "openapi": "3.0.3"\n}\n');
  });

  it('starts every TypeScript file with the generated-by line and pins the CDK it was tested with', () => {
    const files = emitTypeScript(app([]), 'pets.yaml');
    for (const path of ['bin/app.ts', 'lib/tiny-stack.ts']) {
      expect(files[path]!.split('\n')[0]).toBe(
        '// Generated by Gatewright from pets.yaml and its design; exporting again overwrites this file.',
      );
    }
    const pkg = JSON.parse(files['package.json']!);
    expect(pkg.dependencies['aws-cdk-lib']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.synth).toBe('cdk synth');
    expect(files['bin/app.ts']).toContain("new TinyStack(app, 'TinyStack');");
  });

  it('copies assets as they are', () => {
    const files = emitTypeScript(
      app([], { assets: [{ path: 'lambda/fn/index.mjs', text: 'export const handler = 1;\n' }] }),
      'm',
    );
    expect(files['lambda/fn/index.mjs']).toBe('export const handler = 1;\n');
  });
});

describe('quote', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['say "hi"', `'say "hi"'`],
    ['a\\b\n', "'a\\\\b\\n'"],
  ])('%j -> %s', (text, quoted) => {
    expect(quote(text)).toBe(quoted);
    // A TypeScript string literal that evaluates back to the text.
    expect(new Function(`return ${quoted};`)()).toBe(text);
  });
});
