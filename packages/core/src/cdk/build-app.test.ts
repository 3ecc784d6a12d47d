import { Runtime } from 'aws-cdk-lib/aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import designSchema from '../design/design.schema.json';
import type { LambdaBackend, LambdaRuntime, NewLambdaFunction } from '../design/types';
import { renderOpenApi } from '../openapi/render-openapi';
import { buildCdkApp, handlerFile, runtimeConstant } from './build-app';
import { emitCdk } from './emit-cdk';
import { isValidIdentifier } from './identifiers';
import type { Statement } from './ir';

const newFunction = (partial: Partial<NewLambdaFunction> = {}): LambdaBackend => ({
  kind: 'lambda',
  function: {
    source: 'new',
    runtime: 'nodejs24.x',
    handler: 'index.handler',
    memoryMiB: 256,
    timeoutSeconds: 29,
    code: 'export const handler = async () => ({ statusCode: 200 });',
    ...partial,
  },
});

const calls = (statements: Statement[], method: string) =>
  statements.filter(
    (s) => s.kind === 'expression' && s.value.kind === 'call' && s.value.method === method,
  );

/** The last part of a permission's source ARN template: `/` + the plan's suffix. */
function sourceArnEnd(statement: Statement): unknown {
  if (statement.kind !== 'expression' || statement.value.kind !== 'call')
    throw new Error('not a call');
  const props = statement.value.args[1];
  if (props?.kind !== 'struct') throw new Error('no props');
  const arn = props.fields.find((f) => f.name === 'sourceArn')?.value;
  if (arn?.kind !== 'template') throw new Error('no source ARN');
  return arn.parts[arn.parts.length - 1];
}

describe('runtimeConstant', () => {
  it('names an aws-cdk-lib Runtime constant for every runtime the design schema offers', () => {
    const runtimes = designSchema.$defs.NewLambdaFunction.properties.runtime
      .enum as LambdaRuntime[];
    expect(runtimes.length).toBeGreaterThan(0);
    for (const runtime of runtimes) {
      const constant = (Runtime as unknown as Record<string, Runtime | undefined>)[
        runtimeConstant(runtime)
      ];
      expect(constant?.name, runtime).toBe(runtime);
    }
  });
});

describe('handlerFile', () => {
  it.each([
    ['index.handler', 'nodejs24.x', 'index.mjs'],
    ['src/app.main', 'nodejs22.x', 'src/app.mjs'],
    ['app.lambda_handler', 'python3.13', 'app.py'],
  ] as const)('%s on %s -> %s', (handler, runtime, file) => {
    expect(
      handlerFile({ ...(newFunction().function as NewLambdaFunction), handler, runtime }),
    ).toBe(file);
  });
});

