import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic, DiagnosticCode } from '../diagnostics';
import { importModel } from './import-model';
import type { ImportOptions } from './types';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const only = (diagnostics: Diagnostic[], code: DiagnosticCode) =>
  diagnostics.filter((d) => d.code === code);

async function imported(text: string, options: ImportOptions = {}) {
  const result = await importModel(text, options);
  if (!result.model) throw new Error(`no model: ${JSON.stringify(result.diagnostics)}`);
  return { model: result.model, diagnostics: result.diagnostics };
}

const PETSTORE = `openapi: 3.0.3
info:
  title: Pets
  version: "1.0"
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
`;

describe('importModel: reading the text', () => {
  it('reads YAML and JSON alike', async () => {
    const yaml = await imported(PETSTORE, { file: 'openapi.yaml' });
    const json = await imported(JSON.stringify(yaml.model.document, null, 2), {
      file: 'openapi.json',
    });
    expect(yaml.model.format).toBe('yaml');
    expect(json.model.format).toBe('json');
    expect(json.model.operations).toEqual(yaml.model.operations);
    expect(yaml.model.title).toBe('Pets');
    expect(yaml.model.version).toBe('1.0');
    expect(yaml.model.text).toBe(PETSTORE);
    expect(yaml.diagnostics).toEqual([]);
  });

  it('reads JSON that starts with a byte order mark as JSON, with positions', async () => {
    const { model } = await imported(
      '\uFEFF{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},\n"paths": {"/a": {"get": {"responses": {}}}}}',
    );
    expect(model.format).toBe('json');
    expect(model.locate('/paths/~1a/get')).toEqual({ line: 2, column: 18 });
  });

  it('reports broken YAML with file, line and column, and returns no model', async () => {
    const result = await importModel('openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n', {
      file: 'bad.yaml',
    });
    expect(result.model).toBeUndefined();
    expect(codes(result.diagnostics)).toContain('model.syntax');
    const first = result.diagnostics[0]!;
    expect(first.location.file).toBe('bad.yaml');
    expect(first.location.line).toBeGreaterThanOrEqual(3);
    expect(first.location.column).toBeGreaterThan(0);
  });

  it('reports broken JSON at the failing place', async () => {
    const result = await importModel(
      '{\n  "openapi": "3.0.3",\n  "info": {"title": "x",, "version": "1"}\n}',
      { file: 'bad.json' },
    );
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'model.syntax',
      location: { file: 'bad.json', line: 3 },
    });
  });

  it('reads YAML with a key written twice, reporting it and using the last, as JSON.parse does', async () => {
    const text =
      'openapi: 3.0.3\ninfo: {title: first, version: "1"}\ninfo: {title: last, version: "1"}\npaths: {}\n';
    const { model, diagnostics } = await imported(text, { file: 'dup.yaml' });
    expect(model.title).toBe('last');
    expect(model.locate('/info')).toEqual({ line: 3, column: 1 });
    expect(diagnostics).toMatchObject([
      {
        code: 'model.syntax',
        severity: 'error',
        location: { file: 'dup.yaml', line: 3, column: 1 },
      },
    ]);
    expect(diagnostics[0]!.message).toContain('unique');
  });

  it('refuses a YAML alias that contains itself instead of building a value that does', async () => {
    const result = await importModel('openapi: 3.0.3\ninfo: &a\n  self: *a\npaths: {}\n');
    expect(result.model).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: 'model.syntax', location: { line: 3 } });
  });

  it('reads YAML anchors and merge keys that make trees', async () => {
    const { model } = await imported(
      `openapi: 3.0.3\ninfo: {title: t, version: "1"}\nx-base: &base\n  description: shared\npaths:\n  /a:\n    get:\n      <<: *base\n      responses: {}\n`,
    );
    expect(model.operations[0]!.description).toBe('shared');
  });

  it.each([
    ['a mapping without openapi or swagger', 'title: not an api\n'],
    ['a list', '[1, 2]'],
    ['a scalar', 'hello'],
    ['an empty file', ''],
  ])('reports %s as not an API description', async (_, text) => {
    const result = await importModel(text, { file: 'x.yaml' });
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toMatchObject([
      { code: 'model.not-an-api', location: { file: 'x.yaml' } },
    ]);
  });

  it.each([
    ['openapi: 4.0.0', '/openapi'],
    ['openapi: 2.0.0', '/openapi'],
    ['swagger: "1.2"', '/swagger'],
  ])('reports %s as an unsupported version, at its line', async (line, ptr) => {
    const result = await importModel(`info: {title: t, version: "1"}\n${line}\npaths: {}\n`);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics).toMatchObject([
      { code: 'model.unsupported-version', location: { pointer: ptr, line: 2, column: 1 } },
    ]);
  });

  it.each([
    ['openapi: 3.0.0', '3.0'],
    ['openapi: 3.1.0', '3.1'],
    ['swagger: "2.0"', '2.0'],
  ])('reads %s', async (line, version) => {
    const { model } = await imported(`${line}\ninfo: {title: t, version: "1"}\npaths: {}\n`);
    expect(model.specVersion).toBe(version);
  });

  it('warns about a missing info.version but still reads the model', async () => {
    const { model, diagnostics } = await imported(
      'openapi: 3.0.3\ninfo:\n  title: t\npaths: {}\n',
      { file: 'm.yaml' },
    );
    expect(model.version).toBe('');
    expect(diagnostics).toMatchObject([
      { code: 'model.schema', location: { file: 'm.yaml', pointer: '/info', line: 2 } },
    ]);
  });
});

