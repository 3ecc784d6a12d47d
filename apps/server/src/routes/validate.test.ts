import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { emptyDesign, type DesignDocument, type Diagnostic } from '@gatewright/core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SAMPLE_ID, SAMPLE_PATH, errorOf, readJson, testApp } from './test-app';

interface Validation {
  revision?: string;
  findings: Diagnostic[];
  counts: Record<Diagnostic['severity'], number>;
}

/** A design that answers one operation with a mock, and nothing else. */
const MOCKED = (key: string): DesignDocument => ({
  ...emptyDesign('openapi.yaml'),
  operations: {
    [key]: { integration: { kind: 'mock', response: { source: 'custom', statusCode: 200 } } },
  },
});

describe('validating a saved design', () => {
  it('gives the revision checked and no errors for the sample', async () => {
    const { call, revisionOf } = await testApp();
    const response = await call(`${SAMPLE_PATH}/validate`, { method: 'POST' });
    expect(response.status).toBe(200);
    const result = await readJson<Validation>(response);
    expect(result.revision).toBe(await revisionOf());
    expect(result.counts.error).toBe(0);
  });

  it('reports an unwired operation at its operation and line', async () => {
    const { call, store, revisionOf } = await testApp();
    const read = await store.read(SAMPLE_ID);
    if (!read.ok || !read.value.design) throw new Error('the sample does not load');
    const design = structuredClone(read.value.design);
    delete design.operations['GET /pets'];
    const saved = await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': `"${await revisionOf()}"` },
      body: { design },
    });
    expect(saved.status).toBe(200);
    const { findings } = await readJson<Validation>(
      await call(`${SAMPLE_PATH}/validate`, { method: 'POST' }),
    );
    const unwired = findings.find((f) => f.code === 'validate.operation-not-integrated');
    expect(unwired?.location).toMatchObject({ operation: 'GET /pets', line: expect.any(Number) });
  });
});

describe('findings in the design file', () => {
  it('name the design file with the line and column of the bad value', async () => {
    const { call, store, revisionOf } = await testApp();
    const read = await store.read(SAMPLE_ID);
    if (!read.ok || !read.value.design) throw new Error('the sample does not load');
    const design = structuredClone(read.value.design);
    design.operations['GET /pets'] = { integration: { kind: 'lambda', backend: 'gone' } };
    const saved = await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': `"${await revisionOf()}"` },
      body: { design },
    });
    expect(saved.status).toBe(200);
    const { findings } = await readJson<Validation>(
      await call(`${SAMPLE_PATH}/validate`, { method: 'POST' }),
    );
    const unknown = findings.find((f) => f.code === 'validate.unknown-backend');
    expect(unknown?.location).toMatchObject({
      file: read.value.designFile,
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });
});

describe('validating the same design again', () => {
  it('answers from the checked revision until the files change, then checks the new one', async () => {
    const { call, store, revisionOf } = await testApp();
    const validate = async () =>
      readJson<Validation>(await call(`${SAMPLE_PATH}/validate`, { method: 'POST' }));
    const first = await validate();
    expect(await validate()).toEqual(first);
    expect(first.counts.error).toBe(0);

    // An edit outside the app: a new revision, which must be checked, not served from before.
    const read = await store.read(SAMPLE_ID);
    if (!read.ok || !read.value.design) throw new Error('the sample does not load');
    const design = structuredClone(read.value.design);
    delete design.operations['GET /pets'];
    writeFileSync(join(store.root, read.value.designFile), JSON.stringify(design, null, 2));

    const second = await validate();
    expect(second.revision).toBe(await revisionOf());
    expect(second.revision).not.toBe(first.revision);
    expect(second.findings.map((f) => f.code)).toContain('validate.operation-not-integrated');
  });
});

