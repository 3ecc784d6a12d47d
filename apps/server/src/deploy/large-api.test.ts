import { createServer, type Server } from 'node:http';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  importModel,
  loadDesign,
  renderTemplate,
  templateBytes,
  type ApiModel,
  type DesignDocument,
} from '@gatewright/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeApi } from './__fixtures__/large-api';
import { destroyStack, executeChangeSet, prepareChangeSet, type DeployEvent } from './engine';
import { designRenderer } from './render-design';
import type { StartedSandbox } from './sandbox';
import { sandboxTarget, type Target } from './targets';
import { startTestSandbox } from './test-sandbox';

let sandbox: StartedSandbox;
let target: Target;
let server: Server;
let origin: string;

/** The large API of `mockCount` mocks, its model and its design. */
async function large(mockCount: number): Promise<{ model: ApiModel; design: DesignDocument }> {
  const api = largeApi(mockCount, origin);
  const model = (await importModel(api.modelText, { file: 'large.json' })).model!;
  const loaded = loadDesign(JSON.stringify(api.design), 'large.gatewright.json');
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { model, design: loaded.design! };
}

async function deploy(model: ApiModel, design: DesignDocument) {
  const rendered: Record<string, unknown>[] = [];
  const render = designRenderer(model, design, 'sandbox');
  const events: DeployEvent[] = [];
  const prepared = await prepareChangeSet(target, {
    designId: 'large/large.json',
    workspace: '/tmp/large-api',
    render: (placement) => {
      const stack = render(placement);
      rendered.push(stack.template);
      return stack;
    },
  });
  const result = await executeChangeSet(target, prepared, { emit: (e) => events.push(e) });
  return { prepared, result, events, template: rendered.at(-1)! };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ method: request.method, url: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  sandbox = await startTestSandbox();
  target = await sandboxTarget(sandbox.endpoint);
}, 90_000);

afterAll(async () => {
  server?.close();
  await sandbox?.stop();
});

describe('a design too large to inline, on a real sandbox', () => {
  it('goes through the sandbox S3 as BodyS3Location, its operations answer, and an update overwrites the API', async () => {
    const { model, design } = await large(300);
    const inline = renderTemplate(model, design, { target: 'sandbox' });
    // Inline, not even TemplateURL would take it.
    expect(templateBytes(inline)).toBeGreaterThan(1_000_000);

    const { prepared, result, events, template } = await deploy(model, design);
    expect(prepared.documentVia).toBe('s3');
    expect(prepared.templateVia).toBe('inline');
    const api = (template.Resources as Record<string, { Properties: object }>).Api!;
    const location = (api.Properties as { BodyS3Location: { Bucket: string; Key: string } })
      .BodyS3Location;
    expect(location.Bucket).toBe('gatewright-artifacts-000000000000-us-east-1');
    const uploaded = await target.s3.send(new GetObjectCommand(location));
    expect(JSON.parse(await uploaded.Body!.transformToString())).toEqual(prepared.document);

    expect(result.outcome).toBe('succeeded');
    expect(
      events.filter((e) => e.kind === 'note').map((e) => e.kind === 'note' && e.message),
    ).toEqual([
      expect.stringMatching(/went to S3.*imported it .*\(302 methods/),
      expect.stringMatching(/completed 302 integrations/),
    ]);
    const url = result.invokeUrl!;

    const mock = await fetch(`${url}/catalog/items-299`);
    expect(mock.status).toBe(200);
    expect(await mock.json()).toMatchObject({ page: 299 });

    const store = await fetch(`${url}/stores/s-42`);
    expect(store.status).toBe(200);
    expect(await store.json()).toEqual({ method: 'GET', url: '/stores/s-42' });

    // The function is named through a stage variable in the S3 document.
    const greeting = await fetch(`${url}/greetings`, { method: 'POST', body: '{}' });
    expect(greeting.status).toBe(200);
    expect(await greeting.json()).toEqual({ greeting: 'Hello from S3' });

    // One operation fewer: as PutRestApi's overwrite, what the document lost goes.
    const smaller = await large(299);
    const update = await deploy(smaller.model, smaller.design);
    expect(update.prepared.type).toBe('UPDATE');
    expect(update.result.outcome).toBe('succeeded');
    const updated = update.result.invokeUrl!;
    expect((await fetch(`${updated}/catalog/items-299`)).status).not.toBe(200);
    expect(await (await fetch(`${updated}/catalog/items-298`)).json()).toMatchObject({ page: 298 });
    expect((await fetch(`${updated}/stores/s-1`)).status).toBe(200);

    expect(await destroyStack(target, prepared.stackName)).toBe(true);
  }, 60_000);
});