describe('importModel: locate', () => {
  it('finds pointers in YAML and JSON text (the key for members)', async () => {
    const yaml = await imported(PETSTORE);
    expect(yaml.model.locate('/paths/~1pets/get')).toEqual({ line: 7, column: 5 });
    expect(yaml.model.locate('/paths/~1pets/get/responses/200')).toEqual({ line: 10, column: 9 });
    expect(yaml.model.locate('/paths/~1nope')).toBeUndefined();
    const json = await imported(
      '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},\n "paths": {"/pets": {"get": {"responses": {}}}}}',
    );
    expect(json.model.locate('/paths/~1pets/get')).toEqual({ line: 2, column: 22 });
  });
});

describe('importModel: operations', () => {
  const text = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets/{petId}:
    summary: path-level text is not an operation
    servers: [{url: "https://x"}]
    x-other: {}
    parameters:
      - {name: petId, in: path, schema: {type: string}}
      - {name: verbose, in: query, schema: {type: boolean}}
    patch:
      responses: {}
    get:
      operationId: getPet
      tags: [pets]
      summary: Get a pet
      parameters:
        - {name: petId, in: path, required: true, schema: {type: integer}}
        - $ref: '#/components/parameters/Trace'
      security: [{key: []}]
      responses:
        "200":
          description: ok
          headers: {X-Rate: {schema: {type: integer}}}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
              examples:
                one: {$ref: '#/components/examples/Rex'}
        default: {$ref: '#/components/responses/Error'}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
    x-amazon-apigateway-any-method:
      responses: {}
  /a:
    $ref: '#/components/x-paths/A'
  /b:
    post:
      requestBody:
        $ref: '#/components/requestBodies/NewPet'
      responses: {}
    trace:
      responses: {}
components:
  parameters:
    Trace: {name: X-Trace, in: header, required: true, example: abc, schema: {type: string}}
  schemas:
    Pet: {type: object, properties: {name: {type: string}}}
  examples:
    Rex: {value: {name: Rex}}
  responses:
    Error:
      description: error
      content: {text/plain: {example: oops}}
  requestBodies:
    NewPet:
      required: true
      content:
        application/json: {schema: {$ref: '#/components/schemas/Pet'}}
        application/xml: {}
  x-paths:
    A:
      get: {responses: {}}
`;

  it('lists operations in path order, methods in HTTP_METHODS order, any-method included, other keys skipped', async () => {
    const { model, diagnostics } = await imported(text);
    expect(diagnostics).toEqual([]);
    expect(model.operations.map((o) => o.key)).toEqual([
      'GET /pets/{petId}',
      'PATCH /pets/{petId}',
      'X-AMAZON-APIGATEWAY-ANY-METHOD /pets/{petId}',
      'GET /a',
      'POST /b',
      'TRACE /b',
    ]);
    expect(model.operations.map((o) => o.name)).toEqual([
      'getPet',
      'patchPetsByPetId',
      'anyPetsByPetId',
      'getA',
      'postB',
      'traceB',
    ]);
    expect(model.operations[0]!.pointer).toBe('/paths/~1pets~1{petId}/get');
  });

  it('merges path and operation parameters, the operation winning by name and in, refs resolved', async () => {
    const { model } = await imported(text);
    const get = model.operations[0]!;
    expect(get.parameters).toEqual([
      {
        name: 'petId',
        in: 'path',
        required: true,
        schema: { type: 'integer' },
        pointer: '/paths/~1pets~1{petId}/get/parameters/0',
      },
      {
        name: 'verbose',
        in: 'query',
        required: false,
        schema: { type: 'boolean' },
        pointer: '/paths/~1pets~1{petId}/parameters/1',
      },
      {
        name: 'X-Trace',
        in: 'header',
        required: true,
        example: 'abc',
        schema: { type: 'string' },
        pointer: '/paths/~1pets~1{petId}/get/parameters/1',
      },
    ]);
    const patch = model.operations[1]!;
    expect(patch.parameters.map((p) => [p.name, p.required, p.schema])).toEqual([
      ['petId', true, { type: 'string' }],
      ['verbose', false, { type: 'boolean' }],
    ]);
  });

  it('reads responses with resolved schemas, the first example, headers; keeps the integration and security as written', async () => {
    const { model } = await imported(text);
    const get = model.operations[0]!;
    expect(get.tags).toEqual(['pets']);
    expect(get.summary).toBe('Get a pet');
    expect(get.security).toEqual([{ key: [] }]);
    expect(get.responses).toEqual([
      {
        status: '200',
        description: 'ok',
        headers: ['X-Rate'],
        pointer: '/paths/~1pets~1{petId}/get/responses/200',
        content: [
          {
            contentType: 'application/json',
            schema: { type: 'object', properties: { name: { type: 'string' } } },
            example: { name: 'Rex' },
            hasExample: true,
          },
        ],
      },
      {
        status: 'default',
        description: 'error',
        headers: [],
        pointer: '/paths/~1pets~1{petId}/get/responses/default',
        content: [{ contentType: 'text/plain', example: 'oops', hasExample: true }],
      },
    ]);
    expect(get.existingIntegration).toEqual({
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });
    expect(model.operations[1]!.existingIntegration).toBeUndefined();
  });

  it('reads request bodies through refs', async () => {
    const { model } = await imported(text);
    const post = model.operations.find((o) => o.key === 'POST /b')!;
    expect(post.requestContentTypes).toEqual(['application/json', 'application/xml']);
    expect(post.requestBody).toEqual({
      required: true,
      content: [
        {
          contentType: 'application/json',
          schema: { type: 'object', properties: { name: { type: 'string' } } },
          hasExample: false,
        },
        { contentType: 'application/xml', hasExample: false },
      ],
    });
    expect(model.operations[0]!.requestBody).toBeUndefined();
    expect(model.operations[0]!.requestContentTypes).toEqual([]);
  });

  it('keeps the document as written, refs and all', async () => {
    const { model } = await imported(text);
    expect(model.document.paths).toMatchObject({ '/a': { $ref: '#/components/x-paths/A' } });
  });

  it('follows an example that is a ref, but keeps refs inside example data as written', async () => {
    const { model, diagnostics } = await imported(
      `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json: {example: {$ref: 'examples.yaml#/pet'}}
            application/xml: {example: {link: {$ref: '#/not/a/ref'}}}
components:
  schemas:
    Thing:
      properties:
        example: {$ref: '#/components/schemas/Missing'}
      example: {$ref: '#/components/schemas/Missing'}
      examples: [{nested: {$ref: '#/also/data'}}]
  examples:
    One: {value: {$ref: '#/data/too'}}
`,
      { file: 'api.yaml', resolveRef: () => 'pet: {name: Rex}' },
    );
    expect(model.operations[0]!.responses[0]!.content.map((c) => c.example)).toEqual([
      { name: 'Rex' },
      { link: { $ref: '#/not/a/ref' } },
    ]);
    // A whole example that is a ref is one (and points at nothing here); refs inside example data are data; a property named example is a schema.
    expect(diagnostics.map((d) => [d.code, d.location.pointer])).toEqual([
      ['model.unresolved-ref', '/components/schemas/Thing/properties/example/$ref'],
      ['model.unresolved-ref', '/components/schemas/Thing/example/$ref'],
      ['model.unresolved-ref', '/components/examples/One/value/$ref'],
    ]);
  });

  it('makes derived names unique against operationIds and each other', async () => {
    const { model } = await imported(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    get: {operationId: getPets2, responses: {}}
  /pets/:
    get: {responses: {}}
  /pets//:
    get: {responses: {}}
  /x:
    get: {operationId: getPets, responses: {}}
`);
    expect(model.operations.map((o) => o.name)).toEqual([
      'getPets2',
      'getPets3',
      'getPets4',
      'getPets',
    ]);
  });
});

