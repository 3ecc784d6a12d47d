import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../workspace/backups';
import type { DesignSummary, StoredDesign, TrashEntry } from '../workspace/design-store';
import { SAMPLE_ID, SAMPLE_PATH, errorOf, readJson, testApp } from './test-app';

const MODEL = `openapi: 3.0.3
info: { title: Orders, version: '1' }
paths:
  /orders:
    get:
      responses:
        '200': { description: ok }
`;

const designPath = (id: string) => `/api/designs/${encodeURIComponent(id)}`;

describe('designs', () => {
  it('lists the workspace, creates from pasted text and reads it back with its ETag', async () => {
    const { call } = await testApp();
    const listed = await readJson<{ designs: DesignSummary[] }>(await call('/api/designs'));
    expect(listed.designs.map((d) => d.id)).toEqual([SAMPLE_ID]);

    const created = await call('/api/designs', {
      method: 'POST',
      body: { modelFile: 'orders/openapi.yaml', modelText: MODEL },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(designPath('orders/openapi.yaml'));
    const body = await readJson<StoredDesign>(created);
    expect(created.headers.get('etag')).toBe(`"${body.revision}"`);

    const read = await call(designPath('orders/openapi.yaml'));
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(`"${body.revision}"`);
    expect((await readJson<StoredDesign>(read)).modelText).toBe(MODEL);
    const after = await readJson<{ designs: DesignSummary[] }>(await call('/api/designs'));
    expect(after.designs.map((d) => d.id).sort()).toEqual(['orders/openapi.yaml', SAMPLE_ID]);
  });

  it('creates from the sample, under the name asked for', async () => {
    const { call, root } = await testApp();
    const created = await call('/api/designs', {
      method: 'POST',
      body: { sample: 'petstore', modelFile: 'copy/pets.yaml' },
    });
    expect(created.status).toBe(201);
    const body = await readJson<StoredDesign>(created);
    expect(body.design?.model).toBe('pets.yaml');
    expect(readFileSync(join(root, 'copy/pets.yaml'), 'utf8')).toBe(
      readFileSync(join(root, SAMPLE_ID), 'utf8'),
    );
  });

  it('refuses an existing id (409), a body naming the bad field (400), malformed JSON (400)', async () => {
    const { call } = await testApp();
    const again = await call('/api/designs', {
      method: 'POST',
      body: { modelFile: SAMPLE_ID, modelText: MODEL },
    });
    expect(again.status).toBe(409);

    const wrongType = await call('/api/designs', {
      method: 'POST',
      body: { modelFile: 42, modelText: MODEL },
    });
    expect(wrongType.status).toBe(400);
    const invalid = await errorOf(wrongType);
    expect(invalid.code).toBe('invalid-request');
    expect(invalid.message).toContain('body.modelFile');

    const neither = await errorOf(
      await call('/api/designs', { method: 'POST', body: { modelFile: 'x.yaml' } }),
    );
    expect(neither.message).toContain('exactly one of modelText and sample');

    const malformed = await call('/api/designs', { method: 'POST', body: '{"modelFile": ' });
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toMatchObject({
      code: 'bad-request',
      message: 'The request body is not valid JSON.',
    });
  });

  it('refuses a design that does not follow the design schema, with its findings', async () => {
    const { call, root } = await testApp();
    const response = await call('/api/designs', {
      method: 'POST',
      body: {
        modelFile: 'orders.yaml',
        modelText: MODEL,
        design: { formatVersion: 1, model: 'orders.yaml', backends: 'none' },
      },
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid-input');
    expect(error.details?.findings?.length).toBeGreaterThan(0);
    expect(existsSync(join(root, 'orders.yaml'))).toBe(false);
  });

  it('answers 404 for a design that is not there', async () => {
    const { call } = await testApp();
    const response = await call(designPath('nothing/here.yaml'));
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not-found');
  });

  it.each([
    ['an encoded ..', '..%2F..%2Fetc%2Fpasswd'],
    ['an encoded .. inside', 'petstore%2F..%2F..%2Fescape.yaml'],
    ['an absolute path', '%2Fetc%2Fpasswd'],
    ['a NUL byte', 'petstore%2Fopenapi.yaml%00.yaml'],
    ['a backslash', 'petstore%5C..%5C..%5Cx.yaml'],
    ['an over-long name', 'a'.repeat(2000) + '.yaml'],
  ])('refuses %s in an id', async (_, encoded) => {
    const { call } = await testApp();
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/openapi'],
      ['POST', '/validate'],
    ] as const) {
      const response = await call(`/api/designs/${encoded}${suffix}`, { method });
      expect(response.status, `${method} ${suffix}`).toBe(400);
    }
  });

  it('refuses to create a model outside the workspace', async () => {
    const { call, root } = await testApp();
    const response = await call('/api/designs', {
      method: 'POST',
      body: { modelFile: '../escaped.yaml', modelText: MODEL },
    });
    expect(response.status).toBe(400);
    expect(existsSync(join(root, '..', 'escaped.yaml'))).toBe(false);
  });
});

describe('writing a design', () => {
  it('needs If-Match (428), checked before the body', async () => {
    const { call, revisionOf } = await testApp();
    const before = await revisionOf();
    const response = await call(SAMPLE_PATH, { method: 'PUT', body: 'not json at all' });
    expect(response.status).toBe(428);
    expect((await errorOf(response)).code).toBe('if-match-required');
    expect(await revisionOf()).toBe(before);
  });

  it('saves with the current revision and returns the new one', async () => {
    const { call, revisionOf } = await testApp();
    const before = await revisionOf();
    const response = await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': `"${before}"` },
      body: { modelText: MODEL },
    });
    expect(response.status).toBe(200);
    const saved = await readJson<StoredDesign>(response);
    expect(saved.modelText).toBe(MODEL);
    expect(saved.revision).not.toBe(before);
    expect(response.headers.get('etag')).toBe(`"${saved.revision}"`);
    expect(await revisionOf()).toBe(saved.revision);
  });

  it('refuses a design that does not follow the schema (400, with findings), and writes nothing', async () => {
    const { call, revisionOf } = await testApp();
    const before = await revisionOf();
    const response = await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': `"${before}"` },
      body: { design: { formatVersion: 1, model: 'openapi.yaml', backends: 'none' } },
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.findings?.length).toBeGreaterThan(0);
    expect(await revisionOf()).toBe(before);
  });

  it('accepts back the weak ETag a compressed read gives', async () => {
    const { call } = await testApp();
    const read = await call(SAMPLE_PATH, { headers: { 'accept-encoding': 'gzip' } });
    const tag = read.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const saved = await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': tag! },
      body: { modelText: MODEL },
    });
    expect(saved.status).toBe(200);
  });

  it('gives 412 with the current revision to a stale write, and writes nothing', async () => {
    const { call, revisionOf } = await testApp();
    const current = await revisionOf();
    const response = await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': '"0000000000000000"' },
      body: { modelText: MODEL },
    });
    expect(response.status).toBe(412);
    expect(response.headers.get('etag')).toBe(`"${current}"`);
    const error = await errorOf(response);
    expect(error.details).toEqual({ currentRevision: current });
    // Sentences, each closed: the message is shown to a person as it is.
    expect(error.message).toMatch(new RegExp(`it is now at ${current}\\. Nothing was written`));
    expect(await revisionOf()).toBe(current);
  });

  it('lets one of two writers with the same If-Match win; the other gets 412, and both revisions survive', async () => {
    const { call, revisionOf, root } = await testApp();
    const base = await revisionOf();
    const write = (text: string, revision: string) =>
      call(SAMPLE_PATH, {
        method: 'PUT',
        headers: { 'if-match': `"${revision}"` },
        body: { modelText: text },
      });
    const texts = [MODEL + '# first writer\n', MODEL + '# second writer\n'];
    const responses = await Promise.all(texts.map((text) => write(text, base)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412]);
    const winner = texts[responses.findIndex((r) => r.status === 200)]!;
    const loser = texts[responses.findIndex((r) => r.status === 412)]!;
    const winnerRevision = (await readJson<StoredDesign>(responses.find((r) => r.status === 200)!))
      .revision;

    // The loser holds its text, learns the current revision, and saves again.
    const { details } = await errorOf(responses.find((r) => r.status === 412)!);
    expect(details?.currentRevision).toBe(winnerRevision);
    const retried = await write(loser, winnerRevision);
    expect(retried.status).toBe(200);

    const backups = await listBackups(root, SAMPLE_ID);
    const kept = backups.find((b) => b.revision === winnerRevision);
    expect(kept && readFileSync(kept.modelPath, 'utf8')).toBe(winner);
    expect(backups.some((b) => b.revision === base)).toBe(true);
  });

  it('renames, deletes to the trash and restores', async () => {
    const { call, revisionOf } = await testApp();
    const renamed = await call(`${SAMPLE_PATH}/rename`, {
      method: 'POST',
      headers: { 'if-match': `"${await revisionOf()}"` },
      body: { modelFile: 'shop/pets.yaml' },
    });
    expect(renamed.status).toBe(200);
    const moved = await readJson<StoredDesign>(renamed);
    expect(moved.id).toBe('shop/pets.yaml');
    expect((await call(SAMPLE_PATH)).status).toBe(404);

    const stale = await call(designPath(moved.id), {
      method: 'DELETE',
      headers: { 'if-match': '"stale"' },
    });
    expect(stale.status).toBe(412);
    const deleted = await call(designPath(moved.id), {
      method: 'DELETE',
      headers: { 'if-match': `"${moved.revision}"` },
    });
    expect(deleted.status).toBe(200);
    const entry = await readJson<TrashEntry>(deleted);
    expect(entry.id).toBe('shop/pets.yaml');
    expect((await call(designPath(moved.id))).status).toBe(404);

    const trash = await readJson<{ entries: TrashEntry[] }>(await call('/api/trash'));
    expect(trash.entries.map((e) => e.trashId)).toContain(entry.trashId);
    const restored = await call(`/api/trash/${encodeURIComponent(entry.trashId)}/restore`, {
      method: 'POST',
    });
    expect(restored.status).toBe(200);
    expect((await readJson<StoredDesign>(restored)).revision).toBe(moved.revision);
    expect((await call(designPath(moved.id))).status).toBe(200);
    expect(
      (await call(`/api/trash/${encodeURIComponent(entry.trashId)}/restore`, { method: 'POST' }))
        .status,
    ).toBe(404);
  });

  it('keeps a model saved with broken YAML, and validating it gives a finding with a line', async () => {
    const { call, revisionOf } = await testApp();
    const broken = 'openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n';
    const saved = await call(SAMPLE_PATH, {
      method: 'PUT',
      headers: { 'if-match': `"${await revisionOf()}"` },
      body: { modelText: broken },
    });
    expect(saved.status).toBe(200);
    const validation = await call(`${SAMPLE_PATH}/validate`, { method: 'POST' });
    expect(validation.status).toBe(200);
    const { findings } = await readJson<{ findings: Diagnostic[] }>(validation);
    const syntax = findings.find((f) => f.code === 'model.syntax');
    expect(syntax?.location).toMatchObject({ file: SAMPLE_ID, line: expect.any(Number) });
  });
});

