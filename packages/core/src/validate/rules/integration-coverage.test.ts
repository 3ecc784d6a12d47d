import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../../test/fixtures';
import { importModel } from '../../model/import-model';
import { validate } from '../validate';

const MODEL_TEXT = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /pets:
    get:
      responses: { '200': { description: ok } }
    post:
      responses: { '201': { description: ok } }
`;

const mock = { kind: 'mock', response: { source: 'custom', statusCode: 200 } } as const;

describe('integration coverage', () => {
  it('reports each operation without an integration at its place in the model', async () => {
    const { model } = await importModel(MODEL_TEXT, { file: 'api/openapi.yaml' });
    const design = makeDesign({ operations: { 'GET /pets': { integration: mock } } });

    const findings = validate(model!, design).filter(
      (d) => d.code === 'validate.operation-not-integrated',
    );

    expect(findings).toEqual([
      {
        code: 'validate.operation-not-integrated',
        severity: 'error',
        message: expect.stringContaining('POST /pets'),
        location: {
          file: 'api/openapi.yaml',
          pointer: '/paths/~1pets/post',
          line: 7,
          column: 5,
          operation: 'POST /pets',
        },
      },
    ]);
  });

  it('counts an operation with only an authorizer as not integrated', () => {
    const model = makeModel([makeOperation()]);
    const design = makeDesign({ operations: { 'GET /pets': { authorizer: 'NONE' } } });
    expect(validate(model, design).map((d) => d.code)).toContain(
      'validate.operation-not-integrated',
    );
  });

  it('is silent when every operation is wired', () => {
    const model = makeModel([makeOperation(), makeOperation({ method: 'post' })]);
    const design = makeDesign({
      operations: { 'GET /pets': { integration: mock }, 'POST /pets': { integration: mock } },
    });
    expect(validate(model, design)).toEqual([]);
  });

  it('reports design entries for operations the model does not have, in the design file', () => {
    const model = makeModel([makeOperation()], { file: 'api/openapi.yaml' });
    const design = makeDesign({
      operations: { 'GET /pets': { integration: mock }, 'GET /pet': { integration: mock } },
    });

    const findings = validate(model, design);

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'validate.unknown-operation',
      message: expect.stringContaining('"GET /pet"'),
      location: {
        file: 'api/openapi.gatewright.json',
        pointer: '/operations/GET ~1pet',
        operation: 'GET /pet',
      },
    });
  });

  it('names the operation a design entry became when only a path parameter was renamed', () => {
    const model = makeModel([makeOperation({ path: '/pets/{petId}' })]);
    const design = makeDesign({ operations: { 'GET /pets/{id}': { integration: mock } } });
    const messages = validate(model, design)
      .filter((d) => d.code === 'validate.unknown-operation')
      .map((d) => d.message);
    expect(messages).toEqual([expect.stringContaining('rename it to "GET /pets/{petId}"')]);

    const bothWired = makeDesign({
      operations: { ...design.operations, 'GET /pets/{petId}': { integration: mock } },
    });
    const [finding] = validate(model, bothWired);
    expect(finding?.message).toContain('remove the entry');
  });
});
