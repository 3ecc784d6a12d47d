import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { allowedHostsFor } from '../main';
import { ORIGIN, SAMPLE_PATH, TOKEN, errorOf, testApp } from '../routes/test-app';
import { TOKEN_HEADER } from './mutation-guard';

const MODEL = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n';

describe('the Host check (DNS rebinding)', () => {
  it('refuses a foreign Host on every path, the page included', async () => {
    const { app } = await testApp();
    for (const path of ['/api/designs', '/', SAMPLE_PATH]) {
      const response = await app.request(path, { headers: { host: 'attacker.example:4321' } });
      expect(response.status, path).toBe(403);
      expect((await errorOf(response)).code).toBe('foreign-host');
    }
  });

  it('refuses the right name on another port', async () => {
    const { app } = await testApp();
    const response = await app.request('http://127.0.0.1:9999/api/designs');
    expect(response.status).toBe(403);
  });

  it.each(['127.0.0.1:4321', 'localhost:4321', 'LOCALHOST:4321', '[::1]:4321'])(
    'answers %s',
    async (host) => {
      const { app } = await testApp();
      const response = await app.request('/api/designs', { headers: { host } });
      expect(response.status).toBe(200);
    },
  );
});

describe('changes need the same Origin and the token, checked before the body is read', () => {
  it.each(['http://attacker.example', 'null', 'http://127.0.0.1:9999', 'https://127.0.0.1:4321'])(
    'refuses Origin %s, even with the token, before parsing the body',
    async (origin) => {
      const { call } = await testApp();
      const response = await call('/api/designs', {
        method: 'POST',
        headers: { origin },
        body: '{ this is not json',
      });
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('foreign-origin');
    },
  );

  it('refuses a missing token before parsing the body', async () => {
    const { call } = await testApp();
    const response = await call('/api/designs', {
      method: 'POST',
      headers: { [TOKEN_HEADER]: '' },
      body: '{ this is not json',
    });
    expect(response.status).toBe(403);
    const withoutHeader = await testApp();
    const refused = await withoutHeader.app.request(`${ORIGIN}/api/designs`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ modelFile: 'x.yaml', modelText: MODEL }),
    });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('missing-token');
  });

  it('refuses a wrong token, on every mutating method', async () => {
    const { call, revisionOf } = await testApp();
    const before = await revisionOf();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await call(SAMPLE_PATH, {
        method,
        headers: { [TOKEN_HEADER]: TOKEN.replace(/.$/, 'X'), 'if-match': `"${before}"` },
      });
      expect(response.status, method).toBe(403);
      expect((await errorOf(response)).code).toBe('invalid-token');
    }
    expect(await revisionOf()).toBe(before);
  });

  it('accepts the token without an Origin (a script, not a browser page)', async () => {
    const { app } = await testApp();
    const response = await app.request(`${ORIGIN}/api/validate`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ modelText: MODEL }),
    });
    expect(response.status).toBe(200);
  });

  it('lets reads through without the token', async () => {
    const { app } = await testApp();
    expect((await app.request(`${ORIGIN}/api/designs`)).status).toBe(200);
  });
});

describe('body size', () => {
  it('refuses a body over 20 MB with 413, and an oversized body without the token with 403', async () => {
    const { call } = await testApp();
    const huge = JSON.stringify({ modelText: 'x'.repeat(21 * 1024 * 1024) });
    const response = await call('/api/validate', { method: 'POST', body: huge });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload-too-large');

    const anonymous = await call('/api/validate', {
      method: 'POST',
      headers: { [TOKEN_HEADER]: 'wrong' },
      body: huge,
    });
    expect(anonymous.status).toBe(403);
  });

  it('counts a streamed body without Content-Length too', async () => {
    const { app } = await testApp({ maxBodyBytes: 1024 });
    const chunk = new TextEncoder().encode('x'.repeat(600));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await app.request(`${ORIGIN}/api/validate`, {
      method: 'POST',
      headers: { origin: ORIGIN, [TOKEN_HEADER]: TOKEN, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('errors', () => {
  it('answers an unexpected failure with a plain 500: no stack to the client, the stack to the log, never the token', async () => {
    const { store } = await testApp();
    const logs: string[] = [];
    const failing = new Proxy(store, {
      get: (target, key, receiver) =>
        key === 'list'
          ? () => Promise.reject(new Error('disk on fire'))
          : Reflect.get(target, key, receiver),
    });
    const app = createApp({
      store: failing,
      token: TOKEN,
      allowedHosts: allowedHostsFor(4321),
      log: (line) => logs.push(line),
    });
    const response = await app.request(`${ORIGIN}/api/designs`, {
      headers: { [TOKEN_HEADER]: TOKEN },
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('internal');
    expect(text).not.toContain('disk on fire');
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(logs.join('\n')).toContain('disk on fire');
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { call } = await testApp();
    const response = await call('/api/nothing-here');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not-found');
  });
});
