import { emptyDesign } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { designOrEmpty, projectQuery } from './use-project';

describe('designOrEmpty', () => {
  it('names the model beside the design, not by its path in the workspace', () => {
    expect(designOrEmpty({ modelFile: 'drafts/api/openapi.yaml' }).model).toBe('openapi.yaml');
  });

  it('keeps the stored design when there is one', () => {
    const design = { ...emptyDesign('openapi.yaml'), apiName: 'stored' };
    expect(designOrEmpty({ modelFile: 'a/openapi.yaml', design })).toBe(design);
  });
});

describe('projectQuery', () => {
  it('reads the model with the text it was read from, and no model for a text that does not read', async () => {
    const stored = { id: 'a/openapi.yaml', revision: 'r1', modelFile: 'a/openapi.yaml' };
    const read = async (modelText: string) => {
      const { queryFn } = projectQuery({ ...stored, modelText });
      if (typeof queryFn !== 'function') throw new Error('projectQuery has no queryFn');
      // The read needs nothing from TanStack's query context.
      return queryFn({} as never);
    };
    const good = await read('openapi: 3.0.3\ninfo: { title: A, version: "1" }\npaths: {}\n');
    expect(good).toMatchObject({ id: 'a/openapi.yaml', text: expect.stringContaining('title: A') });
    expect(good.model).toBeDefined();
    const broken = await read('openapi: [\n');
    expect(broken).toMatchObject({ text: 'openapi: [\n', model: undefined });
  });
});