describe('buildCdkApp', () => {
  const ops = [
    makeOperation({ path: '/pets' }),
    makeOperation({ method: 'post', path: '/pets' }),
    makeOperation({ path: '/pets/{id}' }),
  ];
  const model = makeModel(ops);

  it('grants a function serving many operations one API-wide permission, and a single-operation one its own', () => {
    const design = makeDesign({
      backends: { shared: newFunction(), single: newFunction() },
      operations: {
        'GET /pets': { integration: { kind: 'lambda', backend: 'shared' } },
        'POST /pets': { integration: { kind: 'lambda', backend: 'shared' } },
        'GET /pets/{id}': { integration: { kind: 'lambda', backend: 'single' } },
      },
    });
    const { app } = buildCdkApp(model, design, renderOpenApi(model, design).document);
    const suffixes = calls(app.statements, 'addPermission').map(sourceArnEnd);
    expect(suffixes.sort()).toEqual(['/*/*', '/*/GET/pets/*']);
  });

  it('imports an existing function once, only because it needs a permission', () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:legacy';
    const design = makeDesign({
      backends: { legacy: { kind: 'lambda', function: { source: 'existing', functionArn: arn } } },
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'legacy' } } },
      authorizers: { auth: { kind: 'lambda', type: 'token', function: { backend: 'legacy' } } },
    });
    const { app } = buildCdkApp(model, design, renderOpenApi(model, design).document);
    const imports = app.statements.filter(
      (s) => s.kind === 'declare' && s.value.kind === 'staticCall',
    );
    expect(imports).toHaveLength(1);
    expect(calls(app.statements, 'addPermission')).toHaveLength(2);

    const unused = makeDesign({ backends: design.backends });
    const bare = buildCdkApp(model, unused, renderOpenApi(model, unused).document).app;
    expect(
      bare.statements.filter((s) => s.kind === 'declare' && s.value.kind === 'staticCall'),
    ).toEqual([]);
  });

  it('reports a placeholder that names nothing the stack creates, where it is', () => {
    const design = makeDesign({
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'gone' } } },
    });
    const { diagnostics, app } = buildCdkApp(model, design, renderOpenApi(model, design).document);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'render.cdk-unresolved-placeholder',
        severity: 'error',
        message: expect.stringContaining('${GoneFunction.Arn}'),
        location: { pointer: '/paths/~1pets/get/x-amazon-apigateway-integration/uri' },
      }),
    ]);
    const load = app.statements.find((s) => s.kind === 'loadDefinition')!;
    expect(
      load.kind === 'loadDefinition' && load.substitutions.map((s) => s.placeholder),
    ).not.toContain('${GoneFunction.Arn}');
  });

  it('leaves text that only looks like a placeholder alone', () => {
    const design = makeDesign({
      backends: { web: { kind: 'http', baseUrl: 'https://example.com' } },
      operations: {
        'GET /pets': {
          integration: {
            kind: 'http',
            backend: 'web',
            proxy: false,
            requestTemplates: { 'application/json': '#set($limit = 10) {"limit": ${limit}}' },
          },
        },
      },
    });
    const { diagnostics, app } = buildCdkApp(model, design, renderOpenApi(model, design).document);
    expect(diagnostics).toEqual([]);
    const load = app.statements.find((s) => s.kind === 'loadDefinition')!;
    expect(
      load.kind === 'loadDefinition' && load.substitutions.map((s) => s.placeholder),
    ).not.toContain('${limit}');
  });

  it('writes each new function’s code under lambda/<backend id>/, with a folder-safe name', () => {
    const design = makeDesign({
      backends: {
        'a/b': newFunction({ code: 'one' }),
        'a-b': newFunction({ code: 'two', runtime: 'python3.13' }),
      },
    });
    const { app } = buildCdkApp(model, design, renderOpenApi(model, design).document);
    expect(app.assets).toEqual([
      { path: 'lambda/a-b/index.py', text: 'two\n' },
      { path: 'lambda/a-b-2/index.mjs', text: 'one\n' },
    ]);
  });
});

describe('emitCdk', () => {
  const backendIds = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), {
    minLength: 1,
    maxLength: 5,
  });

  it('for any backend ids: same files every time, valid distinct variables, every placeholder substituted', () => {
    fc.assert(
      fc.property(backendIds, (ids) => {
        const ops = ids.map((_, i) => makeOperation({ path: `/r${i}` }));
        const design = makeDesign({
          backends: Object.fromEntries(ids.map((id) => [id, newFunction()])),
          operations: Object.fromEntries(
            ops.map((op, i) => [op.key, { integration: { kind: 'lambda', backend: ids[i]! } }]),
          ),
        });
        const model = makeModel(ops);
        const first = emitCdk(model, design, { language: 'typescript' });
        expect(emitCdk(model, design, { language: 'typescript' })).toEqual(first);
        const stack = Object.entries(first.files).find(([p]) => p.endsWith('-stack.ts'))![1];
        const variables = [...stack.matchAll(/^ {4}const (\S+) =/gm)].map((m) => m[1]!);
        expect(new Set(variables).size).toBe(variables.length);
        for (const v of variables) expect(isValidIdentifier(v, 'typescript')).toBe(true);
        const document = first.files['lib/openapi.json']!;
        for (const placeholder of new Set(document.match(/\$\{[^}]+\}/g))) {
          expect(stack).toContain(`'${placeholder}':`);
        }
        expect(first.diagnostics).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
