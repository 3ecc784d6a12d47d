import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, realpath, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTempFileName } from './atomic-write';
import { STORE_FOLDER } from './design-ids';
import { FileDesignStore, type FileDesignStoreOptions } from './file-design-store';
import { recoverJournals } from './journal';
import { pruneTrash } from './trash';
import { lockWorkspace } from './workspace-lock';
import { scanWorkspace } from './scan-workspace';
import { isMissing } from './workspace-paths';

/** `openWorkspace`'s options: the store's, and whether to seed the sample. */
export interface OpenWorkspaceOptions extends Omit<FileDesignStoreOptions, 'onClose'> {
  /**
   * Copy the sample design (`petstore/`) into the workspace when it holds
   * nothing yet, as the default workspace is on first start.
   * @default false: a folder the user names is theirs, and is not written to unasked
   */
  seedSample?: boolean;
}

/**
 * Opens a folder as a workspace, creating it when missing: claims it for this
 * process (see `lockWorkspace`; `close` gives it up), finishes any save a crash
 * interrupted (see `commitAtomically`), deletes temp files such a crash left,
 * and seeds the sample when asked.
 *
 * @throws WorkspaceBusyError when another running process has it open
 */
export async function openWorkspace(
  root: string,
  options: OpenWorkspaceOptions = {},
): Promise<FileDesignStore> {
  await mkdir(root, { recursive: true });
  const real = await realpath(root);
  const release = await lockWorkspace(real);
  try {
    await recoverJournals(real);
    await pruneTrash(real);
    // With every journal finished, no temp file is part of a save any more. (A backup
    // interrupted mid-write lacks its manifest; the design's next save prunes its folder.)
    const storeTemps = (
      await readdir(join(real, STORE_FOLDER), { recursive: true }).catch(() => [])
    )
      .filter((path) => isTempFileName(basename(path)))
      .map((path) => join(real, STORE_FOLDER, path));
    for (const temp of [...(await scanWorkspace(real)).temps, ...storeTemps]) {
      await unlink(temp).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
    }
    if (options.seedSample && (await isEmpty(real))) await seedSample(real);
  } catch (error) {
    await release();
    throw error;
  }
  return new FileDesignStore(real, { ...options, onClose: release });
}

/** Opens the user's default workspace (see `defaultWorkspaceRoot`), seeded with the sample on first use. */
export function openDefaultWorkspace(
  options: Omit<OpenWorkspaceOptions, 'seedSample'> = {},
): Promise<FileDesignStore> {
  return openWorkspace(defaultWorkspaceRoot(), { ...options, seedSample: true });
}

/**
 * The default workspace, in the user's data folder: `$XDG_DATA_HOME/gatewright/workspace`
 * (else `~/.local/share/...`) on Linux and other Unixes,
 * `~/Library/Application Support/gatewright/workspace` on macOS,
 * `%APPDATA%\gatewright\workspace` on Windows.
 */
export function defaultWorkspaceRoot(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  // The platform's own path rules, so the answer for another platform can be tested here.
  const { join: joinPath, isAbsolute } = platform === 'win32' ? win32 : posix;
  if (platform === 'darwin')
    return joinPath(home, 'Library', 'Application Support', 'gatewright', 'workspace');
  if (platform === 'win32')
    return joinPath(env.APPDATA || joinPath(home, 'AppData', 'Roaming'), 'gatewright', 'workspace');
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const dataHome =
    env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : joinPath(home, '.local', 'share');
  return joinPath(dataHome, 'gatewright', 'workspace');
}

/**
 * The folder holding the sample design (`openapi.yaml` and its design file),
 * found from where `@gatewright/core` resolves, and failing that from this file's place in the repository.
 */
export function sampleFolder(): string {
  const candidates: string[] = [];
  try {
    // `@gatewright/core` resolves to its `src/index.ts`; the samples sit beside `src/`.
    candidates.push(
      fileURLToPath(new URL('../samples/petstore/', import.meta.resolve('@gatewright/core'))),
    );
  } catch {
    // Runtimes without import.meta.resolve fall through to the repository layout.
  }
  candidates.push(
    join(dirname(fileURLToPath(import.meta.url)), '../../../../packages/core/samples/petstore'),
  );
  const found = candidates.find((folder) => existsSync(join(folder, 'openapi.yaml')));
  if (!found) throw new Error(`the sample design is not at ${candidates.join(' or ')}`);
  return found;
}

async function isEmpty(root: string): Promise<boolean> {
  return (await readdir(root)).every((name) => name === STORE_FOLDER);
}

async function seedSample(root: string): Promise<void> {
  const from = sampleFolder();
  const to = join(root, 'petstore');
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) await copyFile(join(from, name), join(to, name));
}
