import { randomBytes } from 'node:crypto';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeFolders } from './atomic-write';
import { STORE_FOLDER } from './design-ids';
import { isMissing } from './workspace-paths';

/** Thrown by `lockWorkspace` when another live process has the workspace open. */
export class WorkspaceBusyError extends Error {
  constructor(
    readonly root: string,
    readonly pid: number,
  ) {
    super(
      `another Gatewright (process ${pid}) has the workspace ${root} open; use that one, or stop it first. ` +
        `If no Gatewright is running, delete ${lockPath(root)}.`,
    );
    this.name = 'WorkspaceBusyError';
  }
}

/** A lock file being written is given this long before it counts as abandoned. */
const HALF_WRITTEN_MILLIS = 5_000;

/**
 * Claims a workspace for this process with `.gatewright/lock` (the process id),
 * because writes are serialised only within one process: two servers on one
 * folder could each accept a save on the same revision, and one would be lost.
 * A lock left by a process that no longer runs (a crash, `kill -9`) is taken
 * over; the same process may open its workspace again.
 *
 * @returns a function that gives the workspace up
 * @throws WorkspaceBusyError when a live process holds it
 */
export async function lockWorkspace(root: string): Promise<() => Promise<void>> {
  const path = lockPath(root);
  await makeFolders(dirname(path));
  const mine = JSON.stringify({ pid: process.pid, token: randomBytes(8).toString('hex') });
  const release = async () => {
    // Only our own lock: a process that took over a lock we lost must keep it.
    if ((await readFile(path, 'utf8').catch(() => '')) === mine)
      await unlink(path).catch(() => undefined);
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await writeFile(path, mine, { flag: 'wx' });
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      const age = await stat(path).then(
        (info) => Date.now() - info.mtimeMs,
        () => Infinity,
      );
      if (age < HALF_WRITTEN_MILLIS) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
    } else if (holder === process.pid) {
      return async () => undefined;
    } else if (isAlive(holder)) {
      throw new WorkspaceBusyError(root, holder);
    }
    await unlink(path).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }
  throw new Error(`could not lock the workspace ${root}: ${path} keeps changing`);
}

async function readHolder(path: string): Promise<number | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return 'gone';
    throw error;
  }
  try {
    const { pid } = JSON.parse(text) as { pid?: unknown };
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockPath(root: string): string {
  return join(root, STORE_FOLDER, 'lock');
}
