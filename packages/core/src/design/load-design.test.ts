import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics';
import { isJsonObject, type JsonValue } from '../json';
import { arbitraryDesign } from './__fixtures__/arbitrary-design';
import { fullDesign } from './__fixtures__/full-design';
import { emptyDesign } from './defaults';
import { designFileFor, loadDesign, serializeDesign } from './load-design';
import { DESIGN_SCHEMA } from './design-schema';
import type { DesignDocument } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach anywhere into the parsed JSON
type Doc = any;

const valid = (): DesignDocument => JSON.parse(JSON.stringify(fullDesign)) as DesignDocument;

/** A design's text with `edit` applied to its parsed form. */
function edited(edit: (doc: Doc) => void): string {
  const doc = JSON.parse(serializeDesign(valid()));
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

/** The text at a finding's line and column. */
function textAt(text: string, d: Diagnostic): string {
  return text.split('\n')[d.location.line! - 1]!.slice(d.location.column! - 1);
}

/** The same value with every object's keys in reverse order, but a raw integration's, which is kept as written. */
function reversed(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(reversed);
  if (!isJsonObject(value)) return value;
  const raw = value.kind === 'raw';
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, raw && k === 'integration' ? value[k]! : reversed(value[k]!)]),
  );
}

describe('loadDesign', () => {
  it('reads a sound design with no findings', () => {
    const text = serializeDesign(valid());
    expect(loadDesign(text, 'openapi.gatewright.json')).toEqual({
      design: valid(),
      diagnostics: [],
    });
  });

  describe('design.syntax', () => {
    it('reports where the JSON breaks, with the file', () => {
      const text = '{\n  "formatVersion": 1,\n  "model": "openapi.yaml",\n}\n';
      const { design, diagnostics } = loadDesign(text, 'api.gatewright.json');
      expect(design).toBeUndefined();
      expect(diagnostics).toEqual([
        {
          code: 'design.syntax',
          severity: 'error',
          message: expect.stringMatching(/Trailing comma/),
          location: { file: 'api.gatewright.json', line: 4, column: 1 },
        },
      ]);
    });
  });

  describe('design.version-too-new and design.version-unsupported', () => {
    it('says a newer Gatewright wrote a later version, and to upgrade', () => {
      const text = edited((d) => (d.formatVersion = 2));
      const [finding, ...rest] = loadDesign(text).diagnostics;
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({
        code: 'design.version-too-new',
        severity: 'error',
        location: { pointer: '/formatVersion' },
      });
      expect(finding!.message).toMatch(
        /"formatVersion" 2: it was written by a newer Gatewright.*Upgrade Gatewright/,
      );
      expect(textAt(text, finding!)).toMatch(/^2,/);
    });

    it.each([
      [
        'missing',
        (d: Record<string, unknown>) => delete d.formatVersion,
        /has no "formatVersion".*add `"formatVersion": 1`/,
        '',
      ],
      [
        'zero',
        (d: Record<string, unknown>) => (d.formatVersion = 0),
        /"formatVersion" 0 is not a version Gatewright has written/,
        '/formatVersion',
      ],
      [
        'a string',
        (d: Record<string, unknown>) => (d.formatVersion = '1'),
        /"formatVersion" is "1"; it must be a whole number/,
        '/formatVersion',
      ],
      [
        'a fraction',
        (d: Record<string, unknown>) => (d.formatVersion = 1.5),
        /"formatVersion" is 1.5/,
        '/formatVersion',
      ],
    ])('rejects a version that is %s', (_, edit, message, pointer) => {
      const { design, diagnostics } = loadDesign(edited(edit));
      expect(design).toBeUndefined();
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        code: 'design.version-unsupported',
        location: { pointer },
      });
      expect(diagnostics[0]!.message).toMatch(message);
    });
  });

  describe('design.unknown-field', () => {
    it('points at the unknown key, lists what is allowed and guesses what was meant', () => {
      const text = edited((d) => (d.backends.petsFn.function.memorySize = 512));
      const { design, diagnostics } = loadDesign(text, 'd.json');
      expect(design).toBeUndefined();
      expect(diagnostics).toHaveLength(1);
      const [finding] = diagnostics;
      expect(finding).toMatchObject({
        code: 'design.unknown-field',
        severity: 'error',
        location: { file: 'd.json', pointer: '/backends/petsFn/function/memorySize' },
      });
      expect(finding!.message).toBe(
        'Unknown field "memorySize" in the new Lambda function at `/backends/petsFn/function`. Did you mean "memoryMiB"? ' +
          'Allowed fields: "source", "runtime", "handler", "memoryMiB", "timeoutSeconds", "code".',
      );
      expect(textAt(text, finding!)).toMatch(/^"memorySize": 512/);
    });

    it('reports every unknown field, top level included, and names the operation', () => {
      const text = edited((d) => {
        d.colour = 'blue';
        d.operations['GET /pets'].integration.retries = 3;
      });
      const findings = loadDesign(text).diagnostics;
      expect(findings.map((f) => [f.code, f.location.pointer, f.location.operation])).toEqual([
        ['design.unknown-field', '/operations/GET ~1pets/integration/retries', 'GET /pets'],
        ['design.unknown-field', '/colour', undefined],
      ]);
      expect(findings[0]!.message).toMatch(
        /in the Lambda integration at `\/operations\/GET ~1pets\/integration`/,
      );
      expect(findings[1]!.message).toMatch(
        /^Unknown field "colour" in the design file at the top level\./,
      );
    });
  });

  describe('design.schema', () => {
    it('reports a wrong kind once, at the kind, with the kinds allowed', () => {
      const text = edited((d) => (d.backends.legacy.kind = 'htp'));
      const { diagnostics } = loadDesign(text);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        code: 'design.schema',
        location: { pointer: '/backends/legacy/kind' },
      });
      expect(diagnostics[0]!.message).toBe(
        '"htp" at `/backends/legacy/kind` is not a backend kind. Did you mean "http"? Allowed: "lambda", "http", "ecs-nlb".',
      );
      expect(textAt(text, diagnostics[0]!)).toMatch(/^"htp"/);
    });

    it('reports a kind that is not a string once, at the kind', () => {
      const { diagnostics } = loadDesign(edited((d) => (d.authorizers.sigv4.kind = 5)));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ location: { pointer: '/authorizers/sigv4/kind' } });
      expect(diagnostics[0]!.message).toMatch(
        /^5 at `\/authorizers\/sigv4\/kind` is not an authorizer kind\. Allowed: "iam"/,
      );
    });

    it('checks a union member against its own kind only', () => {
      const text = edited((d) => (d.operations['POST /pets'].integration.backend = 'petsFn'));
      const { diagnostics } = loadDesign(text);
      expect(diagnostics.map((f) => f.code)).toEqual(['design.unknown-field']);
      expect(diagnostics[0]!.message).toMatch(/in the mock integration at/);
    });

    it('asks for a missing kind', () => {
      const text = edited((d) => delete d.authorizers.sigv4.kind);
      const { diagnostics } = loadDesign(text);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.message).toBe(
        'The authorizer at `/authorizers/sigv4` needs a "kind": one of "iam", "cognito", "lambda".',
      );
    });

    it('lists every missing field in one finding, with what each is', () => {
      const text = edited((d) => {
        delete d.backends.petsFn.function.handler;
        delete d.backends.petsFn.function.code;
      });
      const { diagnostics } = loadDesign(text);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        code: 'design.schema',
        location: { pointer: '/backends/petsFn/function' },
      });
      expect(diagnostics[0]!.message).toBe(
        'The new Lambda function at `/backends/petsFn/function` is missing the required fields ' +
          '"handler" (`file.export`, e.g. `index.handler`), "code" (inline starter code for the handler file).',
      );
      expect(textAt(text, diagnostics[0]!)).toMatch(/^\{/);
    });

    it.each([
      [
        (d: Doc) => (d.cors.enabled = 'yes'),
        '/cors/enabled',
        '`/cors/enabled` is "yes" (a string); expected a boolean (whether CORS is on).',
      ],
      [
        (d: Doc) => (d.backends.petsFn.function.runtime = 'nodejs16.x'),
        '/backends/petsFn/function/runtime',
        /is "nodejs16.x", which is not allowed\. Did you mean "nodejs18.x"\? Allowed: "nodejs24.x", /,
      ],
      [
        (d: Doc) => (d.operations['GET /pets/{petId}'].integration.response.statusCode = 700),
        '/operations/GET ~1pets~1{petId}/integration/response/statusCode',
        /is 700, too large: it must be at most 599 \(the HTTP status, 100\.\.599\)\./,
      ],
      [
        (d: Doc) => (d.model = ''),
        '/model',
        /`\/model` is empty; give a value \(the model file, relative to the design file\)\./,
      ],
      [
        (d: Doc) => (d.gatewayResponses.THROTTLED.statusCode = '42'),
        '/gatewayResponses/THROTTLED/statusCode',
        /is "42", which is not of the expected form/,
      ],
      [
        (d: Doc) => (d.authorizers.tokens.function = { backend: 'a', functionArn: 'b' }),
        '/authorizers/tokens/function',
        /has 2 fields; the Lambda authorizer function takes at most 1 \(a Lambda backend of this design/,
      ],
    ])('explains a bad value at its place (%#)', (edit, pointer, message) => {
      const text = edited(edit);
      const { design, diagnostics } = loadDesign(text);
      expect(design).toBeUndefined();
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'design.schema', location: { pointer } });
      expect(diagnostics[0]!.message).toMatch(message);
      const written = JSON.stringify(
        pointer
          .split('/')
          .slice(1)
          .reduce((v: Doc, t) => v[t.replace(/~1/g, '/')], JSON.parse(text)),
      );
      expect(textAt(text, diagnostics[0]!).startsWith(written.slice(0, 1))).toBe(true);
    });

    it('refuses a document that is not an object', () => {
      expect(loadDesign('[]').diagnostics).toMatchObject([
        { code: 'design.schema', message: /holds an array; a design file is a JSON object/ },
      ]);
    });

    it('orders findings by their place in the file', () => {
      const text = edited((d) => {
        d.stage.name = 3;
        d.model = 4;
      });
      expect(loadDesign(text).diagnostics.map((f) => f.location.pointer)).toEqual([
        '/model',
        '/stage/name',
      ]);
    });
  });
});