describe('importModel: Swagger 2.0', () => {
  const text = JSON.stringify({
    swagger: '2.0',
    info: { title: 't', version: '1' },
    consumes: ['application/json'],
    produces: ['application/json', 'application/xml'],
    parameters: {
      limit: { name: 'limit', in: 'query', type: 'integer', format: 'int32', maximum: 100 },
    },
    definitions: { Pet: { type: 'object', properties: { name: { type: 'string' } } } },
    paths: {
      '/pets': {
        get: {
          parameters: [
            { $ref: '#/parameters/limit' },
            { name: 'tags', in: 'query', type: 'array', items: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'ok',
              schema: { type: 'array', items: { $ref: '#/definitions/Pet' } },
              examples: { 'application/json': [{ name: 'Rex' }] },
            },
          },
        },
        post: {
          consumes: ['application/x-yaml'],
          parameters: [
            { name: 'pet', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } },
          ],
          responses: {
            201: { description: 'made' },
            default: { description: 'err', schema: { type: 'string' } },
          },
        },
      },
      '/upload': {
        post: {
          consumes: [],
          parameters: [
            { name: 'file', in: 'formData', type: 'file', required: true },
            { name: 'note', in: 'formData', type: 'string' },
          ],
          responses: {},
        },
      },
      '/form': {
        put: { parameters: [{ name: 'a', in: 'formData', type: 'string' }], responses: {} },
      },
    },
  });

  it('builds parameter schemas from type/format/items and reads produces with examples', async () => {
    const { model, diagnostics } = await imported(text);
    expect(diagnostics).toEqual([]);
    const get = model.operations[0]!;
    expect(get.parameters.map((p) => [p.name, p.schema])).toEqual([
      ['limit', { type: 'integer', format: 'int32', maximum: 100 }],
      ['tags', { type: 'array', items: { type: 'string' } }],
    ]);
    expect(get.requestBody).toBeUndefined();
    const schema = {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' } } },
    };
    expect(get.responses[0]!.content).toEqual([
      { contentType: 'application/json', schema, example: [{ name: 'Rex' }], hasExample: true },
      { contentType: 'application/xml', schema, hasExample: false },
    ]);
  });

  it('takes the body parameter as the request body, with the operation consumes winning', async () => {
    const { model } = await imported(text);
    const post = model.operations[1]!;
    expect(post.requestContentTypes).toEqual(['application/x-yaml']);
    expect(post.requestBody).toEqual({
      required: true,
      content: [
        {
          contentType: 'application/x-yaml',
          schema: { type: 'object', properties: { name: { type: 'string' } } },
          hasExample: false,
        },
      ],
    });
    expect(post.responses.map((r) => [r.status, r.content.length])).toEqual([
      ['201', 0],
      ['default', 2],
    ]);
  });

  it('turns formData parameters into an object body', async () => {
    const { model } = await imported(text);
    const upload = model.operations[2]!;
    expect(upload.requestContentTypes).toEqual([]);
    const form = model.operations[3]!;
    expect(form.requestContentTypes).toEqual(['application/json']);
    expect(form.requestBody?.content[0]?.schema).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
    });
  });
});

