import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../main';
import { startSandboxForServer } from '../deploy/sandbox-for-server';
import { designPagePath } from '../routes/web';
import { checkDesignId } from '../workspace/design-ids';
import { UsageError } from './command';
import {
  defaultWorkspaceRoot,
  openDefaultWorkspace,
  openWorkspace,
} from '../workspace/open-workspace';

/** The built web app, when `apps/web` has been built. */
const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface ServeOptions {
  /** @default a free port */
  port?: number;
  /** Lines for the person: the URL, and how to stop. */
  print: (line: string) => void;
}

/** Where a target leads: the workspace folder, and the design to open first, if any. */
export function workspaceFor(target: string | undefined): { root: string; designId?: string } {
  if (target === undefined) return { root: defaultWorkspaceRoot() };
  const path = resolve(target);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new UsageError(`${target} does not exist: name a model file or a folder`);
  if (stats.isDirectory()) return { root: path };
  // Checked now: a URL printed for a name the server refuses would only lead to an error page.
  const checked = checkDesignId(basename(path), 'model file');
  if (!checked.ok)
    throw new UsageError(
      `${target} cannot be opened as a design: ${checked.error.message}. Rename the file, or start on its folder`,
    );
  return { root: dirname(path), designId: checked.value };
}

/**
 * `gatewright [model-or-folder] [--port N]`: one process on 127.0.0.1 serving
 * the designer for a workspace, until SIGINT or SIGTERM. Given a model file,
 * its folder is the workspace and the printed URL opens that design. Opens no
 * browser. Resolves once the server has stopped.
 */
export async function serve(target: string | undefined, options: ServeOptions): Promise<void> {
  const { root, designId } = workspaceFor(target);
  // Only the default workspace is seeded with the sample: a folder the user names is theirs.
  const store = target === undefined ? await openDefaultWorkspace() : await openWorkspace(root);
  const server = await startServer({
    store,
    ...(options.port === undefined ? {} : { port: options.port }),
    webRoot: WEB_ROOT,
  });
  const url = server.origin + (designId === undefined ? '/' : designPagePath(designId));
  options.print(`Gatewright is serving ${root}`);
  options.print(`Open ${url}`);
  options.print('Press Ctrl+C to stop.');
  const sandbox = startSandboxForServer(options.print);
  await stopOnSignal(server);
  await sandbox.stop();
}

function stopOnSignal(server: RunningServer): Promise<void> {
  return new Promise((resolveStopped, reject) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(resolveStopped, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
