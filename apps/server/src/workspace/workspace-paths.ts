import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative as relativePath, sep } from 'node:path';
import type { StoreResult } from './design-store';

/**
 * The absolute path of a workspace-relative, already checked (`checkDesignId`)
 * path, refused when a symlink on the way leads out of the workspace: the
 * deepest part that exists must resolve inside `root`. `root` must itself be a
 * real path (see `openWorkspace`). A file that exists is given by its real
 * path, so a save through a symlink replaces the file it points at and keeps the link.
 */
export async function resolveInside(root: string, relative: string): Promise<StoreResult<string>> {
  const absolute = join(root, ...relative.split('/'));
  let existing = absolute;
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch (error) {
      if (!isMissing(error)) throw error;
      const parent = dirname(existing);
      if (parent === existing) break;
      existing = parent;
    }
  }
  let real: string;
  try {
    real = await realpath(existing);
  } catch (error) {
    // A dangling symlink: where it points cannot be checked, so it is not followed.
    if (isMissing(error)) return outside(relative, 'is a symlink to nothing');
    throw error;
  }
  if (!isInside(root, real)) return outside(relative, `leads to ${real} through a symlink`);
  if (existing !== absolute && !(await stat(real)).isDirectory()) {
    const file = relativeName(root, real);
    return {
      ok: false,
      error: {
        code: 'invalid-id',
        message: `"${relative}" goes through ${file}, which is a file, not a folder; choose another path`,
      },
    };
  }
  return { ok: true, value: existing === absolute ? real : absolute };
}

/** Whether a real path is the root or below it. */
export function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Whether an error is the file system's "no such file or folder". */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function outside(relative: string, why: string): StoreResult<string> {
  return {
    ok: false,
    error: {
      code: 'invalid-id',
      message: `"${relative}" ${why}, outside the workspace; only files inside it can be designs`,
    },
  };
}

function relativeName(root: string, path: string): string {
  return relativePath(root, path).split(sep).join('/');
}
