import { existsSync } from 'node:fs';
import {
  MINISTACK_BIN,
  PYTHON_ENV_COMMAND,
  isRunning,
  sandboxEndpoint,
  startSandbox,
  type StartedSandbox,
} from './sandbox';

/**
 * Starts the sandbox in the background as the designer starts, when it is not
 * running already, so "Deploy" works at once; the server's start does not
 * wait for it. `stop()` ends it only if this call started it.
 * `GATEWRIGHT_SANDBOX=off` leaves it alone (for a sandbox run elsewhere).
 */
export function startSandboxForServer(
  print: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): { stop(): Promise<void> } {
  if (env.GATEWRIGHT_SANDBOX === 'off') return { stop: async () => {} };
  const endpoint = sandboxEndpoint(env);
  const abandon = new AbortController();
  const starting: Promise<StartedSandbox | undefined> = (async () => {
    if (await isRunning(endpoint)) return undefined;
    if (!existsSync(MINISTACK_BIN)) {
      print(
        `The sandbox is not installed; to deploy locally, run \`${PYTHON_ENV_COMMAND}\` and restart.`,
      );
      return undefined;
    }
    const sandbox = await startSandbox(endpoint, { signal: abandon.signal });
    print(`The sandbox (ministack) is running at ${endpoint}.`);
    return sandbox;
  })().catch((error: unknown) => {
    if (abandon.signal.aborted) return undefined;
    print(
      `The sandbox could not be started: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  });
  return {
    async stop() {
      abandon.abort();
      await (await starting)?.stop();
    },
  };
}
