import { describe, expect, it } from 'vitest';
import { checkDesignId, isTrashId, modelNamesFor } from './design-ids';

describe('checkDesignId', () => {
  it.each([
    'openapi.yaml',
    'petstore/openapi.yml',
    'a/b/c/API.JSON',
    'café/ünïcode api.yaml',
    `${'a'.repeat(250)}.yaml`,
    'v1.2/api.v2.yaml',
  ])('accepts %j', (id) => {
    expect(checkDesignId(id)).toEqual({ ok: true, value: id });
  });

  it.each([
    ['../x.yaml', '".."'],
    ['a/./x.yaml', '"."'],
    ['/etc/passwd', 'absolute'],
    ['C:/x.yaml', 'absolute'],
    ['a\\b.yaml', 'backslash'],
    ['a\u0000.yaml', 'control character'],
    ['a\u007f.yaml', 'control character'],
    ['a\u0085.yaml', 'control character'],
    [`${'a'.repeat(256)}.yaml`, 'limit is 255'],
    [`${'a/'.repeat(520)}x.yaml`, 'limit is 1024'],
    ['', 'empty'],
    ['api.txt', 'does not end in'],
    ['api', 'does not end in'],
    ['.yaml', 'hidden'],
    ['api.gatewright.json', 'design file'],
    ['node/.cache/api.yaml', 'hidden'],
    ['a//b.yaml', 'empty'],
    ['a/ b.yaml', 'space'],
    ['what?.yaml', 'Windows'],
  ])('refuses %j, saying why', (id, why) => {
    const result = checkDesignId(id);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-id');
      expect(result.error.message).toContain(why);
    }
  });
});

describe('modelNamesFor', () => {
  it('names every model a design file may belong to', () => {
    expect(modelNamesFor('a/api.gatewright.json')).toEqual([
      'a/api.yaml',
      'a/api.yml',
      'a/api.json',
    ]);
  });
});

describe('isTrashId', () => {
  it('takes single safe segments only', () => {
    expect(isTrashId('20261125T094500123Z-0a1b2c3d')).toBe(true);
    for (const bad of ['', '..', 'a/b', '.x', 'a b', 'a\u0000', 'x'.repeat(200)])
      expect(isTrashId(bad)).toBe(false);
  });
});