describe('validating a draft', () => {
  it('reports broken YAML as a finding with a line, not a 500', async () => {
    const { call } = await testApp();
    const response = await call('/api/validate', {
      method: 'POST',
      body: { modelText: 'openapi: 3.0.3\ninfo:\n  title: "unclosed\npaths: {}\n' },
    });
    expect(response.status).toBe(200);
    const { findings, counts } = await readJson<Validation>(response);
    expect(counts.error).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({
      code: 'model.syntax',
      location: { file: 'openapi.yaml', line: expect.any(Number) },
    });
  });

  it('checks a draft without a design as one with nothing wired', async () => {
    const { call } = await testApp();
    const { findings } = await readJson<Validation>(
      await call('/api/validate', {
        method: 'POST',
        body: {
          modelText:
            'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200": { description: ok }\n',
        },
      }),
    );
    expect(findings.map((f) => f.code)).toContain('validate.operation-not-integrated');
  });

  it('checks the rendered document against the official OpenAPI schema, located in the model', async () => {
    const { call } = await testApp();
    // A response without its required description: core reads it; the schema does not allow it.
    const modelText = [
      'openapi: 3.0.3',
      'info: { title: T, version: "1" }',
      'paths:',
      '  /a:',
      '    get:',
      '      responses:',
      '        "200":',
      '          content: {}',
      '',
    ].join('\n');
    const response = await call('/api/validate', {
      method: 'POST',
      body: { modelText, design: MOCKED('GET /a') },
    });
    const { findings } = await readJson<Validation>(response);
    const schema = findings.filter((f) => f.code === 'render.openapi-schema');
    expect(schema).toHaveLength(1);
    expect(schema[0]!.message).toContain('description');
    expect(schema[0]!.location).toMatchObject({
      pointer: '/paths/~1a/get/responses/200',
      operation: 'GET /a',
      line: 7,
    });
  });

  it('reports a design that does not load, with its pointer', async () => {
    const { call } = await testApp();
    const response = await call('/api/validate', {
      method: 'POST',
      body: {
        modelText: 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n',
        designText: '{ "formatVersion": 1, "backends": [] ',
      },
    });
    const { findings } = await readJson<Validation>(response);
    expect(findings.map((f) => f.code)).toContain('design.syntax');
  });

  it('reads external refs from the workspace, but never from outside it', async () => {
    const { call, root } = await testApp();
    mkdirSync(join(root, 'api'));
    writeFileSync(join(root, 'api', 'common.yaml'), 'Thing: { type: string }\n');
    // A readable file beside the workspace: only the guard keeps it out.
    const outsideName = `${basename(root)}-outside.yaml`;
    writeFileSync(join(root, '..', outsideName), 'Thing: { type: string }\n');
    onTestFinished(() => rmSync(join(root, '..', outsideName), { force: true }));
    const model = (ref: string) =>
      `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '${ref}' }\n`;
    const validate = async (ref: string) =>
      (
        await readJson<Validation>(
          await call('/api/validate', {
            method: 'POST',
            body: {
              modelFile: 'api/openapi.yaml',
              modelText: model(ref),
              design: MOCKED('GET /a'),
            },
          }),
        )
      ).findings.map((f) => f.code);
    expect(await validate('./common.yaml#/Thing')).not.toContain('model.external-ref');
    const outside = await validate(`../../${outsideName}#/Thing`);
    expect(outside).toContain('model.external-ref');
    expect(await validate('/etc/hostname#/Thing')).toContain('model.external-ref');
  });

  it('reads no hidden file in the workspace for a ref: dot-files, .git, the store folder', async () => {
    const { call, root } = await testApp();
    for (const hidden of ['.secret.yaml', '.git/config.yaml', '.gatewright/backups/x.yaml']) {
      mkdirSync(join(root, hidden, '..'), { recursive: true });
      writeFileSync(join(root, hidden), 'Thing: { type: string }\n');
    }
    writeFileSync(join(root, 'common.yaml'), 'Thing: { type: string }\n');
    const model = (ref: string) =>
      `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '${ref}' }\n`;
    const draftFindings = async (ref: string) =>
      (
        await readJson<Validation>(
          await call('/api/validate', {
            method: 'POST',
            body: { modelFile: 'openapi.yaml', modelText: model(ref), design: MOCKED('GET /a') },
          }),
        )
      ).findings.map((f) => f.code);
    expect(await draftFindings('common.yaml#/Thing')).not.toContain('model.external-ref');
    for (const ref of [
      './.secret.yaml#/Thing',
      '.git/config.yaml#/Thing',
      'x/../.gatewright/backups/x.yaml#/Thing',
    ])
      expect(await draftFindings(ref), ref).toContain('model.external-ref');
  });

  it('refuses a draft whose model file would name a path outside the workspace', async () => {
    const { call } = await testApp();
    for (const modelFile of ['../../x.yaml', '/etc/x.yaml', '.git/x.yaml', 'a\\b.yaml']) {
      const response = await call('/api/validate', {
        method: 'POST',
        body: { modelFile, modelText: 'openapi: 3.0.3\n' },
      });
      expect(response.status, modelFile).toBe(400);
      expect((await errorOf(response)).message).toContain(JSON.stringify(modelFile));
    }
  });

  it('refuses a draft without model text, naming the field', async () => {
    const { call } = await testApp();
    const response = await call('/api/validate', { method: 'POST', body: { design: {} } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('body.modelText');
  });
});
