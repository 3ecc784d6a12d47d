// Prints requests per second and p50/p99 latency of the running server
// validating and rendering a 200-operation design, on 1 connection and on 16,
// measured with autocannon over loopback. Figures, not a test: `pnpm bench:server`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeDesign } from '@gatewright/core';
import autocannon from 'autocannon';
import { generateModel } from './generate-model';

const OPERATIONS = 200;
const SECONDS = 5;
const CONNECTIONS = [1, 16];
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'apps', 'server', 'bin', 'gatewright.js');

const workspace = mkdtempSync(join(tmpdir(), 'gatewright-bench-'));
const { text, design } = generateModel(OPERATIONS);
writeFileSync(join(workspace, 'generated.json'), text);
writeFileSync(join(workspace, 'generated.gatewright.json'), serializeDesign(design));

// The real command in its own process, so the load generator does not share its event loop.
const server = spawn(process.execPath, [BIN, join(workspace, 'generated.json'), '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stopServer = () => {
  server.kill('SIGTERM');
  rmSync(workspace, { recursive: true, force: true });
};

try {
  const origin = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /Open (http:\/\/[^\s/]+)/.exec(printed)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${printed}`)));
  });
  // The token a page would carry, read the way the page gets it.
  const page = await (await fetch(`${origin}/`)).text();
  const token = /<meta name="gatewright-token" content="([^"]+)">/.exec(page)?.[1];
  if (!token) throw new Error('the served page carries no token');

  const design = `${origin}/api/designs/generated.json`;
  const cases = [
    { name: 'validate', url: `${design}/validate`, method: 'POST' as const },
    { name: 'render (OpenAPI JSON)', url: `${design}/openapi?format=json`, method: 'GET' as const },
  ];
  const headers = { 'x-gatewright-token': token, 'accept-encoding': 'gzip' };

  console.log(
    `server: ${OPERATIONS}-operation design, ${(text.length / 1e3).toFixed(0)} kB model, ${SECONDS} s per row, gzip accepted, loopback`,
  );
  console.log(
    `  ${'route'.padEnd(24)} ${'conns'.padStart(5)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`,
  );
  for (const { name, url, method } of cases) {
    const warm = await fetch(url, { method, headers });
    if (!warm.ok) throw new Error(`${method} ${url}: ${warm.status} ${await warm.text()}`);
    for (const connections of CONNECTIONS) {
      const result = await autocannon({ url, method, headers, connections, duration: SECONDS });
      console.log(
        `  ${name.padEnd(24)} ${String(connections).padStart(5)} ${result.requests.average.toFixed(1).padStart(9)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(result.non2xx + result.errors).padStart(8)}`,
      );
    }
  }
} finally {
  stopServer();
}
