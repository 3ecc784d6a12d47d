import { randomBytes } from 'node:crypto';
import { readFile, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDirectory, isTempFileName, makeFolders, writeFileAtomic } from './atomic-write';
import { STORE_FOLDER } from './design-ids';
import { isMissing } from './workspace-paths';

/** A set of renames and deletions that must happen all together or not at all. */
export interface JournalEntry {
  /** Paths relative to the workspace root, `/`-separated. */
  moves: { from: string; to: string }[];
  removes: string[];
}

/**
 * Makes several file changes atomic as a group (a redo journal): the caller has
 * written every new file under a temp name and flushed it; this writes the
 * journal atomically (the commit point), performs the renames and deletions,
 * flushes the folders, then deletes the journal. A crash before the journal
 * exists leaves the old files; after, `recoverJournals` finishes the job, so
 * the new files appear together. Each step can be repeated safely: a move whose
 * source is gone was already made.
 */
export async function commitAtomically(root: string, entry: JournalEntry): Promise<void> {
  const folder = journalFolder(root);
  await makeFolders(folder);
  const file = join(folder, `${Date.now()}-${randomBytes(4).toString('hex')}.json`);
  await writeFileAtomic(file, JSON.stringify(entry));
  await apply(root, entry);
  await unlink(file);
}

/**
 * Finishes every change group a crashed process committed but did not complete,
 * oldest first. Run before the workspace is read.
 */
export async function recoverJournals(root: string): Promise<void> {
  const folder = journalFolder(root);
  let all: string[];
  try {
    all = await readdir(folder);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  // A journal's own temp file is from a crash before the commit point: that save did not happen.
  for (const name of all.filter(isTempFileName)) await unlink(join(folder, name));
  const names = all.filter((name) => name.endsWith('.json')).sort();
  for (const name of names) {
    const file = join(folder, name);
    const entry = parseEntry(await readFile(file, 'utf8'));
    // Journals are written atomically, so one that does not parse was not written by this store.
    if (entry) await apply(root, entry);
    await unlink(file);
  }
  if (all.length > 0) await fsyncDirectory(folder);
}

async function apply(root: string, entry: JournalEntry): Promise<void> {
  const touched = new Set<string>();
  const at = (relative: string) => join(root, ...relative.split('/'));
  for (const { from, to } of entry.moves) {
    await makeFolders(dirname(at(to)));
    try {
      await rename(at(from), at(to));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    touched.add(dirname(at(from))).add(dirname(at(to)));
  }
  for (const path of entry.removes) {
    await unlink(at(path)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
    touched.add(dirname(at(path)));
  }
  for (const folder of touched) await fsyncDirectory(folder);
}

function parseEntry(text: string): JournalEntry | undefined {
  try {
    const value = JSON.parse(text) as JournalEntry;
    const isPath = (p: unknown) => typeof p === 'string' && !p.split('/').includes('..');
    const sound =
      Array.isArray(value.moves) &&
      Array.isArray(value.removes) &&
      value.moves.every((m) => isPath(m.from) && isPath(m.to)) &&
      value.removes.every(isPath);
    return sound ? value : undefined;
  } catch {
    return undefined;
  }
}

function journalFolder(root: string): string {
  return join(root, STORE_FOLDER, 'journal');
}
