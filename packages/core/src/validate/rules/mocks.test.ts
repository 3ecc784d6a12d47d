import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import type { MockResponse } from '../../design/types';
import type { ResponseDoc } from '../../model/types';
import { validate } from '../validate';

function response(status: string, contentTypes: string[] = []): ResponseDoc {
  return {
    status,
    content: contentTypes.map((contentType) => ({ contentType, hasExample: false })),
    headers: [],
    pointer: `/paths/~1pets/get/responses/${status}`,
  };
}

function mockFindings(responses: ResponseDoc[], mock: MockResponse) {
  const model = makeModel([makeOperation({ responses })]);
  const design = makeDesign({
    operations: { 'GET /pets': { integration: { kind: 'mock', response: mock } } },
  });
  return validate(model, design).map((d) => ({
    code: d.code,
    severity: d.severity,
    pointer: d.location.pointer,
    message: d.message,
  }));
}

describe('typed mocks', () => {
  it('reports a documented mock naming a response the operation does not document', () => {
    expect(
      mockFindings([response('200'), response('404')], { source: 'documented', status: '201' }),
    ).toEqual([
      {
        code: 'validate.mock-response-missing',
        severity: 'error',
        pointer: '/operations/GET ~1pets/integration/response/status',
        message: expect.stringMatching(/"201".*200, 404/),
      },
    ]);
  });

  it('reports a content type the documented response does not have', () => {
    const result = mockFindings([response('200', ['application/json'])], {
      source: 'documented',
      status: '200',
      contentType: 'text/plain',
    });
    expect(result.map((r) => [r.code, r.severity, r.pointer])).toEqual([
      [
        'validate.mock-response-missing',
        'warning',
        '/operations/GET ~1pets/integration/response/contentType',
      ],
    ]);
  });

  it('accepts a documented response and content type', () => {
    const mock: MockResponse = {
      source: 'documented',
      status: '200',
      contentType: 'application/json',
    };
    expect(mockFindings([response('200', ['application/json'])], mock)).toEqual([]);
  });
});

describe('custom mocks', () => {
  it('warns when the status is not documented', () => {
    expect(mockFindings([response('200')], { source: 'custom', statusCode: 418 })).toEqual([
      {
        code: 'validate.mock-status-undocumented',
        severity: 'warning',
        pointer: '/operations/GET ~1pets/integration/response/statusCode',
        message: expect.stringContaining('418'),
      },
    ]);
  });

  it('accepts a status covered exactly, by a range or by default', () => {
    expect(mockFindings([response('201')], { source: 'custom', statusCode: 201 })).toEqual([]);
    expect(mockFindings([response('4XX')], { source: 'custom', statusCode: 404 })).toEqual([]);
    expect(mockFindings([response('4xx')], { source: 'custom', statusCode: 418 })).toEqual([]);
    expect(mockFindings([response('5XX')], { source: 'custom', statusCode: 404 })).toHaveLength(1);
  });

  it('never warns for an operation documenting default', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        expect(
          mockFindings([response('200'), response('default')], {
            source: 'custom',
            statusCode: status,
          }),
        ).toEqual([]);
      }),
    );
  });

  it('reports a status outside 100..599 as an error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ max: 99 }),
          fc.integer({ min: 600 }),
          fc.double({ min: 100.1, max: 598.9, noInteger: true }),
        ),
        (status) => {
          const result = mockFindings([response('default')], {
            source: 'custom',
            statusCode: status,
          });
          expect(result.map((r) => r.code)).toEqual(['validate.invalid-status-code']);
        },
      ),
    );
  });
});

describe('mocks of operations that document no responses', () => {
  it('says there is nothing to pick and how to fix it', () => {
    expect(
      mockFindings([], { source: 'documented', status: '200' }).map((r) => [r.code, r.message]),
    ).toEqual([
      ['validate.mock-response-missing', expect.stringContaining('documents no responses')],
    ]);
    expect(
      mockFindings([], { source: 'custom', statusCode: 200 }).map((r) => [r.code, r.message]),
    ).toEqual([
      ['validate.mock-status-undocumented', expect.stringContaining('documents no responses')],
    ]);
  });
});
