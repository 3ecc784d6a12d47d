import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sandbox's fixed region: ministack answers for one region at a time. */
export const SANDBOX_REGION = 'us-east-1';

/** Ministack accepts any credentials; these keep the SDK from looking for real ones. */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

/** The command that makes the project's `.venv` with ministack in it. */
export const PYTHON_ENV_COMMAND = 'node scripts/python-env.mjs';

/** The ministack executable in the project's virtual environment. */
export const MINISTACK_BIN = fileURLToPath(
  new URL('../../../../.venv/bin/ministack', import.meta.url),
);

/** The sandbox endpoint: `GATEWRIGHT_SANDBOX_ENDPOINT`, else ministack's usual port on the loopback. */
export function sandboxEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GATEWRIGHT_SANDBOX_ENDPOINT ?? 'http://127.0.0.1:4566').replace(/\/+$/, '');
}

/** Why the sandbox cannot be reached, in words that say how to fix it. */
export function sandboxDownMessage(endpoint: string): string {
  return `The sandbox (ministack) is not running at ${endpoint}. Start it with \`gatewright deploy\` (which starts it), by starting the designer with \`pnpm start\`, or by hand: GATEWAY_PORT=${new URL(endpoint).port || '4566'} BIND_HOST=127.0.0.1 .venv/bin/ministack (make .venv first with \`${PYTHON_ENV_COMMAND}\`).`;
}

/**
 * Whether ministack answers its health check at `endpoint` within
 * `timeoutMillis`: a closed port or a hung process both read as "not running".
 */
export async function isRunning(endpoint: string, timeoutMillis = 1500): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/_ministack/health`, {
      signal: AbortSignal.timeout(timeoutMillis),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** A sandbox this process started; `stop()` ends it and waits for it to exit. */
export interface StartedSandbox {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartSandboxOptions {
  /** @default MINISTACK_BIN */
  bin?: string;
  /** @default 30 seconds: the first start compiles Python files */
  timeoutMillis?: number;
  /** Abandons the start: ministack is stopped and the start rejects. */
  signal?: AbortSignal;
  /**
   * Keep ministack running after this process exits (the CLI: what it
   * deployed stays callable). @default false: it ends with this process
   */
  detached?: boolean;
}

/** Ministack could not be started; the message says why and what to do. */
export class SandboxStartError extends Error {}

/**
 * Starts ministack from the project's `.venv`, bound to 127.0.0.1 on the
 * endpoint's port, and resolves once it answers its health check.
 */
export async function startSandbox(
  endpoint: string,
  options: StartSandboxOptions = {},
): Promise<StartedSandbox> {
  const bin = options.bin ?? MINISTACK_BIN;
  if (!existsSync(bin))
    throw new SandboxStartError(
      `The sandbox is not installed (${bin} is missing). Run \`${PYTHON_ENV_COMMAND}\` in the project folder once, then try again.`,
    );
  const url = new URL(endpoint);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
    throw new SandboxStartError(
      `${endpoint} is not on this machine, so Gatewright cannot start a sandbox there; start it there, or unset GATEWRIGHT_SANDBOX_ENDPOINT.`,
    );
  const [command, args] = options.detached ? [bin, []] : diesWithParent(bin);
  const child = spawn(command, args, {
    detached: options.detached === true,
    env: {
      ...process.env,
      BIND_HOST: '127.0.0.1',
      GATEWAY_PORT: url.port || '4566',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARNING',
    },
    stdio: ['ignore', 'ignore', options.detached ? 'ignore' : 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + (options.timeoutMillis ?? 30_000);
  while (Date.now() < deadline) {
    if (options.signal?.aborted) {
      child.kill('SIGTERM');
      await exited;
      throw new SandboxStartError('The sandbox start was abandoned.');
    }
    if (child.exitCode !== null)
      throw new SandboxStartError(
        `The sandbox stopped as it started (exit code ${child.exitCode}): ${output.trim() || 'no output'}`,
      );
    if (await isRunning(endpoint, 500)) {
      if (options.detached) child.unref();
      return started(endpoint, child, exited);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new SandboxStartError(
    `The sandbox did not answer at ${endpoint} within ${Math.round((options.timeoutMillis ?? 30_000) / 1000)} s: ${output.trim() || 'no output'}`,
  );
}

// PR_SET_PDEATHSIG survives exec: the kernel sends ministack SIGTERM when this
// process dies, even by SIGKILL, so a killed server never leaves it running.
const EXEC_WITH_PARENT_DEATH_SIGNAL =
  'import ctypes,os,sys;ctypes.CDLL(None).prctl(1,15);os.execv(sys.argv[1],sys.argv[1:])';

/** The command that runs `bin` so that it ends with this process (Linux); elsewhere `bin` itself. */
function diesWithParent(bin: string): [string, string[]] {
  const python = join(dirname(bin), 'python');
  if (process.platform !== 'linux' || !existsSync(python)) return [bin, []];
  return [python, ['-c', EXEC_WITH_PARENT_DEATH_SIGNAL, bin]];
}

function started(
  endpoint: string,
  child: ChildProcess,
  exited: Promise<number | null>,
): StartedSandbox {
  return {
    endpoint,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The sandbox at `endpoint`, started when it is not running. `started` is
 * set only when this call started it: whoever started it stops it.
 */
export async function ensureSandbox(
  endpoint: string,
  options: StartSandboxOptions = {},
): Promise<{ started?: StartedSandbox }> {
  if (await isRunning(endpoint)) return {};
  return { started: await startSandbox(endpoint, options) };
}
