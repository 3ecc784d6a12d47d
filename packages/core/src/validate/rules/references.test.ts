import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import type { Backend, DesignDocument } from '../../design/types';
import { validate } from '../validate';

const model = makeModel([makeOperation()]);
const lambda: Backend = {
  kind: 'lambda',
  function: {
    source: 'existing',
    functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:pets',
  },
};
const http: Backend = { kind: 'http', baseUrl: 'https://backend.example.com' };

function findings(design: Partial<DesignDocument>) {
  return validate(model, makeDesign(design)).map((d) => ({
    code: d.code,
    pointer: d.location.pointer,
    message: d.message,
  }));
}

describe('references', () => {
  it('reports an integration naming a backend that does not exist', () => {
    const result = findings({
      backends: { petsFn: lambda },
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'petFn' } } },
    });
    expect(result).toEqual([
      {
        code: 'validate.unknown-backend',
        pointer: '/operations/GET ~1pets/integration/backend',
        message: expect.stringMatching(/"petFn".*petsFn/),
      },
    ]);
  });

  it('reports an integration naming a backend of another kind', () => {
    const result = findings({
      backends: { site: http },
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'site' } } },
    });
    expect(result).toEqual([
      {
        code: 'validate.backend-kind-mismatch',
        pointer: '/operations/GET ~1pets/integration/backend',
        message: expect.stringContaining('http'),
      },
    ]);
  });

  it('accepts integrations naming backends of their kind', () => {
    const result = findings({
      backends: { petsFn: lambda },
      operations: { 'GET /pets': { integration: { kind: 'lambda', backend: 'petsFn' } } },
    });
    expect(result).toEqual([]);
  });

  it('reports unknown default and per-operation authorizers, but not NONE', () => {
    const result = findings({
      backends: { petsFn: lambda },
      authorizers: { iam: { kind: 'iam' } },
      defaultAuthorizer: 'cognito',
      operations: {
        'GET /pets': { integration: { kind: 'lambda', backend: 'petsFn' }, authorizer: 'custom' },
      },
    });
    expect(result.map((r) => [r.code, r.pointer])).toEqual([
      ['validate.unknown-authorizer', '/defaultAuthorizer'],
      ['validate.unknown-authorizer', '/operations/GET ~1pets/authorizer'],
    ]);

    const open = findings({
      backends: { petsFn: lambda },
      authorizers: { iam: { kind: 'iam' } },
      defaultAuthorizer: 'iam',
      operations: {
        'GET /pets': { integration: { kind: 'lambda', backend: 'petsFn' }, authorizer: 'NONE' },
      },
    });
    expect(open).toEqual([]);
  });

  it('requires a Lambda authorizer backend to be a Lambda backend', () => {
    const design = (backend: string) => ({
      backends: { petsFn: lambda, site: http },
      authorizers: {
        custom: { kind: 'lambda' as const, type: 'token' as const, function: { backend } },
      },
      operations: { 'GET /pets': { integration: { kind: 'lambda' as const, backend: 'petsFn' } } },
    });
    expect(findings(design('site')).map((r) => [r.code, r.pointer])).toEqual([
      ['validate.backend-kind-mismatch', '/authorizers/custom/function/backend'],
    ]);
    expect(findings(design('missing')).map((r) => r.code)).toEqual(['validate.unknown-backend']);
    expect(findings(design('petsFn'))).toEqual([]);
  });

  it('does not take names of Object.prototype for backends or authorizers', () => {
    const result = findings({
      operations: {
        'GET /pets': {
          integration: { kind: 'lambda', backend: 'constructor' },
          authorizer: 'toString',
        },
      },
    });
    expect(result.map((r) => r.code)).toEqual([
      'validate.unknown-authorizer',
      'validate.unknown-backend',
    ]);
  });
});
