import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import { locateInDesignText, serializeDesign } from '../design/load-design';
import { validate } from './validate';

const model = makeModel([makeOperation()], { file: 'api/openapi.yaml' });
const design = makeDesign({
  backends: { site: { kind: 'http', baseUrl: 'ftp://example.com' } },
  operations: {},
});
const text = serializeDesign(design);

/** The design findings, as the parts of their location these options change. */
function designLocations(options?: Parameters<typeof validate>[2]) {
  return validate(model, design, options)
    .filter((d) => d.location.file !== model.file)
    .map((d) => [d.code, d.location]);
}

describe('validate options for the design file', () => {
  it('names the design file after the model, without lines, when given nothing', () => {
    expect(designLocations()).toContainEqual([
      'validate.invalid-url',
      { file: 'api/openapi.gatewright.json', pointer: '/backends/site/baseUrl' },
    ]);
  });

  it('names the design file given, and places each finding at its line and column', () => {
    const baseUrlLine = text.split('\n').findIndex((line) => line.includes('"baseUrl"')) + 1;
    const baseUrlColumn = text.split('\n')[baseUrlLine - 1]!.indexOf('"ftp://example.com"') + 1;
    expect(
      designLocations({ designFile: 'other.json', locateInDesign: locateInDesignText(text) }),
    ).toContainEqual([
      'validate.invalid-url',
      {
        file: 'other.json',
        pointer: '/backends/site/baseUrl',
        line: baseUrlLine,
        column: baseUrlColumn,
      },
    ]);
  });

  it('places a finding on a value the text does not locate at its nearest located ancestor', () => {
    const places: Record<string, { line: number; column: number }> = {
      '': { line: 1, column: 1 },
      '/backends': { line: 4, column: 15 },
    };
    expect(designLocations({ locateInDesign: (ptr) => places[ptr] })).toContainEqual([
      'validate.invalid-url',
      {
        file: 'api/openapi.gatewright.json',
        pointer: '/backends/site/baseUrl',
        line: 4,
        column: 15,
      },
    ]);
  });
});
