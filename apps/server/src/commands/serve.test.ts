import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sampleFolder } from '../workspace/open-workspace';

const BIN = fileURLToPath(new URL('../../bin/gatewright.js', import.meta.url));

/** Starts `gatewright ...args`, resolves with the URL it prints. */
function start(...args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise<URL>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const printed = /Open (http:\/\/\S+)/.exec(output)?.[1];
      if (printed) resolve(new URL(printed));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, url, exited, output: () => output };
}

/** A GET with a chosen Host header, which fetch will not let us set. */
function getWithHost(url: URL, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('gatewright <model>', () => {
  it('serves the model’s folder on 127.0.0.1, prints a URL leading to the design, and stops on SIGTERM', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'gatewright-serve-'));
    onTestFinished(() => rmSync(workspace, { recursive: true, force: true }));
    cpSync(sampleFolder(), workspace, { recursive: true });
    const server = start(join(workspace, 'openapi.yaml'), '--port', '0');
    try {
      const url = await server.url;
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.pathname).toBe('/designs/openapi.yaml');

      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<meta name="gatewright-token" content="[\w-]{20,}">/);
      const design = await fetch(new URL('/api/designs/openapi.yaml', url));
      expect(design.status).toBe(200);

      expect(await getWithHost(url, 'rebound.attacker.example')).toBe(403);
      expect(await getWithHost(url, `localhost:${url.port}`)).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toMatch(/token/i);
  });

  it('refuses a path that does not exist, as a usage mistake', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, 'serve', join(tmpdir(), 'no-such-model.yaml')],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('does not exist');
  });

  it.each(['api:v1.yaml', 'notes.txt', 'api.gatewright.json'])(
    'refuses a model file named %j, which no design id may be, as a usage mistake',
    (name) => {
      const folder = mkdtempSync(join(tmpdir(), 'gatewright-serve-'));
      onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
      cpSync(join(sampleFolder(), 'openapi.yaml'), join(folder, name));
      const result = spawnSync(process.execPath, [BIN, join(folder, name), '--port', '0'], {
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(result.status).toBe(2);
      expect(result.stdout).not.toContain('Open http');
      expect(result.stderr).toContain(`model file ${JSON.stringify(name)}`);
      expect(result.stderr).toContain('Rename the file');
    },
  );
});