describe('importModel: $ref findings', () => {
  it('reports an unresolvable internal ref at the $ref, with its line', async () => {
    const { model, diagnostics } = await imported(
      `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Missing'
components: {schemas: {}}
`,
      { file: 'api.yaml' },
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'model.unresolved-ref',
        location: {
          file: 'api.yaml',
          pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref',
          line: 12,
          column: 17,
        },
      }),
    ]);
    expect(diagnostics[0]!.message).toContain('#/components/schemas/Missing');
    // The operation still imports, with the ref left in place.
    expect(model.operations[0]!.responses[0]!.content[0]!.schema).toEqual({
      $ref: '#/components/schemas/Missing',
    });
  });

  it('reports no cycle for refs that only share targets', async () => {
    const { diagnostics } = await imported(`openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {properties: {b: {$ref: '#/components/schemas/B'}, c: {$ref: '#/components/schemas/C'}}}
    B: {properties: {c: {$ref: '#/components/schemas/C'}}}
    C: {type: string}
`);
    expect(diagnostics).toEqual([]);
  });

  it('resolves refs to path items, parameters and pointer-escaped names without findings', async () => {
    const { model, diagnostics } = await imported(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a~b/{id}:
    parameters: [{$ref: '#/components/parameters/id'}]
    get: {responses: {}}
  /c:
    $ref: '#/paths/~1a~0b~1%7Bid%7D'
components:
  parameters:
    id: {name: id, in: path, schema: {type: string}}
`);
    expect(diagnostics).toEqual([]);
    expect(model.operations.map((o) => [o.key, o.parameters.map((p) => p.name)])).toEqual([
      ['GET /a~b/{id}', ['id']],
      ['GET /c', ['id']],
    ]);
  });

  it('leaves a cyclic schema ref in place at the cycle instead of recursing', async () => {
    const { model, diagnostics } = await imported(
      `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /nodes:
    get:
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}
components:
  schemas:
    Node:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        self: {$ref: '#/components/schemas/Loop'}
    Loop: {$ref: '#/components/schemas/Loop2'}
    Loop2: {$ref: '#/components/schemas/Loop'}
`,
      { file: 'cycles.yaml' },
    );
    // One finding per cycle, at the first ref that closes it.
    expect(diagnostics.map((d) => [d.code, d.location.pointer, d.location.line])).toEqual([
      ['model.circular-ref', '/components/schemas/Node/properties/children/items/$ref', 15],
      ['model.circular-ref', '/components/schemas/Loop/$ref', 17],
    ]);
    expect(diagnostics[1]!.message).toContain(
      '#/components/schemas/Loop, #/components/schemas/Loop2',
    );
    const schema = model.operations[0]!.responses[0]!.content[0]!.schema;
    expect(schema).toMatchObject({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
    });
    expect(JSON.stringify(schema)).toContain('#/components/schemas/Loop');
  });
});

describe('importModel: external refs', () => {
  const files: Record<string, string> = {
    'api/root.yaml': `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /pets:
    $ref: './paths/pets.yaml'
  /owners:
    get:
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: 'schemas/all.yaml#/Owner'}}}
`,
    'api/paths/pets.yaml': `get:
  parameters:
    - $ref: '../schemas/all.yaml#/Limit'
  responses:
    "200":
      description: ok
      content: {application/json: {schema: {$ref: '../schemas/pet.json'}}}
