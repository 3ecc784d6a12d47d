// Makes the project-local Python environment (.venv) with the tools in
// tools/python/requirements.txt: the sandbox (ministack) and cfn-lint. Runs
// again only when the requirements change, so calling it before every start or
// test run costs nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const requirements = join(root, 'tools', 'python', 'requirements.txt');

/** The folder of the project's virtual environment. */
export const venv = join(root, '.venv');

/** A program installed in the project's virtual environment. */
export function venvBin(name) {
  return join(venv, process.platform === 'win32' ? 'Scripts' : 'bin', name);
}

/** Creates or updates .venv; exits the process with a message when Python is missing or pip fails. */
export function ensurePythonEnv() {
  const wanted = createHash('sha256').update(readFileSync(requirements)).digest('hex');
  const stamp = join(venv, '.requirements-sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return venv;

  const python = ['python3', 'python'].find(
    (candidate) => spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0,
  );
  if (!python)
    fail('Python 3.10 or newer is needed for the sandbox and cfn-lint; install python3.');
  if (!existsSync(venvBin('python'))) {
    console.log(`Creating the project's Python environment in ${venv}`);
    run(
      python,
      ['-m', 'venv', venv],
      'python3 -m venv failed (on Debian: apt-get install python3-venv)',
    );
  }
  console.log('Installing the Python tools (ministack, cfn-lint) into .venv');
  run(
    venvBin('python'),
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements],
    'pip could not install tools/python/requirements.txt',
  );
  writeFileSync(stamp, wanted);
  return venv;
}

function run(command, args, message) {
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  if (status !== 0) fail(message);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) ensurePythonEnv();
