import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeContext, makeDesign, makeOperation } from '../../test/fixtures';
import type { IntegrationOptions, OperationIntegration } from '../design/types';
import { renderIntegration } from './index';

const OPTION_FIELDS = ['contentHandling', 'cacheNamespace', 'cacheKeyParameters'] as const;

const options: fc.Arbitrary<IntegrationOptions> = fc.record(
  {
    contentHandling: fc.constantFrom('CONVERT_TO_BINARY' as const, 'CONVERT_TO_TEXT' as const),
    cacheNamespace: fc.string(),
    cacheKeyParameters: fc.array(fc.string(), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const withOptions: fc.Arbitrary<OperationIntegration> = fc
  .tuple(fc.constantFrom('lambda', 'http-proxy', 'http', 'ecs-nlb'), options)
  .map(([kind, given]) => {
    if (kind === 'lambda') return { kind, backend: 'fn', ...given };
    if (kind === 'ecs-nlb') return { kind, backend: 'svc', ...given };
    return { kind: 'http', backend: 'web', proxy: kind === 'http-proxy', ...given };
  });

describe('integration options', () => {
  it('render as given on every kind that takes them, and not at all when unset', () => {
    const context = makeContext(makeDesign());
    fc.assert(
      fc.property(withOptions, (integration) => {
        const rendered = renderIntegration(makeOperation(), integration, context);
        for (const field of OPTION_FIELDS) {
          const given = (integration as IntegrationOptions)[field];
          if (given === undefined) expect(rendered, field).not.toHaveProperty(field);
          else expect(rendered[field], field).toEqual(given);
        }
      }),
    );
  });

  it('do not share the cache key list with the design', () => {
    const integration: OperationIntegration = {
      kind: 'lambda',
      backend: 'fn',
      cacheKeyParameters: ['method.request.path.id'],
    };
    const rendered = renderIntegration(makeOperation(), integration, makeContext(makeDesign()));
    (rendered.cacheKeyParameters as string[]).push('changed');
    expect(integration.cacheKeyParameters).toEqual(['method.request.path.id']);
  });
});