`,
    'api/schemas/pet.json':
      '{"type": "object", "properties": {"owner": {"$ref": "all.yaml#/Owner"}}}',
    'api/schemas/all.yaml': `Owner:
  type: object
  properties:
    pets: {type: array, items: {$ref: './pet.json'}}
Limit: {name: limit, in: query, schema: {type: integer}}
`,
  };

  it('reads each file once, relative to the file that names it, through cycles between files', async () => {
    const resolveRef = vi.fn(async (path: string) => files[path]);
    const { model, diagnostics } = await imported(files['api/root.yaml']!, {
      file: 'api/root.yaml',
      resolveRef,
    });
    // all.yaml#/Owner -> pet.json -> all.yaml#/Owner is a cycle between two files.
    expect(diagnostics).toMatchObject([
      {
        code: 'model.circular-ref',
        location: {
          file: 'api/schemas/all.yaml',
          pointer: '/Owner/properties/pets/items/$ref',
          line: 4,
        },
      },
    ]);
    expect(diagnostics[0]!.message).toContain('api/schemas/all.yaml#/Owner, api/schemas/pet.json#');
    expect(resolveRef.mock.calls.map((c) => c[0]).sort()).toEqual([
      'api/paths/pets.yaml',
      'api/schemas/all.yaml',
      'api/schemas/pet.json',
    ]);
    expect(Object.keys(model.externalDocuments).sort()).toEqual([
      'api/paths/pets.yaml',
      'api/schemas/all.yaml',
      'api/schemas/pet.json',
    ]);
    const pets = model.operations[0]!;
    expect(pets.key).toBe('GET /pets');
    expect(pets.parameters).toMatchObject([
      { name: 'limit', in: 'query', schema: { type: 'integer' } },
    ]);
    expect(pets.responses[0]!.content[0]!.schema).toMatchObject({
      type: 'object',
      properties: {
        owner: {
          type: 'object',
          properties: { pets: { type: 'array', items: { $ref: './pet.json' } } },
        },
      },
    });
    expect(model.document.paths).toEqual(
      expect.objectContaining({ '/pets': { $ref: './paths/pets.yaml' } }),
    );
  });

  it('knows the model itself when a ref leads back to it, however its name was written', async () => {
    const resolveRef = vi.fn((path: string) =>
      path === 'api/common.yaml'
        ? 'Limit: {$ref: "openapi.yaml#/components/parameters/limit"}'
        : undefined,
    );
    const { model, diagnostics } = await imported(
      `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a: {get: {parameters: [{$ref: 'common.yaml#/Limit'}], responses: {}}}
