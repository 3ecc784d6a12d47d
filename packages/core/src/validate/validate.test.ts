import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel, makeOperation } from '../../test/fixtures';
import type { DesignDocument } from '../design/types';
import type { JsonObject } from '../json';
import { compareFindings, validate } from './validate';

/** A model and design with findings from many rules, in both files. */
function fixture() {
  const operations = [
    makeOperation({ path: '/pets/{petId}', operationId: 'getPet' }),
    makeOperation({ path: '/pets', method: 'trace', operationId: 'tracePets' }),
    makeOperation({ path: '/pets/{id}.json', operationId: 'get-pet' }),
    makeOperation({ path: '/orders', method: 'post' }),
  ];
  const design: Partial<DesignDocument> = {
    backends: {
      site: { kind: 'http', baseUrl: 'ftp://example.com' },
      'site-b': { kind: 'http', baseUrl: 'https://example.com' },
      siteB: { kind: 'http', baseUrl: 'https://example.com' },
    },
    operations: {
      'GET /pets/{petId}': {
        integration: { kind: 'http', backend: 'site', proxy: true, timeoutInMillis: 40_000 },
      },
      'TRACE /pets': {
        integration: { kind: 'mock', response: { source: 'custom', statusCode: 299 } },
      },
      'GET /gone': { integration: { kind: 'lambda', backend: 'nothing' } },
    },
    defaultAuthorizer: 'missing',
  };
  return { operations, design };
}

/** Every order of a list. */
function permutation<T>(items: T[]) {
  return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
}

describe('validate', () => {
  it('gives findings from every file sorted by file, line and pointer', () => {
    const { operations, design } = fixture();
    const lines = new Map(operations.map((op, i) => [op.pointer, 10 * (operations.length - i)]));
    const model = makeModel(operations, {
      file: 'openapi.yaml',
      locate: (p) => (lines.has(p) ? { line: lines.get(p)!, column: 3 } : undefined),
    });
    const findings = validate(model, makeDesign(design));

    expect(findings.length).toBeGreaterThan(8);
    expect([...findings].sort(compareFindings)).toEqual(findings);
    const files = findings.map((f) => f.location.file);
    expect(files.indexOf('openapi.yaml')).toBeGreaterThan(
      files.lastIndexOf('openapi.gatewright.json'),
    );
    const modelLines = findings
      .filter((f) => f.location.line !== undefined)
      .map((f) => f.location.line!);
    expect(modelLines).toEqual([...modelLines].sort((a, b) => a - b));
  });

  it('does not depend on the order of operations, backends or design entries', () => {
    const { operations, design } = fixture();
    const baseline = validate(makeModel(operations), makeDesign(design));
    fc.assert(
      fc.property(
        permutation(operations),
        permutation(Object.entries(design.backends!)),
        permutation(Object.entries(design.operations!)),
        (ops, backends, wired) => {
          const reordered = {
            ...design,
            backends: Object.fromEntries(backends),
            operations: Object.fromEntries(wired),
          };
          expect(validate(makeModel(ops), makeDesign(reordered))).toEqual(baseline);
        },
      ),
    );
  });

  it('gives every finding a message and a pointer to click', () => {
    const { operations, design } = fixture();
    for (const finding of validate(makeModel(operations), makeDesign(design))) {
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.location.pointer).toMatch(/^\//);
    }
  });

  it('reads any JSON document without throwing, as an imported model may hold anything', () => {
    const documentArb = fc.record({
      openapi: fc.constantFrom('3.0.3', '3.1.0'),
      paths: fc.dictionary(fc.constantFrom('/pets', '/pets/{id}', '/a b'), fc.jsonValue()),
      components: fc.oneof(
        fc.jsonValue(),
        fc.record({ schemas: fc.jsonValue(), securitySchemes: fc.jsonValue() }),
      ),
      definitions: fc.jsonValue(),
    });
    fc.assert(
      fc.property(documentArb, (document) => {
        const findings = validate(
          makeModel([], { document: document as JsonObject }),
          makeDesign(),
        );
        expect([...findings].sort(compareFindings)).toEqual(findings);
      }),
    );
  });
});
