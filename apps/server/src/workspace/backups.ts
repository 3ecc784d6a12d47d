import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFolders, writeFileAtomic } from './atomic-write';
import { STORE_FOLDER } from './design-ids';
import type { DesignId, Revision } from './design-store';
import { isMissing } from './workspace-paths';

/** How many previous revisions are kept per design. */
export const BACKUPS_KEPT = 20;

/** A previous revision of a design, kept under `.gatewright/backups/<id>/`. */
export interface Backup {
  id: DesignId;
  revision: Revision;
  /** ISO 8601 time the revision was replaced. */
  replacedAt: string;
  /** Absolute path of the kept model file. */
  modelPath: string;
  /** Absolute path of the kept design file; absent when the revision had none. */
  designPath?: string;
}

interface Manifest {
  id: DesignId;
  revision: Revision;
  replacedAt: string;
  modelFile: string;
  designFile?: string;
}

let sequence = 0;

/**
 * Keeps a revision that is about to be replaced, then drops all but the newest
 * `BACKUPS_KEPT`. The manifest is written last: a folder without one is an
 * interrupted backup and is ignored (and pruned).
 */
export async function keepBackup(
  root: string,
  backup: {
    id: DesignId;
    revision: Revision;
    model: { name: string; bytes: Uint8Array };
    design?: { name: string; bytes: Uint8Array };
  },
  now: Date,
): Promise<void> {
  const folder = backupsFolder(root, backup.id);
  // Sorts by time, then by order within the process for saves in the same millisecond.
  const name = `${String(now.getTime()).padStart(15, '0')}-${String(sequence++ % 1e6).padStart(6, '0')}-${backup.revision}`;
  const target = join(folder, name);
  await makeFolders(target);
  await writeFileAtomic(join(target, backup.model.name), backup.model.bytes);
  if (backup.design) await writeFileAtomic(join(target, backup.design.name), backup.design.bytes);
  const manifest: Manifest = {
    id: backup.id,
    revision: backup.revision,
    replacedAt: now.toISOString(),
    modelFile: backup.model.name,
    ...(backup.design ? { designFile: backup.design.name } : {}),
  };
  await writeFileAtomic(join(target, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await prune(folder);
}

/** The kept revisions of a design, newest first. */
export async function listBackups(root: string, id: DesignId): Promise<Backup[]> {
  const folder = backupsFolder(root, id);
  const backups: Backup[] = [];
  for (const name of (await entryNames(folder)).reverse()) {
    const manifest = await readManifest(join(folder, name));
    if (!manifest) continue;
    backups.push({
      id: manifest.id,
      revision: manifest.revision,
      replacedAt: manifest.replacedAt,
      modelPath: join(folder, name, manifest.modelFile),
      ...(manifest.designFile ? { designPath: join(folder, name, manifest.designFile) } : {}),
    });
  }
  return backups;
}

async function prune(folder: string): Promise<void> {
  const names = await entryNames(folder);
  const complete: string[] = [];
  for (const name of names) {
    if (await readManifest(join(folder, name))) complete.push(name);
  }
  const keep = new Set(complete.slice(-BACKUPS_KEPT));
  // The newest folder may be another save's backup still being written: leave it.
  const newest = names.at(-1);
  for (const name of names) {
    if (!keep.has(name) && name !== newest)
      await rm(join(folder, name), { recursive: true, force: true });
  }
}

async function readManifest(folder: string): Promise<Manifest | undefined> {
  try {
    const value = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
    return typeof value.revision === 'string' && typeof value.modelFile === 'string'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

async function entryNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && /^\d{15}-\d{6}-/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function backupsFolder(root: string, id: DesignId): string {
  return join(root, STORE_FOLDER, 'backups', ...id.split('/'));
}
