import { describe, expect, it } from 'vitest';
import { revisionOf } from './use-design-events';

describe('revisionOf', () => {
  it('reads the revision of a revision event, and null for a design that is gone', () => {
    expect(revisionOf('{"id":"a/openapi.yaml","revision":"abc"}')).toBe('abc');
    expect(revisionOf('{"id":"a/openapi.yaml","revision":null}')).toBeNull();
  });

  it('ignores data that is not such an event', () => {
    expect(revisionOf('not json')).toBeUndefined();
    expect(revisionOf('null')).toBeUndefined();
    expect(revisionOf('{"revision":3}')).toBeUndefined();
  });
});
