import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFolders, writeFileAtomic } from './atomic-write';
import { isTrashId, STORE_FOLDER } from './design-ids';
import type { DesignId, Revision, TrashEntry } from './design-store';
import { commitAtomically } from './journal';
import { isMissing } from './workspace-paths';

/** What `.gatewright/trash/<trashId>/manifest.json` records about a removed design. */
export interface TrashManifest extends TrashEntry {
  revision: Revision;
  /** Names of the files kept in the entry's folder. */
  modelFile: string;
  designFile?: string;
}

const TRASH = `${STORE_FOLDER}/trash`;

/**
 * Moves a design's files into a new trash folder. The manifest is written
 * first; the two moves then happen together (see `commitAtomically`), so a
 * crash leaves the design either in place or whole in the trash.
 */
export async function moveToTrash(
  root: string,
  design: {
    id: DesignId;
    name: string;
    revision: Revision;
    designFile?: string;
  },
  now: Date,
): Promise<TrashEntry> {
  const trashId = `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
  const folder = `${TRASH}/${trashId}`;
  const modelName = design.id.split('/').at(-1)!;
  const designName = design.designFile?.split('/').at(-1);
  const manifest: TrashManifest = {
    trashId,
    id: design.id,
    name: design.name,
    deletedAt: now.toISOString(),
    revision: design.revision,
    modelFile: modelName,
    ...(designName ? { designFile: designName } : {}),
  };
  await makeFolders(join(root, ...folder.split('/')));
  await writeFileAtomic(
    join(root, ...folder.split('/'), 'manifest.json'),
    JSON.stringify(manifest, null, 2) + '\n',
  );
  await commitAtomically(root, {
    moves: [
      { from: design.id, to: `${folder}/${modelName}` },
      ...(design.designFile && designName
        ? [{ from: design.designFile, to: `${folder}/${designName}` }]
        : []),
    ],
    removes: [],
  });
  return { trashId, id: design.id, name: design.name, deletedAt: manifest.deletedAt };
}

/** The trash entry's manifest, when the entry exists and holds its model file. */
export async function readTrashEntry(
  root: string,
  trashId: string,
): Promise<TrashManifest | undefined> {
  if (!isTrashId(trashId)) return undefined;
  const folder = join(root, ...TRASH.split('/'), trashId);
  try {
    const manifest = JSON.parse(
      await readFile(join(folder, 'manifest.json'), 'utf8'),
    ) as TrashManifest;
    if (manifest.trashId !== trashId || typeof manifest.id !== 'string') return undefined;
    // A manifest without its model is a removal that did not happen (a crash before the moves).
    await stat(join(folder, manifest.modelFile));
    return manifest;
  } catch {
    return undefined;
  }
}

/** Every design in the trash, most recently deleted first. */
export async function listTrash(root: string): Promise<TrashEntry[]> {
  let names: string[];
  try {
    names = await readdir(join(root, ...TRASH.split('/')));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const entries: TrashEntry[] = [];
  for (const name of names) {
    const manifest = await readTrashEntry(root, name);
    if (manifest) {
      const { trashId, id, name: apiName, deletedAt } = manifest;
      entries.push({ trashId, id, name: apiName, deletedAt });
    }
  }
  return entries.sort((a, b) =>
    a.deletedAt === b.deletedAt
      ? a.trashId.localeCompare(b.trashId)
      : a.deletedAt < b.deletedAt
        ? 1
        : -1,
  );
}

/**
 * Moves a trash entry's files back to the design's place (the caller has
 * checked that it is free) and deletes the entry.
 */
export async function restoreFromTrash(
  root: string,
  manifest: TrashManifest,
  designFile: string,
): Promise<void> {
  const folder = `${TRASH}/${manifest.trashId}`;
  await commitAtomically(root, {
    moves: [
      { from: `${folder}/${manifest.modelFile}`, to: manifest.id },
      ...(manifest.designFile
        ? [{ from: `${folder}/${manifest.designFile}`, to: designFile }]
        : []),
    ],
    removes: [],
  });
  await rm(join(root, ...folder.split('/')), { recursive: true, force: true });
}

/**
 * Deletes trash folders that hold no removed design: one whose removal crashed
 * before its files moved, or whose restore crashed after they moved back. Run
 * after `recoverJournals`, which finishes any move that was committed.
 */
export async function pruneTrash(root: string): Promise<void> {
  const folder = join(root, ...TRASH.split('/'));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const name of names) {
    if (!(await readTrashEntry(root, name)))
      await rm(join(folder, name), { recursive: true, force: true });
  }
}
