import { emptyDesign } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { designOrEmpty } from './use-project';

describe('designOrEmpty', () => {
  it('names the model beside the design, not by its path in the workspace', () => {
    expect(designOrEmpty({ modelFile: 'drafts/api/openapi.yaml' }).model).toBe('openapi.yaml');
  });

  it('keeps the stored design when there is one', () => {
    const design = { ...emptyDesign('openapi.yaml'), apiName: 'stored' };
    expect(designOrEmpty({ modelFile: 'a/openapi.yaml', design })).toBe(design);
  });
});
