import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import type { OperationIntegration } from '../../design/types';
import { validate } from '../validate';

const model = makeModel([makeOperation()]);
const backends = { site: { kind: 'http', baseUrl: 'https://backend.example.com' } } as const;

function timeoutFindings(integration: OperationIntegration) {
  const design = makeDesign({ backends, operations: { 'GET /pets': { integration } } });
  return validate(model, design)
    .filter((d) => d.code === 'validate.timeout-out-of-range')
    .map((d) => [d.location.pointer, d.message]);
}

const http = (timeoutInMillis: number): OperationIntegration => ({
  kind: 'http',
  backend: 'site',
  proxy: true,
  timeoutInMillis,
});

describe('integration timeouts', () => {
  it('reports a timeout over 29000 ms, naming it', () => {
    expect(timeoutFindings(http(30_000))).toEqual([
      ['/operations/GET ~1pets/integration/timeoutInMillis', expect.stringContaining('30000')],
    ]);
  });

  it('accepts every whole number of milliseconds from 50 to 29000 and nothing outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 40_000 }), (ms) => {
        expect(timeoutFindings(http(ms))).toHaveLength(ms >= 50 && ms <= 29_000 ? 0 : 1);
      }),
    );
    expect(timeoutFindings(http(100.5))).toHaveLength(1);
  });

  it('checks the timeout kept in a raw integration', () => {
    const raw = (timeoutInMillis: number): OperationIntegration => ({
      kind: 'raw',
      integration: { type: 'HTTP_PROXY', timeoutInMillis },
    });
    expect(timeoutFindings(raw(10))).toEqual([
      ['/operations/GET ~1pets/integration/integration/timeoutInMillis', expect.any(String)],
    ]);
    expect(timeoutFindings(raw(1000))).toEqual([]);
  });
});
