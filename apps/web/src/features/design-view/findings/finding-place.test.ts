import { emptyDesign, importModel, type Diagnostic, type DesignDocument } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { codePlaceOfFinding } from './finding-place';

const MODEL = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200': { description: ok }
  /owners:
    post:
      responses:
        '201': { description: made }
`;

async function setup() {
  const { model } = await importModel(MODEL, { file: 'api/openapi.yaml' });
  const design: DesignDocument = {
    ...emptyDesign('openapi.yaml'),
    backends: { svc: { kind: 'http', baseUrl: 'nope' } },
    operations: { 'POST /owners': { integration: { kind: 'http', backend: 'svc', proxy: true } } },
  };
  return { model: model!, design };
}

const finding = (location: Diagnostic['location']): Diagnostic => ({
  code: 'validate.invalid-url',
  severity: 'error',
  message: 'm',
  location,
});

describe('codePlaceOfFinding', () => {
  it("shows a model finding at its line in the model's text", async () => {
    const { model, design } = await setup();
    expect(
      codePlaceOfFinding(
        finding({ file: 'api/openapi.yaml', line: 5, operation: 'GET /pets' }),
        model,
        design,
      ),
    ).toEqual({ tab: 'model', line: 5 });
  });

  it("shows a design finding at its operation's rendered object", async () => {
    const { model, design } = await setup();
    expect(
      codePlaceOfFinding(
        finding({
          file: 'api/openapi.gatewright.json',
          pointer: '/operations',
          operation: 'GET /pets',
        }),
        model,
        design,
      ),
    ).toEqual({ tab: 'openapi', path: '/pets', method: 'get' });
  });

  it("shows a backend's finding at the first operation it serves, and a global one nowhere", async () => {
    const { model, design } = await setup();
    expect(
      codePlaceOfFinding(finding({ pointer: '/backends/svc/baseUrl' }), model, design),
    ).toEqual({ tab: 'openapi', path: '/owners', method: 'post' });
    expect(codePlaceOfFinding(finding({ pointer: '/stage/name' }), model, design)).toBeUndefined();
  });
});