describe('serializeDesign', () => {
  it('round-trips every design: loadDesign gives back what was saved, with no findings', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        expect(loadDesign(serializeDesign(design))).toEqual({ design, diagnostics: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('writes the same bytes whatever order the fields were built in, and again after reading them back', () => {
    fc.assert(
      fc.property(arbitraryDesign, (design) => {
        const text = serializeDesign(design);
        expect(
          serializeDesign(reversed(design as unknown as JsonValue) as unknown as DesignDocument),
        ).toBe(text);
        expect(serializeDesign(loadDesign(text).design!)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('puts top-level fields in schema order, sorts operations and backends, keeps a raw integration as written', () => {
    const design = valid();
    design.operations = {
      'GET /z': {},
      'DELETE /a': {},
      'GET /a': { integration: { kind: 'raw', integration: { uri: 'u', type: 'MOCK' } } },
    };
    const text = serializeDesign(design);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(Object.keys(DESIGN_SCHEMA.properties!));
    expect(Object.keys(parsed.operations)).toEqual(['DELETE /a', 'GET /a', 'GET /z']);
    expect(Object.keys(parsed.backends)).toEqual(['authFn', 'legacy', 'orders', 'petsFn', 'stock']);
    expect(Object.keys(parsed.operations['GET /a'].integration.integration)).toEqual([
      'uri',
      'type',
    ]);
    expect(Object.keys(parsed.backends.petsFn)).toEqual(['kind', 'label', 'function']);
  });

  it('writes 2-space JSON with a final newline', () => {
    const text = serializeDesign(emptyDesign('openapi.yaml'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(
      '  "$schema": "https://gatewright.dev/schemas/design-v1.json",',
    );
  });
});

describe('designFileFor', () => {
  it.each([
    ['api/openapi.yaml', 'api/openapi.gatewright.json'],
    ['openapi.yml', 'openapi.gatewright.json'],
    ['specs/petstore.JSON', 'specs/petstore.gatewright.json'],
    ['api.v1/openapi', 'api.v1/openapi.gatewright.json'],
    ['api/pets.v2', 'api/pets.v2.gatewright.json'],
    ['C:\\repo\\api\\openapi.yaml', 'C:\\repo\\api\\openapi.gatewright.json'],
    ['.yaml', '.yaml.gatewright.json'],
  ])('%s -> %s', (model, design) => {
    expect(designFileFor(model)).toBe(design);
  });
});
