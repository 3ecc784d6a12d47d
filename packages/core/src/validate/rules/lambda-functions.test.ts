import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel } from '../../../test/fixtures';
import type { LambdaRuntime, NewLambdaFunction } from '../../design/types';
import { DEPRECATED_RUNTIMES } from '../lambda-runtimes';
import { validate } from '../validate';

function findings(fn: Partial<NewLambdaFunction>) {
  const function_: NewLambdaFunction = {
    source: 'new',
    runtime: 'nodejs24.x',
    handler: 'index.handler',
    memoryMiB: 256,
    timeoutSeconds: 29,
    code: '',
    ...fn,
  };
  const design = makeDesign({ backends: { petsFn: { kind: 'lambda', function: function_ } } });
  return validate(makeModel([]), design).map((d) => ({
    code: d.code,
    severity: d.severity,
    pointer: d.location.pointer,
    message: d.message,
  }));
}

describe('Lambda function settings', () => {
  it('accepts the defaults and the bounds', () => {
    expect(findings({})).toEqual([]);
    expect(findings({ memoryMiB: 128, timeoutSeconds: 1 })).toEqual([]);
    expect(findings({ memoryMiB: 10_240, timeoutSeconds: 900 })).toEqual([]);
  });

  it.each([
    [{ memoryMiB: 64 }, '/backends/petsFn/function/memoryMiB', '64 MiB'],
    [{ memoryMiB: 10_241 }, '/backends/petsFn/function/memoryMiB', '10241 MiB'],
    [{ timeoutSeconds: 0 }, '/backends/petsFn/function/timeoutSeconds', '0 s'],
    [{ timeoutSeconds: 901 }, '/backends/petsFn/function/timeoutSeconds', '901 s'],
  ])('reports %o', (settings, pointer, value) => {
    expect(findings(settings)).toEqual([
      {
        code: 'validate.lambda-settings',
        severity: 'error',
        pointer,
        message: expect.stringContaining(value),
      },
    ]);
  });
});

describe('deprecated runtimes', () => {
  it('warns on nodejs20.x with its dates and nodejs24.x as the replacement', () => {
    expect(findings({ runtime: 'nodejs20.x' })).toEqual([
      {
        code: 'validate.deprecated-runtime',
        severity: 'warning',
        pointer: '/backends/petsFn/function/runtime',
        message: expect.stringMatching(/nodejs20\.x.*2026-04-30.*2027-02-01.*nodejs24\.x/),
      },
    ]);
  });

  it('warns on every runtime in the table and names a replacement the table does not deprecate', () => {
    for (const [runtime, deprecation] of Object.entries(DEPRECATED_RUNTIMES)) {
      expect(findings({ runtime: runtime as LambdaRuntime }).map((f) => f.code)).toEqual([
        'validate.deprecated-runtime',
      ]);
      expect(DEPRECATED_RUNTIMES[deprecation!.replacement]).toBeUndefined();
    }
    expect(Object.keys(DEPRECATED_RUNTIMES)).toEqual(
      expect.arrayContaining(['nodejs18.x', 'nodejs20.x', 'python3.9']),
    );
  });

  it('does not warn on current runtimes', () => {
    expect(findings({ runtime: 'python3.14' })).toEqual([]);
    expect(findings({ runtime: 'nodejs22.x' })).toEqual([]);
  });
});
