import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import type { DesignDocument } from '../../design/types';
import { validate } from '../validate';

const model = makeModel([makeOperation()]);
const backends = { site: { kind: 'http', baseUrl: 'https://backend.example.com' } } as const;

function statusFindings(design: Partial<DesignDocument>) {
  return validate(model, makeDesign({ backends, ...design }))
    .filter((d) => d.code === 'validate.invalid-status-code')
    .map((d) => [d.location.pointer, d.message]);
}

const withResponseStatus = (statusCode: string): Partial<DesignDocument> => ({
  operations: {
    'GET /pets': {
      integration: {
        kind: 'http',
        backend: 'site',
        proxy: false,
        responses: { '4\\d{2}': { statusCode } },
      },
    },
  },
});

describe('status codes', () => {
  it('reports a CORS preflight status outside 100..599', () => {
    expect(statusFindings({ cors: { enabled: true, preflightStatusCode: 2040 } })).toEqual([
      ['/cors/preflightStatusCode', expect.stringContaining('2040')],
    ]);
    expect(statusFindings({ cors: { enabled: true, preflightStatusCode: 204 } })).toEqual([]);
  });

  it('reports gateway response statuses that are not three-digit HTTP statuses', () => {
    expect(
      statusFindings({
        gatewayResponses: {
          DEFAULT_4XX: { statusCode: '4XX' },
          DEFAULT_5XX: { statusCode: '503' },
        },
      }),
    ).toEqual([['/gatewayResponses/DEFAULT_4XX/statusCode', expect.stringContaining('"4XX"')]]);
  });

  it('reports an integration response status out of range, and accepts one in range', () => {
    expect(statusFindings(withResponseStatus('99'))).toEqual([
      ['/operations/GET ~1pets/integration/responses/4\\d{2}/statusCode', expect.any(String)],
    ]);
    expect(statusFindings(withResponseStatus('404'))).toEqual([]);
  });
});