components:
  parameters:
    limit: {name: limit, in: query, schema: {type: integer}}
`,
      { file: './api//openapi.yaml', resolveRef },
    );
    expect(diagnostics).toEqual([]);
    expect(resolveRef.mock.calls).toEqual([['api/common.yaml']]);
    expect(model.file).toBe('./api//openapi.yaml');
    expect(model.operations[0]!.parameters.map((p) => p.name)).toEqual(['limit']);
  });

  it('reports an external ref without a resolver, at the $ref', async () => {
    const result = await importModel(files['api/root.yaml']!, { file: 'api/root.yaml' });
    expect(only(result.diagnostics, 'model.external-ref').map((d) => d.location)).toEqual([
      { file: 'api/root.yaml', pointer: '/paths/~1pets/$ref', line: 5, column: 5 },
      {
        file: 'api/root.yaml',
        pointer: '/paths/~1owners/get/responses/200/content/application~1json/schema/$ref',
        line: 11,
        column: 49,
      },
    ]);
    expect(result.model?.operations.map((o) => o.key)).toEqual(['GET /owners']);
  });

  it('reports files the resolver cannot find or fails on, and refs to missing parts of found files', async () => {
    const resolveRef = async (path: string) => {
      if (path === 'api/schemas/all.yaml') throw new Error('EACCES: permission denied');
      if (path === 'api/schemas/pet.json') return '{"type": "object"}';
      return path === 'api/paths/pets.yaml'
        ? files[path]!.replace('../schemas/pet.json', '../schemas/pet.json#/nope')
        : undefined;
    };
    const { diagnostics } = await imported(files['api/root.yaml']!, {
      file: 'api/root.yaml',
      resolveRef,
    });
    const external = only(diagnostics, 'model.external-ref');
    expect(external.map((d) => d.location.file)).toEqual(['api/root.yaml', 'api/paths/pets.yaml']);
    expect(external[0]!.message).toContain('EACCES');
    expect(only(diagnostics, 'model.unresolved-ref')).toMatchObject([
      {
        location: {
          file: 'api/paths/pets.yaml',
          pointer: '/get/responses/200/content/application~1json/schema/$ref',
          line: 7,
        },
      },
    ]);
  });

  it('reports a syntax error inside an external file at its own line', async () => {
    const { diagnostics } = await imported(files['api/root.yaml']!, {
      file: 'api/root.yaml',
      resolveRef: (path) =>
        path === 'api/paths/pets.yaml' ? 'get:\n  responses: [oops\n' : files[path],
    });
    expect(only(diagnostics, 'model.syntax')).toMatchObject([
      { location: { file: 'api/paths/pets.yaml' } },
    ]);
    expect(only(diagnostics, 'model.syntax')[0]!.location.line).toBeGreaterThan(1);
  });
});

describe('importModel: values that are not plain OpenAPI', () => {
  it('reports CloudFormation functions and does not look inside them for placeholders', async () => {
    const { model, diagnostics } = await imported(
      `swagger: "2.0"
