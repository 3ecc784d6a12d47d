import { describe, expect, it } from 'vitest';
import { makeDesign } from '../../../test/fixtures';
import { importModel } from '../../model/import-model';
import { validate } from '../validate';

const model = (version: string) => `openapi: ${version}
info: { title: T, version: '1' }
paths: {}
`;

describe('OpenAPI 3.1 input', () => {
  it('notes once, at the version, that the document is rendered as 3.0', async () => {
    const { model: m } = await importModel(model('3.1.0'), { file: 'openapi.yaml' });
    expect(validate(m!, makeDesign())).toEqual([
      {
        code: 'validate.apigw-openapi31',
        severity: 'info',
        message: expect.stringContaining('3.1.0'),
        location: { file: 'openapi.yaml', pointer: '/openapi', line: 1, column: 1 },
      },
    ]);
  });

  it('says nothing about 3.0', async () => {
    const { model: m } = await importModel(model('3.0.3'), { file: 'openapi.yaml' });
    expect(validate(m!, makeDesign())).toEqual([]);
  });
});
