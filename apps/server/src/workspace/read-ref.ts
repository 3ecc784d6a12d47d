import { readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { checkWorkspacePath, isModelFileName } from './design-ids';
import { resolveInside } from './workspace-paths';

/**
 * Reads a file a model's `$ref` names, relative to the workspace, by the rules
 * design ids follow: a YAML or JSON file inside the workspace, no dot-names
 * (`.env`, `.git/config`, the store's backups), no symlink leading out, no URL.
 * Anything else is `undefined`, which core reports as a ref it could not read.
 *
 * @param root the workspace folder as a real path
 */
export async function readWorkspaceRef(root: string, path: string): Promise<string | undefined> {
  if (typeof path !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  // `a/../b.yaml` is `b.yaml`; what is left must pass as a workspace path.
  const normal = posix.normalize(path);
  if (!checkWorkspacePath(normal).ok || !isModelFileName(normal)) return undefined;
  const resolved = await resolveInside(root, normal);
  if (!resolved.ok) return undefined;
  try {
    // A FIFO would block the read for ever; a folder has nothing to read.
    if (!(await stat(resolved.value)).isFile()) return undefined;
    return await readFile(resolved.value, 'utf8');
  } catch {
    return undefined;
  }
}