info:
  title: {Fn::Sub: "\${AWS::StackName}-api"}
  version: "1"
paths:
  /a:
    get:
      responses: {}
      x-amazon-apigateway-integration:
        type: aws_proxy
        uri: {Fn::GetAtt: [Fn, Arn]}
        credentials: {Ref: Role}
`,
      { file: 'sam.yaml' },
    );
    expect(
      only(diagnostics, 'model.cloudformation-function').map((d) => [
        d.location.pointer,
        d.location.line,
      ]),
    ).toEqual([
      ['/info/title', 3],
      ['/paths/~1a/get/x-amazon-apigateway-integration/uri', 11],
      ['/paths/~1a/get/x-amazon-apigateway-integration/credentials', 12],
    ]);
    expect(only(diagnostics, 'model.template-placeholder')).toEqual([]);
    expect(model.operations[0]!.existingIntegration?.uri).toEqual({ 'Fn::GetAtt': ['Fn', 'Arn'] });
  });

  it('reads CloudFormation short forms in YAML as the functions they stand for', async () => {
    const { model, diagnostics } = await imported(`swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses: {}
      x-amazon-apigateway-integration:
        type: aws_proxy
        uri: !Sub "arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations"
        credentials: !GetAtt Role.Arn
        requestParameters:
          integration.request.header.x: !Join ['', [a, !Ref B]]
`);
    expect(model.operations[0]!.existingIntegration).toMatchObject({
      uri: {
        'Fn::Sub':
          'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
      },
      credentials: { 'Fn::GetAtt': ['Role', 'Arn'] },
      requestParameters: {
        'integration.request.header.x': { 'Fn::Join': ['', ['a', { Ref: 'B' }]] },
      },
    });
    expect(diagnostics.map((d) => [d.code, d.location.line])).toEqual([
      ['model.cloudformation-function', 9],
      ['model.cloudformation-function', 10],
      ['model.cloudformation-function', 12],
    ]);
  });

  it('does not take a schema property named Ref, or an object with more keys, for a function', async () => {
    const { diagnostics } = await imported(`openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {type: object, properties: {Ref: {type: string}}}
    B: {Fn::Sub: x, other: y}
`);
    expect(diagnostics).toEqual([]);
  });

  it('reports ${...} placeholders in values, kept as written, but not stage variables, prose or mapping templates', async () => {
    const { model, diagnostics } = await imported(`openapi: 3.0.3
info: {title: t, version: "1", description: "use \${x} in prose"}
paths:
  /a:
    get:
      responses: {}
      x-amazon-apigateway-integration:
        type: aws_proxy
        uri: "arn:aws:apigateway:\${region}:lambda:path/2015-03-31/functions/\${lambdaArn}/invocations"
        requestTemplates: {application/json: "#set($x = \${input})"}
  /b:
    get:
      responses: {}
      x-amazon-apigateway-integration: {type: http_proxy, uri: "https://\${stageVariables.host}/b"}
`);
    expect(
      only(diagnostics, 'model.template-placeholder').map((d) => [
        d.location.pointer,
        d.location.line,
        d.message.includes('${region}'),
      ]),
    ).toEqual([['/paths/~1a/get/x-amazon-apigateway-integration/uri', 9, true]]);
    expect(diagnostics).toHaveLength(1);
    expect(model.operations[0]!.existingIntegration?.uri).toContain('${region}');
  });

  it('reports the marks of an HTTP API (v2) body', async () => {
    const { diagnostics } = await imported(`openapi: 3.0.1
