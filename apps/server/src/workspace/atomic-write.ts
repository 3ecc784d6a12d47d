import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.gatewright-tmp';

/**
 * Writes a new file beside `target` under a unique hidden name and flushes it to
 * disk; renaming it over `target` then replaces the file in one step. The temp
 * name starts with a dot and does not end in a model extension, so a scan never
 * takes it for a model.
 *
 * @returns the temp file's path
 */
export async function writeTemp(target: string, data: Uint8Array | string): Promise<string> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
  // A replaced file keeps its permissions (a model only its owner may read stays so).
  const mode = await stat(target).then(
    (info) => info.mode & 0o7777,
    () => undefined,
  );
  const handle = await open(temp, 'wx', mode ?? 0o644);
  try {
    // `open` applies the umask; the old file's mode is restored exactly.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Replaces `target` with `data` so that a crash at any moment leaves either the
 * old file or the new one, never a mix: temp file in the same folder, write,
 * fsync, rename over the target, fsync the folder (which makes the rename durable).
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temp = await writeTemp(target, data);
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dirname(target));
}

/**
 * Flushes a folder's entries (new names, renames, deletions) to disk. Windows
 * cannot open a folder for this, and its renames are durable without it, so
 * refusals there are ignored.
 */
export async function fsyncDirectory(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Creates a folder and any missing parents, and makes the new names durable:
 * a file renamed into a folder that a crash then loses is lost with it.
 */
export async function makeFolders(folder: string): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first !== undefined) await fsyncDirectory(dirname(first));
}

/** Whether a file name is a temp file `writeTemp` made (left behind if a process died mid-write). */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}
