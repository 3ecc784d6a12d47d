import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFileName } from './atomic-write';
import { designFileFor } from '@gatewright/core';
import { checkDesignId, isDesignFileName, isModelFileName } from './design-ids';
import { isMissing } from './workspace-paths';

/** What a walk of the workspace finds. */
export interface WorkspaceScan {
  /** Files that could be models (valid ids with a model extension), with whether their design file is beside them. */
  candidates: { id: string; hasDesign: boolean }[];
  /** Temp files left by a process that died mid-write (absolute paths). */
  temps: string[];
}

/** Folders below this depth are not scanned: a deeper tree is almost surely generated, not designs. */
const MAX_DEPTH = 24;

/**
 * Walks the workspace for model files, skipping dot-folders (the store's own
 * `.gatewright/`, `.git/`), `node_modules/` and symlinks (a link inside the
 * workspace would list a design twice; one leading out is not the workspace's).
 * Ids come out sorted.
 */
export async function scanWorkspace(root: string): Promise<WorkspaceScan> {
  const candidates: WorkspaceScan['candidates'] = [];
  const temps: string[] = [];
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      // A folder removed while the walk ran, or one this user may not read.
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EACCES') return;
      throw error;
    }
    const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const id = prefix + entry.name;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules' || depth >= MAX_DEPTH)
          continue;
        await walk(join(folder, entry.name), id + '/', depth + 1);
      } else if (entry.isFile()) {
        if (isTempFileName(entry.name)) temps.push(join(folder, entry.name));
        else if (
          isModelFileName(entry.name) &&
          !isDesignFileName(entry.name) &&
          checkDesignId(id).ok
        )
          candidates.push({ id, hasDesign: files.has(designFileFor(entry.name)) });
      }
    }
  };
  await walk(root, '', 0);
  return { candidates, temps };
}

/**
 * Whether a file's text is an OpenAPI or Swagger description: a JSON object,
 * or YAML with a top-level key, named `openapi` or `swagger`. Cheap on YAML (a
 * column-0 key found by a regular expression), so a scan need not parse every file.
 */
export function looksLikeApiModel(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*\{/.test(body)) {
    try {
      const value: unknown = JSON.parse(body);
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        ('openapi' in value || 'swagger' in value)
      );
    } catch {
      return false;
    }
  }
  return /^(["']?)(openapi|swagger)\1[ \t]*:/m.test(body);
}
