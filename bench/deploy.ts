// Prints, for a 10- and a 200-operation design deployed to the sandbox through
// the real server's API, and for the GitHub REST description (about 3 MB, every
// operation a mock) when ../shared/specs has it, the time from "Deploy"
// (creating the change set) to the first successful call of the deployed API,
// split into change set, run and first answer, and how long rendering the
// template took (measured here with core's renderTemplate, the calls the
// server makes: inline, then again for S3 when the document does not fit).
// Needs .venv (`node scripts/python-env.mjs`). Figures, not a test:
// `pnpm bench:deploy`.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDesign,
  importModel,
  needsBodyS3Location,
  renderTemplate,
  serializeDesign,
  type ApiModel,
  type DesignDocument,
} from '@gatewright/core';
import { generateModel } from './generate-model';

const SIZES = [10, 200];
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'apps', 'server', 'bin', 'gatewright.js');
const MINISTACK = join(here, '..', '.venv', 'bin', 'ministack');
const GITHUB = join(here, '..', '..', 'shared', 'specs', 'github-rest-api-2020-09.json');

if (!existsSync(MINISTACK)) {
  console.error('The sandbox is not installed: run `node scripts/python-env.mjs` first.');
  process.exit(1);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>, what: string, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Rendering as the deploy does: inline, then again with the document in S3 when it does not fit. */
function renderMillisOf(model: ApiModel, design: DesignDocument): number {
  const started = performance.now();
  const inline = renderTemplate(model, design, { target: 'sandbox' });
  if (needsBodyS3Location(inline))
    renderTemplate(model, design, {
      target: 'sandbox',
      bodyS3Location: { Bucket: 'bench', Key: 'document.json' },
      environment: { partition: 'aws', region: 'us-east-1', accountId: '000000000000' },
    });
  return performance.now() - started;
}

/** The generated design, made deployable to the sandbox: ECS/NLB backends answer at a (closed) local URL. */
function sandboxReady(design: DesignDocument): DesignDocument {
  for (const backend of Object.values(design.backends))
    if (backend.kind === 'ecs-nlb') backend.sandboxUrl = 'http://127.0.0.1:9';
  return design;
}

const children: ChildProcess[] = [];
const workspace = mkdtempSync(join(tmpdir(), 'gatewright-bench-deploy-'));
const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(workspace, { recursive: true, force: true });
};

try {
  const endpoint = `http://127.0.0.1:${await freePort()}`;
  const sandbox = spawn(MINISTACK, [], {
    env: {
      ...process.env,
      BIND_HOST: '127.0.0.1',
      GATEWAY_PORT: new URL(endpoint).port,
      LOG_LEVEL: 'WARNING',
    },
    stdio: 'ignore',
  });
  children.push(sandbox);
  await until(async () => (await fetch(`${endpoint}/_ministack/health`)).ok, 'the sandbox');

  /** What is deployed: a row's label, the design's id, and the operation called to see it answer. */
  const designs: { label: string; id: string; renderMillis: number; probe: string }[] = [];
  for (const size of SIZES) {
    const { text, design } = generateModel(size);
    const name = `generated-${size}.json`;
    writeFileSync(join(workspace, name), text);
    const ready = sandboxReady(design);
    ready.model = name;
    writeFileSync(join(workspace, `generated-${size}.gatewright.json`), serializeDesign(ready));
    const model = (await importModel(text, { file: name })).model!;
    // The generated model's first operation, GET on a new Lambda function.
    const probe = '/group0/resource0/1';
    designs.push({
      label: String(size),
      id: name,
      renderMillis: renderMillisOf(model, ready),
      probe,
    });
  }
  if (existsSync(GITHUB)) {
    mkdirSync(join(workspace, 'github'));
    copyFileSync(GITHUB, join(workspace, 'github', 'api.github.json'));
    const model = (await importModel(readFileSync(GITHUB, 'utf8'), { file: 'api.github.json' }))
      .model!;
    const design = createDesign(model, { pattern: 'mock-all', modelPath: 'api.github.json' });
    writeFileSync(join(workspace, 'github', 'api.github.gatewright.json'), serializeDesign(design));
    designs.push({
      label: `GitHub ${model.operations.length}`,
      id: 'github/api.github.json',
      renderMillis: renderMillisOf(model, design),
      // A documented 200 mock.
      probe: '/meta',
    });
  } else {
    console.log(`(no ${GITHUB}: the GitHub REST row is left out)`);
  }

  const server = spawn(process.execPath, [BIN, workspace, '--port', '0'], {
    env: { ...process.env, GATEWRIGHT_SANDBOX_ENDPOINT: endpoint, GATEWRIGHT_SANDBOX: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(server);
  const origin = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /Open (http:\/\/[^\s/]+)/.exec(printed)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${printed}`)));
  });
  const page = await (await fetch(`${origin}/`)).text();
  const token = /<meta name="gatewright-token" content="([^"]+)">/.exec(page)?.[1];
  if (!token) throw new Error('the served page carries no token');
  const post = (path: string, body: unknown) =>
    fetch(origin + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gatewright-token': token },
      body: JSON.stringify(body),
    });

  console.log(
    'operations  render ms  change set ms  run ms  first answer ms  click to callable ms',
  );
  for (const { label, id, renderMillis, probe } of designs) {
    const base = `/api/designs/${encodeURIComponent(id)}`;
    const clicked = performance.now();
    const made = await post(`${base}/deploy/change-set`, { target: 'sandbox' });
    if (!made.ok) throw new Error(`change set: ${made.status} ${await made.text()}`);
    const { changeSetId } = (await made.json()) as { changeSetId: string };
    const changeSetDone = performance.now();
    const run = await post(`${base}/deploy/execute`, { changeSetId });
    if (run.status !== 202) throw new Error(`execute: ${run.status} ${await run.text()}`);
    const stream = await (await fetch(`${origin}${base}/deploy/events`)).text();
    const done = JSON.parse(/event: done\ndata: (.*)/.exec(stream)?.[1] ?? 'null') as {
      result: { outcome: string; invokeUrl?: string; failure?: { reason: string } };
    } | null;
    if (done?.result.outcome !== 'succeeded')
      throw new Error(`the deploy of ${label} failed: ${JSON.stringify(done?.result.failure)}`);
    const ran = performance.now();
    await until(async () => {
      const answer = await post(`${base}/try`, { method: 'GET', path: probe });
      return answer.ok && ((await answer.json()) as { status: number }).status === 200;
    }, 'the first answer');
    const callable = performance.now();
    console.log(
      [
        label.padStart(10),
        renderMillis.toFixed(1).padStart(9),
        (changeSetDone - clicked).toFixed(0).padStart(13),
        (ran - changeSetDone).toFixed(0).padStart(6),
        (callable - ran).toFixed(0).padStart(15),
        (callable - clicked).toFixed(0).padStart(19),
      ].join('  '),
    );
  }
} finally {
  stopAll();
}
