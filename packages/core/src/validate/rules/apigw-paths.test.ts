import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import { importModel } from '../../model/import-model';
import { validate } from '../validate';

function pathFindings(...paths: string[]) {
  const model = makeModel(paths.map((path) => makeOperation({ path })));
  return validate(model, makeDesign())
    .filter((d) => d.code === 'validate.apigw-invalid-path')
    .map((d) => [d.location.pointer, d.message]);
}

describe('API Gateway methods', () => {
  it('reports TRACE at the operation, with its line', async () => {
    const text = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /pets:
    get:
      responses: { '200': { description: ok } }
    trace:
      responses: { '200': { description: ok } }
`;
    const { model } = await importModel(text, { file: 'openapi.yaml' });
    const findings = validate(model!, makeDesign()).filter(
      (d) => d.code === 'validate.apigw-unsupported-method',
    );
    expect(findings).toEqual([
      {
        code: 'validate.apigw-unsupported-method',
        severity: 'error',
        message: expect.stringContaining('TRACE /pets'),
        location: {
          file: 'openapi.yaml',
          pointer: '/paths/~1pets/trace',
          line: 7,
          column: 5,
          operation: 'TRACE /pets',
        },
      },
    ]);
  });

  it('accepts every method API Gateway imports', () => {
    const methods = [
      'get',
      'put',
      'post',
      'delete',
      'options',
      'head',
      'patch',
      'x-amazon-apigateway-any-method',
    ] as const;
    const model = makeModel(methods.map((method) => makeOperation({ method })));
    expect(
      validate(model, makeDesign()).filter((d) => d.code === 'validate.apigw-unsupported-method'),
    ).toEqual([]);
  });
});

describe('API Gateway paths', () => {
  it('accepts plain segments, whole parameters and a final greedy parameter', () => {
    expect(
      pathFindings('/', '/pets', '/pets/{petId}', '/a-b/c.d/e,f/g_h/{x}', '/files/{proxy+}'),
    ).toEqual([]);
  });

  it('reports a parameter sharing a segment with text once per path', () => {
    const model = makeModel([
      makeOperation({ path: '/pets/{id}.json' }),
      makeOperation({ path: '/pets/{id}.json', method: 'put' }),
    ]);
    const findings = validate(model, makeDesign()).filter(
      (d) => d.code === 'validate.apigw-invalid-path',
    );
    expect(findings.map((d) => [d.location.pointer, d.message])).toEqual([
      ['/paths/~1pets~1{id}.json', expect.stringMatching(/"\{id\}\.json".*whole segment/)],
    ]);
  });

  it.each([
    ['/{proxy+}/more', /greedy/],
    ['/pets/', /empty segment/],
    ['/pets//toys', /empty segment/],
    ['/pets/a:b', /"a:b"/],
    ['/pets/ä', /"ä"/],
    ['/responses?beta=true', /letters, digits/],
  ])('reports %s', (path, reason) => {
    expect(pathFindings(path)).toEqual([[expect.any(String), expect.stringMatching(reason)]]);
  });
});
