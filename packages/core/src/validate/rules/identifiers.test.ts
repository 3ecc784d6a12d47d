import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import type { Backend } from '../../design/types';
import { validate } from '../validate';

const lambda: Backend = {
  kind: 'lambda',
  function: { source: 'existing', functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:f' },
};
const http: Backend = { kind: 'http', baseUrl: 'https://backend.example.com' };

function collisions(operationIds: string[], backends: Record<string, Backend> = {}) {
  const model = makeModel(
    operationIds.map((operationId, i) => makeOperation({ operationId, path: `/p${i}` })),
  );
  return validate(model, makeDesign({ backends }))
    .filter((d) => d.code === 'validate.identifier-collision')
    .map((d) => ({
      severity: d.severity,
      pointer: d.location.pointer,
      operation: d.location.operation,
      message: d.message,
    }));
}

describe('identifier collisions', () => {
  it('reports backends whose ids clean to one CloudFormation name, as an error on all but the first', () => {
    const backends = { 'pets-api': lambda, petsApi: lambda, pets_api: lambda, orders: lambda };
    expect(collisions([], backends)).toEqual([
      {
        severity: 'error',
        pointer: '/backends/petsApi',
        message: expect.stringMatching(/"petsApi".*"pets-api".*PetsApiFunction/),
      },
      {
        severity: 'error',
        pointer: '/backends/pets_api',
        message: expect.stringMatching(/"pets_api".*"pets-api".*PetsApiFunction/),
      },
    ]);
  });

  it('accepts distinct backend ids, and HTTP backends, which create no resources', () => {
    expect(collisions([], { petsApi: lambda, ordersApi: lambda, pets: lambda })).toEqual([]);
    expect(collisions([], { 'pets-api': http, petsApi: http })).toEqual([]);
  });

  it('warns when operation names give one method name, once per clash, naming the languages', () => {
    expect(collisions(['meta/root', 'metaRoot', 'listPets'])).toEqual([
      {
        severity: 'warning',
        pointer: '/paths/~1p1/get',
        operation: 'GET /p1',
        message: expect.stringMatching(
          /"metaRoot".*"meta\/root".*TypeScript metaRoot, Python meta_root, Java metaRoot/,
        ),
      },
    ]);
  });

  it('accepts operation names that stay distinct in every language', () => {
    expect(collisions(['repos/get', 'repos/list', 'meta/root'])).toEqual([]);
  });
});
