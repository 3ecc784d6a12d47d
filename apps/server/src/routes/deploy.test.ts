import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopDesign } from '../deploy/__fixtures__/shop-design';
import type { StartedSandbox } from '../deploy/sandbox';
import { freePort, startTestSandbox } from '../deploy/test-sandbox';
import { errorOf, readJson, testApp } from './test-app';

const SHOP_ID = 'shop/shop.yaml';
const SHOP_PATH = `/api/designs/${encodeURIComponent(SHOP_ID)}`;

let sandbox: StartedSandbox;
let backend: Server;
let backendOrigin: string;
const endpointBefore = process.env.GATEWRIGHT_SANDBOX_ENDPOINT;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  backend = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ url: request.url }));
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  const address = backend.address();
  backendOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 90_000);

afterAll(async () => {
  backend?.close();
  await sandbox?.stop();
  if (endpointBefore === undefined) delete process.env.GATEWRIGHT_SANDBOX_ENDPOINT;
  else process.env.GATEWRIGHT_SANDBOX_ENDPOINT = endpointBefore;
});

/** An app whose workspace also holds the shop design, deploying to `endpoint`. */
async function shopApp(endpoint: string) {
  process.env.GATEWRIGHT_SANDBOX_ENDPOINT = endpoint;
  const app = await testApp();
  mkdirSync(join(app.root, 'shop'));
  copyFileSync(
    new URL('../deploy/__fixtures__/shop.yaml', import.meta.url),
    join(app.root, 'shop', 'shop.yaml'),
  );
  writeFileSync(
    join(app.root, 'shop', 'shop.gatewright.json'),
    JSON.stringify(shopDesign(backendOrigin, backendOrigin), null, 2),
  );
  return app;
}

/** The server-sent events of a response, parsed, until the stream ends. */
async function sseEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? '',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown,
    }));
}

describe('the deploy routes', () => {
  it('says the sandbox is down, and how to start it, within a few seconds', async () => {
    const { call } = await shopApp(`http://127.0.0.1:${await freePort()}`);
    const started = Date.now();
    const response = await call(`${SHOP_PATH}/deploy/change-set`, { method: 'POST', body: {} });
    expect(response.status).toBe(503);
    const error = await errorOf(response);
    expect(error.code).toBe('sandbox-down');
    expect(error.message).toMatch(/not running at http:\/\/127\.0\.0\.1:\d+/);
    expect(error.message).toContain('node scripts/python-env.mjs');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('starts the sandbox on request, once, and a deploy then reaches it', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const { call } = await shopApp(endpoint);
    // Two requests at once share one start.
    const [first, second] = await Promise.all([
      call('/api/sandbox/start', { method: 'POST' }),
      call('/api/sandbox/start', { method: 'POST' }),
    ]);
    const answers = [await readJson(first), await readJson(second)] as {
      started: boolean;
      pid?: number;
    }[];
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const pid = answers[0]!.pid;
    expect(pid).toBeTypeOf('number');
    expect(answers[1]!.pid).toBe(pid);
    try {
      const again = await call('/api/sandbox/start', { method: 'POST' });
      expect(await readJson(again)).toMatchObject({ started: true, pid });
      const made = await call(`${SHOP_PATH}/deploy/change-set`, { method: 'POST', body: {} });
      expect(made.status).toBe(200);
    } finally {
      process.kill(pid!, 'SIGTERM');
    }
  }, 90_000);

  it('makes a change set, runs it with events, refuses a second deploy meanwhile, tries an operation and deletes the stack', async () => {
    const { call } = await shopApp(sandbox.endpoint);
    const made = await call(`${SHOP_PATH}/deploy/change-set`, {
      method: 'POST',
      body: { target: 'sandbox' },
    });
    expect(made.status).toBe(200);
    const changeSet = await readJson<{
      changeSetId: string;
      stackName: string;
      type: string;
      changes: { action: string; resourceType: string }[];
      confirmation: string;
    }>(made);
    expect(changeSet.type).toBe('CREATE');
    expect(changeSet.changes).toContainEqual({
      action: 'Add',
      logicalId: expect.any(String),
      resourceType: 'AWS::ApiGateway::RestApi',
    });
    expect(changeSet.confirmation).toContain('local sandbox');

    const run = await call(`${SHOP_PATH}/deploy/execute`, {
      method: 'POST',
      body: { changeSetId: changeSet.changeSetId },
    });
    expect(run.status).toBe(202);
    const second = await call(`${SHOP_PATH}/deploy/change-set`, { method: 'POST', body: {} });
    expect(second.status).toBe(409);
    expect((await errorOf(second)).message).toMatch(/already running/);

    const events = await sseEvents(await call(`${SHOP_PATH}/deploy/events`));
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data).toMatchObject({
      result: { outcome: 'succeeded', stackStatus: 'CREATE_COMPLETE' },
    });
    const progress = events
      .filter((e) => e.event === 'stack-event')
      .map((e) => (e.data as { progress: { done: number; total: number } }).progress);
    expect(progress.at(-1)).toEqual({
      done: changeSet.changes.length,
      total: changeSet.changes.length,
    });

    const stacks = await readJson<{
      stacks: { stackName: string; status: string }[];
      invokeUrl: string;
    }>(await call(`${SHOP_PATH}/deploy/stack`));
    expect(stacks.stacks).toEqual([
      expect.objectContaining({ stackName: changeSet.stackName, status: 'CREATE_COMPLETE' }),
    ]);
    expect(stacks.invokeUrl).toMatch(/_user_request_$/);

    const tried = await call(`${SHOP_PATH}/try`, {
      method: 'POST',
      body: { method: 'GET', path: '/stores/s-1' },
    });
    expect(tried.status).toBe(200);
    const answer = await readJson<{
      status: number;
      body: string;
      timeMillis: number;
      url: string;
    }>(tried);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ url: '/stores/s-1' });
    expect(answer.url.startsWith(stacks.invokeUrl)).toBe(true);

    const escape = await call(`${SHOP_PATH}/try`, {
      method: 'POST',
      body: { method: 'GET', path: '/../../../_ministack/health' },
    });
    expect(escape.status).toBe(400);
    const elsewhere = await call(`${SHOP_PATH}/try`, {
      method: 'POST',
      body: { method: 'GET', path: '//example.com/' },
    });
    expect(elsewhere.status).toBe(400);

    const deleted = await call(`${SHOP_PATH}/deploy/stack`, { method: 'DELETE' });
    expect(await readJson(deleted)).toEqual({ deleted: true, stackName: changeSet.stackName });
    const after = await readJson<{ stacks: unknown[] }>(await call(`${SHOP_PATH}/deploy/stack`));
    expect(after.stacks).toEqual([]);
    const notDeployed = await call(`${SHOP_PATH}/try`, {
      method: 'POST',
      body: { method: 'GET', path: '/pets/1' },
    });
    expect(notDeployed.status).toBe(404);
  });

  it('refuses to run a change set that is not the one waiting', async () => {
    const { call } = await shopApp(sandbox.endpoint);
    const response = await call(`${SHOP_PATH}/deploy/execute`, {
      method: 'POST',
      body: { changeSetId: 'arn:aws:cloudformation:us-east-1:000000000000:changeSet/nope' },
    });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('no-change-set');
  });
});
