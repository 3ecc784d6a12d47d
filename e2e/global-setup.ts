import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertChromiumInstalled } from './chromium';
import { LARGE, largeModel } from './fixtures/large-model';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVER_START_MILLIS = 30_000;
const SERVER_STOP_MILLIS = 10_000;
// The first start of ministack compiles its Python files.
const SANDBOX_START_MILLIS = 60_000;
const MINISTACK = join(root, '.venv/bin/ministack');

/**
 * Builds the web app, then starts the real server (`gatewright <workspace>
 * --port <free>`) on a temp workspace holding the sample and the designs in
 * `fixtures/workspace/`, and a generated 1,000-operation model (`LARGE`), and hands its origin
 * to the tests as GATEWRIGHT_URL. The server gets a sandbox of its own on a
 * free port (`GATEWRIGHT_SANDBOX_ENDPOINT`), which it starts from `.venv` and
 * stops as it stops; setup waits until the sandbox answers. Returns the
 * teardown: stop the server (and so the sandbox), remove the workspace.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  if (!existsSync(MINISTACK))
    throw new Error(
      'The deploy tests need the sandbox: run `node scripts/python-env.mjs` in the project folder (it makes .venv with ministack).',
    );
  buildWebApp();

  const workspace = mkdtempSync(join(tmpdir(), 'gatewright-e2e-'));
  cpSync(join(root, 'packages/core/samples/petstore'), join(workspace, 'petstore'), {
    recursive: true,
  });
  cpSync(join(root, 'e2e/fixtures/workspace'), workspace, { recursive: true });
  const largeFile = join(workspace, LARGE.designId);
  mkdirSync(join(largeFile, '..'), { recursive: true });
  writeFileSync(largeFile, largeModel(LARGE.operationCount));
  const port = await freePort();
  const sandboxEndpoint = `http://127.0.0.1:${await freePort()}`;
  const server = spawn(
    process.execPath,
    [join(root, 'apps/server/bin/gatewright.js'), workspace, '--port', String(port)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own sandbox, started by the server even where GATEWRIGHT_SANDBOX=off is set.
      env: {
        ...process.env,
        GATEWRIGHT_SANDBOX: 'on',
        GATEWRIGHT_SANDBOX_ENDPOINT: sandboxEndpoint,
      },
    },
  );
  try {
    process.env['GATEWRIGHT_URL'] = await serverOrigin(server);
    await sandboxReady(sandboxEndpoint);
    // For tests that change files behind the app's back, as another editor would.
    process.env['GATEWRIGHT_WORKSPACE'] = workspace;
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(workspace, { recursive: true, force: true });
    throw error;
  }

  return async () => {
    await stop(server);
    rmSync(workspace, { recursive: true, force: true });
  };
}

function buildWebApp(): void {
  const vite = join(root, 'apps/web/node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'apps/web'),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`building apps/web failed (exit ${result.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Resolves once the server's sandbox answers its health check. */
async function sandboxReady(endpoint: string): Promise<void> {
  const deadline = Date.now() + SANDBOX_START_MILLIS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${endpoint}/_ministack/health`, {
        signal: AbortSignal.timeout(1000),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server's sandbox did not answer at ${endpoint} in time`);
}

/** The origin from the server's `Open http://...` line, once it is listening. */
function serverOrigin(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in time:\n${output}`)),
      SERVER_START_MILLIS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/[^/\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill('SIGKILL'), SERVER_STOP_MILLIS);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}
