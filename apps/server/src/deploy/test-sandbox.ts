import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { MINISTACK_BIN, PYTHON_ENV_COMMAND, startSandbox, type StartedSandbox } from './sandbox';

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A real ministack of the test's own on a free port, from the project's
 * `.venv`. Fails (never skips) when `.venv` is missing, naming the command
 * that makes it: CI must run these tests.
 */
export async function startTestSandbox(): Promise<StartedSandbox> {
  if (!existsSync(MINISTACK_BIN))
    throw new Error(
      `These tests need the sandbox: run \`${PYTHON_ENV_COMMAND}\` in the project folder (it makes .venv with ministack).`,
    );
  return startSandbox(`http://127.0.0.1:${await freePort()}`, { timeoutMillis: 60_000 });
}
