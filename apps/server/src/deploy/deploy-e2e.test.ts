import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import {
  importModel,
  loadDesign,
  renderTemplate,
  type ApiModel,
  type DesignDocument,
} from '@gatewright/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopDesign } from './__fixtures__/shop-design';
import { destroyStack, executeChangeSet, prepareChangeSet, type DeployEvent } from './engine';
import { designRenderer } from './render-design';
import type { StartedSandbox } from './sandbox';
import { sandboxTarget, type Target } from './targets';
import { startTestSandbox } from './test-sandbox';

const DESIGN_ID = 'shop/shop.yaml';

let sandbox: StartedSandbox;
let target: Target;
let model: ApiModel;
const servers: Server[] = [];

/** A local server answering every request with what it saw, as JSON. */
async function echoServer(name: string): Promise<string> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ server: name, method: request.method, url: request.url }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

function design(json: Record<string, unknown>): DesignDocument {
  const loaded = loadDesign(JSON.stringify(json), 'shop.gatewright.json');
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.design!;
}

async function deploy(designDocument: DesignDocument, events: DeployEvent[] = []) {
  const prepared = await prepareChangeSet(target, {
    designId: DESIGN_ID,
    workspace: '/tmp/deploy-e2e',
    render: designRenderer(model, designDocument, 'sandbox'),
  });
  const result = await executeChangeSet(target, prepared, { emit: (e) => events.push(e) });
  return { prepared, result, events };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  target = await sandboxTarget(sandbox.endpoint);
  const text = readFileSync(new URL('./__fixtures__/shop.yaml', import.meta.url), 'utf8');
  model = (await importModel(text, { file: 'shop.yaml' })).model!;
}, 90_000);

afterAll(async () => {
  for (const server of servers) server.close();
  await sandbox?.stop();
});

describe('deploying a design to a real sandbox and calling it', () => {
  it('answers every operation, redeploys a changed integration as a Modify, and deletes the stack', async () => {
    const stores = await echoServer('stores');
    const stock = await echoServer('stock');
    const first = await deploy(design(shopDesign(stores, stock)));
    expect(first.result).toMatchObject({ outcome: 'succeeded', stackStatus: 'CREATE_COMPLETE' });
    expect(first.prepared.changes.map((c) => c.resourceType)).toEqual(
      expect.arrayContaining([
        'AWS::ApiGateway::RestApi',
        'AWS::ApiGateway::Deployment',
        'AWS::ApiGateway::Stage',
        'AWS::Lambda::Function',
        'AWS::IAM::Role',
        'AWS::Lambda::Permission',
      ]),
    );
    const done = first.events.filter((e) => e.kind === 'stack-event').at(-1);
    expect(done?.kind === 'stack-event' && done.progress.done).toBe(first.prepared.changes.length);
    const url = first.result.invokeUrl!;
    expect(url).toMatch(/\/restapis\/[a-f0-9]+\/test\/_user_request_$/);

    const pet = await fetch(`${url}/pets/7`);
    expect(pet.status).toBe(200);
    expect(await pet.json()).toEqual({ id: 7, name: 'Rex' });

    const greeting = await fetch(`${url}/greetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada' }),
    });
    expect(greeting.status).toBe(200);
    expect(await greeting.json()).toEqual({ greeting: 'Hello, Ada!' });

    const store = await fetch(`${url}/stores/s-42`);
    expect(store.status).toBe(200);
    expect(await store.json()).toEqual({ server: 'stores', method: 'GET', url: '/stores/s-42' });

    const inventory = await fetch(`${url}/inventory/sku-9`);
    expect(inventory.status).toBe(200);
    expect(await inventory.json()).toEqual({ server: 'stock', method: 'GET', url: '/stock/sku-9' });

    // The mock now answers with a custom body: the API is modified and the new answer comes back.
    const changed = shopDesign(stores, stock);
    (changed.operations as Record<string, unknown>)['GET /pets/{petId}'] = {
      integration: {
        kind: 'mock',
        response: { source: 'custom', statusCode: 200, body: '{"id": 8, "name": "Fido"}' },
      },
    };
    const second = await deploy(design(changed));
    expect(second.prepared.type).toBe('UPDATE');
    expect(second.prepared.changes).toContainEqual(
      expect.objectContaining({
        action: 'Modify',
        logicalId: expect.stringMatching(/Api/),
        resourceType: 'AWS::ApiGateway::RestApi',
      }),
    );
    expect(second.result.outcome).toBe('succeeded');
    const updated = await fetch(`${second.result.invokeUrl}/pets/7`);
    expect(await updated.json()).toEqual({ id: 8, name: 'Fido' });

    expect(await destroyStack(target, first.prepared.stackName)).toBe(true);
    expect((await fetch(`${second.result.invokeUrl}/pets/7`)).status).toBe(404);
  });

  it('deploys a function whose code is over the inline limit from the artifact bucket, and calls it', async () => {
    const stores = await echoServer('stores');
    const stock = await echoServer('stock');
    const long = shopDesign(stores, stock);
    const greeter = (long.backends as Record<string, { function: { code: string } }>).greeter!;
    // CloudFormation takes 4,096 characters of inline code; this is well over.
    greeter.function.code = `// ${'padding '.repeat(700)}\n${greeter.function.code}`;
    // The template names the code in the artifact bucket, which the deploy uploads.
    expect(renderTemplate(model, design(long), { target: 'sandbox' }).assets).toHaveLength(1);
    const { prepared, result } = await deploy(design(long));
    expect(result).toMatchObject({ outcome: 'succeeded', stackStatus: 'CREATE_COMPLETE' });
    const greeting = await fetch(`${result.invokeUrl}/greetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Grace' }),
    });
    expect(greeting.status).toBe(200);
    expect(await greeting.json()).toEqual({ greeting: 'Hello, Grace!' });
    expect(await destroyStack(target, prepared.stackName)).toBe(true);
  }, 60_000);
});