describe('backups', () => {
  async function savedTwice() {
    const app = await testApp();
    const original = await app.revisionOf();
    const texts = [MODEL, MODEL + '# second\n'];
    let revision = original;
    const saved: string[] = [];
    for (const modelText of texts) {
      const response = await app.call(SAMPLE_PATH, {
        method: 'PUT',
        headers: { 'if-match': `"${revision}"` },
        body: { modelText },
      });
      expect(response.status).toBe(200);
      revision = (await readJson<StoredDesign>(response)).revision;
      saved.push(revision);
    }
    return { ...app, original, middle: saved[0]!, current: revision };
  }

  it('lists the revisions saves replaced, newest first', async () => {
    const { call, original, middle } = await savedTwice();
    const response = await call(`${SAMPLE_PATH}/backups`);
    expect(response.status).toBe(200);
    const { backups } = await readJson<{ backups: { revision: string; replacedAt: string }[] }>(
      response,
    );
    expect(backups.map((b) => b.revision)).toEqual([middle, original]);
    expect(Date.parse(backups[0]!.replacedAt)).toBeGreaterThanOrEqual(
      Date.parse(backups[1]!.replacedAt),
    );
  });

  it('restores a kept revision with If-Match, keeping the one it replaces', async () => {
    const { call, store, original, current } = await savedTwice();
    const restore = (revision: string, ifMatch?: string) =>
      call(`${SAMPLE_PATH}/backups/${revision}/restore`, {
        method: 'POST',
        ...(ifMatch === undefined ? {} : { headers: { 'if-match': `"${ifMatch}"` } }),
      });

    expect((await restore(original)).status).toBe(428);
    const stale = await restore(original, original);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe(`"${current}"`);
    expect((await restore('0000000000000000', current)).status).toBe(404);
    expect((await restore('..%2f..', current)).status).toBe(400);

    const restored = await restore(original, current);
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe(`"${original}"`);
    expect(value(await store.read(SAMPLE_ID)).revision).toBe(original);
    const kept = value(await store.listBackups(SAMPLE_ID)).map((b) => b.revision);
    expect(kept[0]).toBe(current);
  });
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}