info: {title: t, version: "1"}
x-amazon-apigateway-cors: {allowOrigins: ["*"]}
paths:
  /a:
    get:
      responses: {}
      x-amazon-apigateway-integration: {type: aws_proxy, payloadFormatVersion: "2.0", uri: "arn:x"}
`);
    expect(
      only(diagnostics, 'model.http-api').map((d) => [d.location.pointer, d.location.line]),
    ).toEqual([
      ['/x-amazon-apigateway-cors', 3],
      ['/paths/~1a/get/x-amazon-apigateway-integration/payloadFormatVersion', 8],
    ]);
  });

  it('does not take a REST integration for an HTTP API one', async () => {
    const { diagnostics } = await imported(`openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses: {}
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: "arn:x"}
`);
    expect(diagnostics).toEqual([]);
  });
});

describe('importModel: duplicate operationIds', () => {
  it('reports every operation sharing an id, at its operationId', async () => {
    const { model, diagnostics } = await imported(
      `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get: {operationId: same, responses: {}}
  /b:
    get: {operationId: same, responses: {}}
    put: {operationId: other, responses: {}}
`,
      { file: 'dup.yaml' },
    );
    expect(diagnostics.map((d) => [d.code, d.location])).toEqual([
      [
        'model.duplicate-operation-id',
        {
          file: 'dup.yaml',
          pointer: '/paths/~1a/get/operationId',
          line: 5,
          column: 11,
          operation: 'GET /a',
        },
      ],
      [
        'model.duplicate-operation-id',
        {
          file: 'dup.yaml',
          pointer: '/paths/~1b/get/operationId',
          line: 7,
          column: 11,
          operation: 'GET /b',
        },
      ],
    ]);
    expect(diagnostics[0]!.message).toContain('GET /b');
    expect(model.operations.map((o) => o.name)).toEqual(['same', 'same', 'other']);
  });
});

describe('importModel never throws', () => {
  it('for any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (text) => {
          const result = await importModel(text, { file: 'any.yaml' });
          expect(result.model !== undefined || result.diagnostics.length > 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for any values where an OpenAPI or Swagger document has its parts', async () => {
    const anything = fc.jsonValue({ maxDepth: 3 });
    const method = fc.constantFrom(
      'get',
      'post',
      'parameters',
      'x-amazon-apigateway-any-method',
      '$ref',
    );
    const operation = fc.record(
      {
        operationId: anything,
        parameters: anything,
        requestBody: anything,
        responses: anything,
        security: anything,
        consumes: anything,
      },
      { requiredKeys: [] },
    );
    const pathItem = fc.dictionary(method, fc.oneof(operation, anything), { maxKeys: 3 });
    const refs = fc.constantFrom(
      { $ref: '#/components' },
      { $ref: '#/paths' },
      { $ref: 'other.yaml#/x' },
      { $ref: '#/nope/~1' },
    );
    const document = fc.record({
      version: fc.constantFrom({ openapi: '3.0.3' }, { openapi: '3.1.0' }, { swagger: '2.0' }),
      info: anything,
      paths: fc.dictionary(fc.string(), fc.oneof(pathItem, refs, anything), { maxKeys: 4 }),
      components: fc.oneof(
        anything,
        fc.record({ parameters: fc.dictionary(fc.string(), fc.oneof(refs, anything)) }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(document, fc.boolean(), async ({ version, ...rest }, asYaml) => {
        const text = JSON.stringify({ ...version, ...rest }, null, asYaml ? undefined : 1);
        const result = await importModel(asYaml ? `# yaml\n${text}` : text, {
          resolveRef: (p) => (p === 'other.yaml' ? 'x: {$ref: "#/x"}' : undefined),
        });
        expect(result.model).toBeDefined();
        for (const op of result.model!.operations) expect(JSON.stringify(op)).toBeTypeOf('string');
      }),
      { numRuns: 300 },
    );
  });
});
