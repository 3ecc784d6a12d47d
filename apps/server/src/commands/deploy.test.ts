import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopDesign } from '../deploy/__fixtures__/shop-design';
import type { StartedSandbox } from '../deploy/sandbox';
import { startTestSandbox } from '../deploy/test-sandbox';

const BIN = fileURLToPath(new URL('../../bin/gatewright.js', import.meta.url));

let sandbox: StartedSandbox;
let folder: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = mkdtempSync(join(tmpdir(), 'gatewright-deploy-cli-'));
  copyFileSync(
    new URL('../deploy/__fixtures__/shop.yaml', import.meta.url),
    join(folder, 'shop.yaml'),
  );
  const unreachable = 'http://127.0.0.1:9';
  writeFileSync(
    join(folder, 'shop.gatewright.json'),
    JSON.stringify(shopDesign(unreachable, unreachable)),
  );
}, 90_000);

afterAll(async () => {
  await sandbox?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Runs `gatewright ...args` against the test's sandbox, with no terminal. */
function gatewright(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GATEWRIGHT_SANDBOX_ENDPOINT: sandbox.endpoint },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('gatewright deploy and destroy', () => {
  it('asks for approval, which needs --yes without a terminal', async () => {
    const run = await gatewright('deploy', join(folder, 'shop.yaml'));
    expect(run.stdout).toMatch(
      /Change set for stack gatewright-shop-[0-9a-f]{8} \(new stack\): 6 to add/,
    );
    expect(run.stderr).toContain('Not deployed: approve with --yes');
    expect(run.code).toBe(1);
  });

  it('deploys with --yes: the changes, the events, the outputs and the URL; then destroys', async () => {
    const run = await gatewright('deploy', join(folder, 'shop.yaml'), '--yes');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Add {5}Api +AWS::ApiGateway::RestApi/);
    expect(run.stdout).toMatch(/\[6\/6\] CREATE_COMPLETE +gatewright-shop-/);
    const url = /Call it at (\S+)/.exec(run.stdout)?.[1];
    expect(url).toBeDefined();
    const pet = await fetch(`${url}/pets/1`);
    expect(await pet.json()).toEqual({ id: 7, name: 'Rex' });

    const destroyed = await gatewright('destroy', join(folder, 'shop.yaml'));
    expect(destroyed.code).toBe(0);
    expect(destroyed.stderr).toMatch(/Deleted gatewright-shop-/);
  });

  it('refuses an unknown target as a usage mistake', async () => {
    const run = await gatewright('deploy', join(folder, 'shop.yaml'), '--target', 'mars');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--target must be sandbox or aws, not mars');
  });
});
