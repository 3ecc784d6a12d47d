import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import type { LambdaBackend, OperationDesign } from '../design/types';
import { lambdaPermissions } from './lambda-permissions';

const newFn: LambdaBackend = {
  kind: 'lambda',
  function: {
    source: 'new',
    runtime: 'nodejs24.x',
    handler: 'index.handler',
    memoryMiB: 256,
    timeoutSeconds: 29,
    code: '',
  },
};
const listPets = makeOperation({ method: 'get', path: '/pets' });
const getPet = makeOperation({ method: 'get', path: '/pets/{petId}' });
const deletePet = makeOperation({ method: 'delete', path: '/pets/{petId}' });
const model = makeModel([listPets, getPet, deletePet]);

describe('lambdaPermissions', () => {
  it('grants one permission per operation for a function serving one operation', () => {
    const design = makeDesign({
      backends: {
        lister: newFn,
        getter: newFn,
        web: { kind: 'http', baseUrl: 'https://example.com' },
      },
      operations: {
        'GET /pets': { integration: { kind: 'lambda', backend: 'lister' } },
        'GET /pets/{petId}': { integration: { kind: 'lambda', backend: 'getter' } },
        'DELETE /pets/{petId}': { integration: { kind: 'http', backend: 'web', proxy: true } },
      },
    });
    expect(lambdaPermissions(model, design)).toEqual([
      { kind: 'lambda-invoke', target: { backend: 'getter' }, sourceArnSuffix: '*/GET/pets/*' },
      { kind: 'lambda-invoke', target: { backend: 'lister' }, sourceArnSuffix: '*/GET/pets' },
    ]);
  });

  it('grants one API-wide permission to a function serving several operations', () => {
    const design = makeDesign({
      backends: { shared: newFn },
      operations: Object.fromEntries(
        model.operations.map((op) => [
          op.key,
          { integration: { kind: 'lambda' as const, backend: 'shared' } },
        ]),
      ),
    });
    expect(lambdaPermissions(model, design)).toEqual([
      { kind: 'lambda-invoke', target: { backend: 'shared' }, sourceArnSuffix: '*/*' },
    ]);
  });

  it('leaves out operations invoked with credentials, which then do not make a function shared', () => {
    const credentials = 'arn:aws:iam::123456789012:role/InvokePets';
    const design = makeDesign({
      backends: { shared: newFn, roleOnly: newFn },
      operations: {
        'GET /pets': { integration: { kind: 'lambda', backend: 'shared' } },
        'GET /pets/{petId}': { integration: { kind: 'lambda', backend: 'shared', credentials } },
        'DELETE /pets/{petId}': {
          integration: { kind: 'lambda', backend: 'roleOnly', credentials },
        },
      },
    });
    expect(lambdaPermissions(model, design)).toEqual([
      { kind: 'lambda-invoke', target: { backend: 'shared' }, sourceArnSuffix: '*/GET/pets' },
    ]);
  });

  it('grants Lambda authorizers the authorizers path, and ignores design entries the model lacks', () => {
    const design = makeDesign({
      backends: { auth: newFn, fn: newFn },
      operations: { 'GET /gone': { integration: { kind: 'lambda', backend: 'fn' } } },
      authorizers: {
        token: { kind: 'lambda', type: 'token', function: { backend: 'auth' } },
        external: {
          kind: 'lambda',
          type: 'request',
          function: { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:authz' },
        },
        iam: { kind: 'iam' },
      },
    });
    expect(lambdaPermissions(model, design)).toEqual([
      {
        kind: 'lambda-invoke',
        target: { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:authz' },
        sourceArnSuffix: 'authorizers/*',
      },
      { kind: 'lambda-invoke', target: { backend: 'auth' }, sourceArnSuffix: 'authorizers/*' },
    ]);
  });
});

describe('lambdaPermissions properties', () => {
  const functions = ['a', 'b', 'c'];
  const operations = ['/a', '/b/{id}', '/c', '/d/{x}/e'].flatMap((path) =>
    (['get', 'post'] as const).map((method) => makeOperation({ method, path })),
  );
  const wiring = fc.array(fc.option(fc.constantFrom(...functions), { nil: undefined }), {
    minLength: operations.length,
    maxLength: operations.length,
  });

  it('grants each function one permission: its operation, or API-wide when it serves several; in an order that ignores the design order', () => {
    fc.assert(
      fc.property(wiring, (targets) => {
        const entries: Array<[string, OperationDesign]> = [];
        operations.forEach((op, i) => {
          if (targets[i] !== undefined)
            entries.push([op.key, { integration: { kind: 'lambda', backend: targets[i]! } }]);
        });
        const backends = Object.fromEntries(functions.map((f) => [f, newFn]));
        const plans = lambdaPermissions(
          makeModel(operations),
          makeDesign({ backends, operations: Object.fromEntries(entries) }),
        );
        expect(
          lambdaPermissions(
            makeModel(operations),
            makeDesign({ backends, operations: Object.fromEntries([...entries].reverse()) }),
          ),
        ).toEqual(plans);
        for (const fn of functions) {
          const served = targets.filter((t) => t === fn).length;
          const granted = plans.filter((p) => 'backend' in p.target && p.target.backend === fn);
          expect(granted).toHaveLength(served === 0 ? 0 : 1);
          if (served > 1) expect(granted[0]!.sourceArnSuffix).toBe('*/*');
          if (served === 1) expect(granted[0]!.sourceArnSuffix).toMatch(/^\*\/(GET|POST)\//);
        }
      }),
    );
  });
});
