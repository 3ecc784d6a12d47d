// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayName,
  fileStem,
  freeDesignId,
  guessFormat,
  hasModelExtension,
  modelTitle,
  proposeDesignId,
  slugify,
} from './design-names';

const none = new Set<string>();

describe('design names', () => {
  it('reads the title of YAML and JSON models, even when the rest does not parse', () => {
    expect(
      modelTitle('openapi: 3.0.3\ninfo:\n  title: Orders API\n  version: 1\npaths: {}\n'),
    ).toBe('Orders API');
    expect(
      modelTitle("swagger: '2.0'\ninfo:\n  version: 1\n  title: 'Billing'\npaths:\n  /a: [\n"),
    ).toBe('Billing');
    expect(modelTitle('{"openapi":"3.1.0","info":{"title":"Stock","version":"1"}}')).toBe('Stock');
    expect(modelTitle('{"openapi":"3.1.0","info":{"title":"Half", "version": ')).toBe('Half');
    // A `title:` under another key is not the API's title.
    expect(modelTitle('openapi: 3.0.3\ninfo:\n  version: 1\ncomponents:\n  title: Nope\n')).toBe(
      undefined,
    );
    expect(modelTitle('')).toBe(undefined);
  });

  it('guesses JSON from an opening brace and YAML otherwise', () => {
    expect(guessFormat('\uFEFF  \n{"openapi": "3.0.0"}')).toBe('json');
    expect(guessFormat('openapi: 3.0.0')).toBe('yaml');
    expect(guessFormat('')).toBe('yaml');
  });

  it('makes folder names that keep only letters, digits, - and _', () => {
    expect(slugify('Café Orders API (v2)')).toBe('cafe-orders-api-v2');
    expect(slugify('  ---  ')).toBe('');
    fc.assert(
      fc.property(fc.string(), (name) =>
        /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)?$/.test(slugify(name)),
      ),
    );
  });

  it('knows model file names', () => {
    expect(hasModelExtension('api.YAML')).toBe(true);
    expect(hasModelExtension('api.yml')).toBe(true);
    expect(hasModelExtension('api.json')).toBe(true);
    expect(hasModelExtension('.yaml')).toBe(false);
    expect(hasModelExtension('notes.txt')).toBe(false);
    expect(fileStem('specs/orders.v2.yaml')).toBe('orders.v2');
  });

  it('proposes a folder named after the title, else the file, else "api"', () => {
    const text = 'openapi: 3.0.3\ninfo:\n  title: Orders API\n';
    expect(proposeDesignId({ fileName: 'x.yml', text }, none)).toBe('orders-api/openapi.yml');
    expect(proposeDesignId({ fileName: 'Stock Levels.json', text: '{}' }, none)).toBe(
      'stock-levels/openapi.json',
    );
    expect(proposeDesignId({ text: '{"openapi": "3.0.0"}' }, none)).toBe('api/openapi.json');
    expect(proposeDesignId({ text }, new Set(['orders-api/openapi.yaml']))).toBe(
      'orders-api-2/openapi.yaml',
    );
  });

  it('numbers the folder, or the file without one, until the id is free, ignoring case', () => {
    const taken = new Set(['Orders/openapi.yaml', 'orders-2/openapi.yaml', 'notes.yaml']);
    expect(freeDesignId('orders/openapi.yaml', taken)).toBe('orders-3/openapi.yaml');
    expect(freeDesignId('orders-2/openapi.yaml', taken)).toBe('orders-3/openapi.yaml');
    expect(freeDesignId('notes.yaml', taken)).toBe('notes-2.yaml');
    expect(freeDesignId('free/openapi.yaml', taken)).toBe('free/openapi.yaml');
  });

  it('never proposes a taken id', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('a', 'a-2', 'a-3', 'b', 'a-2-2')), (folders) => {
        const taken = new Set(folders.map((f) => `${f}/openapi.yaml`));
        return !taken.has(freeDesignId('a/openapi.yaml', taken));
      }),
    );
  });

  it('lists a design without a name of its own by its folder', () => {
    expect(displayName({ id: 'broken/openapi.yaml', name: 'openapi.yaml' })).toBe('broken');
    expect(displayName({ id: 'notes.yaml', name: 'notes.yaml' })).toBe('notes.yaml');
    expect(displayName({ id: 'orders/openapi.yaml', name: 'Orders' })).toBe('Orders');
  });
});
