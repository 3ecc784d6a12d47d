// Installs Chromium when it is missing, then runs every check of every package
// (format, typecheck, lint, unit and browser tests) through turbo,
// then adds up the test counts that each vitest run wrote, and prints them as the
// closing line `N passed, N failed`. Exits non-zero when anything failed or when no
// test ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePythonEnv } from './python-env.mjs';

const root = new URL('..', import.meta.url).pathname;
const resultFiles = ['apps', 'packages']
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  )
  .concat(join(root, 'e2e'))
  .map((dir) => join(dir, 'test-results', 'vitest.json'));

for (const file of resultFiles) rmSync(file, { force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

// The browser tests (e2e/) run in Debian's Chromium; "installs everything" includes it.
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const install = 'apt-get update && apt-get install -y chromium';
  const asRoot = process.getuid?.() === 0;
  console.log(`Installing Chromium for the browser tests: ${asRoot ? '' : 'sudo '}${install}`);
  const status = asRoot ? run('bash', ['-c', install]) : run('sudo', ['bash', '-c', install]);
  if (status !== 0 || !existsSync(CHROMIUM)) {
    console.log(`Chromium could not be installed; run \`${install}\` as root, then this again.`);
    process.exit(1);
  }
}

// The sandbox (ministack) and cfn-lint live in the project's .venv.
ensurePythonEnv();

const formatStatus = run('node_modules/.bin/prettier', ['--check', '--log-level', 'warn', '.']);
const turboStatus = run('node_modules/.bin/turbo', [
  'run',
  'typecheck',
  'lint',
  'test',
  '--force',
  // Every package's checks run and report, not only those before the first failure.
  '--continue',
  '--output-logs=errors-only',
  '--concurrency=2',
]);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of resultFiles.filter((f) => existsSync(f))) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
}

if (formatStatus !== 0) console.log('format: files are not formatted; run `pnpm format`');
if (turboStatus !== 0) console.log('checks: typecheck, lint or tests failed (see above)');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(formatStatus !== 0 || turboStatus !== 0 || failed > 0 || passed === 0 ? 1 : 0);
