import { describe, expect, it } from 'vitest';
import { stackNameFor, stackTags } from './stack-name';

const VALID = /^[A-Za-z][-A-Za-z0-9]*$/;

describe('stackNameFor', () => {
  it('is readable, stable and valid for CloudFormation', () => {
    const name = stackNameFor('petstore/openapi.yaml');
    expect(name).toMatch(/^gatewright-petstore-openapi-[0-9a-f]{8}$/);
    expect(stackNameFor('petstore/openapi.yaml')).toBe(name);
    expect(name).toMatch(VALID);
  });

  it('keeps ids that slug alike apart', () => {
    expect(stackNameFor('a/b.yaml')).not.toBe(stackNameFor('a-b.yaml'));
  });

  it('stays within 128 characters and valid for long or odd ids', () => {
    for (const id of ['x'.repeat(400) + '.yaml', '__/ü.json', '9lives.yaml', '---.yml']) {
      const name = stackNameFor(id);
      expect(name.length).toBeLessThanOrEqual(128);
      expect(name).toMatch(VALID);
      expect(name).not.toMatch(/--/);
    }
  });
});

describe('stackTags', () => {
  it('names the design and the workspace, within the tag value limit', () => {
    const tags = stackTags('a/openapi.yaml', '/home/me/' + 'w'.repeat(300));
    expect(tags[0]).toEqual({ Key: 'gatewright:design', Value: 'a/openapi.yaml' });
    expect(tags[1]?.Key).toBe('gatewright:workspace');
    expect(tags[1]?.Value).toHaveLength(256);
  });
});
