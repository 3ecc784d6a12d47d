import { lstat, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import {
  createDesign,
  designFileFor,
  importModel,
  loadDesign,
  recoverDesign,
  serializeDesign,
  type ApiModel,
  type DesignDocument,
  type Diagnostic,
} from '@gatewright/core';
import { fsyncDirectory, makeFolders, writeTemp } from './atomic-write';
import { keepBackup, listBackups, type Backup } from './backups';
import { checkDesignId, isDesignFileName, isModelFileName, modelNamesFor } from './design-ids';
import type {
  BackupEntry,
  DesignChanges,
  DesignId,
  DesignStore,
  DesignSummary,
  Revision,
  StoredDesign,
  StoreError,
  StoreResult,
  TrashEntry,
} from './design-store';
import { commitAtomically, type JournalEntry } from './journal';
import { KeyedLock } from './keyed-lock';
import { readWorkspaceRef } from './read-ref';
import { revisionOf } from './revisions';
import { looksLikeApiModel, scanWorkspace } from './scan-workspace';
import { listTrash, moveToTrash, readTrashEntry, restoreFromTrash } from './trash';
import { isMissing, resolveInside } from './workspace-paths';
import { watchWorkspace, type WorkspaceChanges } from './workspace-watcher';

/** How a `FileDesignStore` behaves; the defaults suit the server. */
export interface FileDesignStoreOptions {
  /** The clock for backup and trash times. @default the system clock */
  now?: () => Date;
  /** How `watch` notices changes (see `watchWorkspace`). @default 'events' */
  watchMode?: 'events' | 'poll';
  /** Called by `close` once the last write has finished (`openWorkspace` gives up its workspace lock here). */
  onClose?: () => Promise<void>;
}

/** A design's two files as read from disk at one moment. */
interface DiskState {
  modelBytes: Buffer;
  designBytes?: Buffer;
  revision: Revision;
  modelPath: string;
  designPath: string;
  modifiedAt: string;
  /** Why the design file could not be read though something is there (a folder, no permission). */
  designProblem?: string;
}

type Listener = Parameters<DesignStore['watch']>[0];

/**
 * The workspace as files on disk (see `DesignStore`). Every read comes from the
 * files as they are now; every write is atomic (a pair of files through a redo
 * journal) and keeps the revision it replaces as a backup. Writes to one design
 * run one at a time, in order, and reads wait for them, so a reader never sees
 * half of a save.
 *
 * Open one with `openWorkspace`, which also finishes writes a crash interrupted.
 */
export class FileDesignStore implements DesignStore {
  /** The workspace folder, as a real path (symlinks resolved). */
  readonly root: string;
  readonly #lock = new KeyedLock();
  readonly #now: () => Date;
  readonly #watchMode: 'events' | 'poll';
  /** List summaries by the stat signature of both files: a summary costs a model import. */
  readonly #summaries = new Map<DesignId, { signature: string; summary: DesignSummary | null }>();
  readonly #listeners = new Set<Listener>();
  /** The last revision reported to listeners, per design; `null` when it was gone. */
  readonly #reported = new Map<DesignId, Revision | null>();
  #stopWatching?: () => void;
  #watchQueue: Promise<void> = Promise.resolve();
  #onClose?: () => Promise<void>;

  /** @param root the workspace folder; must be a real path (see `openWorkspace`) */
  constructor(root: string, options: FileDesignStoreOptions = {}) {
    this.root = root;
    this.#now = options.now ?? (() => new Date());
    this.#watchMode = options.watchMode ?? 'events';
    this.#onClose = options.onClose;
  }

  async list(): Promise<DesignSummary[]> {
    const { candidates } = await scanWorkspace(this.root);
    const sharing = new Map<string, DesignId[]>();
    for (const { id } of candidates) {
      const designFile = designFileFor(id);
      sharing.set(designFile, [...(sharing.get(designFile) ?? []), id]);
    }
    const summaries: DesignSummary[] = [];
    for (const { id, hasDesign } of candidates) {
      let summary: DesignSummary | null;
      try {
        summary = await this.#summary(id, hasDesign);
      } catch (error) {
        // One file this user may not read, or a folder where a file should be, must not hide the others.
        summary = unreadableSummary(id, (error as Error).message);
      }
      if (!summary) continue;
      const sharers = sharing.get(designFileFor(id))!.filter((other) => other !== id);
      const findings = [
        ...(summary.findings ?? []),
        ...(sharers.length > 0 ? [sharedFinding(id, sharers)] : []),
      ];
      summaries.push(findings.length > 0 ? { ...summary, findings } : summary);
    }
    return summaries;
  }

  async read(id: DesignId): Promise<StoreResult<StoredDesign>> {
    const checked = checkDesignId(id);
    if (!checked.ok) return checked;
    return this.#locked([id], async () => {
      const state = await this.#readDisk(id);
      if (!state.ok) return state;
      const design = stored(id, state.value);
      const sharers = await this.#sharers(id);
      if (sharers.length > 0) design.diagnostics.push(sharedFinding(id, sharers));
      return { ok: true, value: design };
    });
  }

  async create(input: {
    modelFile: string;
    modelText: string;
    design?: DesignDocument;
  }): Promise<StoreResult<StoredDesign>> {
    const checked = checkDesignId(input.modelFile, 'model file');
    if (!checked.ok) return checked;
    if (typeof input.modelText !== 'string')
      return invalidInput('the model text is missing; send the model file as text');
    const id = input.modelFile;
    return this.#locked([id], async () => {
      const paths = await this.#paths(id);
      if (!paths.ok) return paths;
      const taken = await existingFile(id, paths.value);
      if (taken)
        return failure({
          code: 'already-exists',
          message: `${taken} already exists in the workspace; pick another file name, or open the existing design`,
        });
      const shared = await this.#refuseShared(id);
      if (shared) return shared;
      const { model, diagnostics } = await importModel(input.modelText, {
        file: id,
        resolveRef: (path) => this.#readRef(path),
      });
      // A description that names itself one but does not parse is kept as it was
      // typed (listed like any broken model, fixed in the editor); anything else is refused.
      if (!model && !looksLikeApiModel(input.modelText))
        return invalidInput(
          `${id} is not an OpenAPI 3.x or Swagger 2.0 description; fix the findings and try again`,
          diagnostics,
        );
      // The design file sits beside the model, so it names the model by its file name.
      const design = isObject(input.design)
        ? { ...input.design, model: basename(id) }
        : (input.design ?? (model && newDesign(model, basename(id))));
      const designText = design === undefined ? undefined : designTextOf(id, design);
      if (designText && !designText.ok) return designText;

      const modelBytes = Buffer.from(input.modelText, 'utf8');
      const designBytes = designText && Buffer.from(designText.value, 'utf8');
      await makeFolders(dirname(paths.value.modelPath));
      await this.#replaceFiles([
        { path: paths.value.modelPath, bytes: modelBytes },
        ...(designBytes ? [{ path: paths.value.designPath, bytes: designBytes }] : []),
      ]);
      return {
        ok: true,
        value: stored(id, await this.#stateOf(paths.value, modelBytes, designBytes)),
      };
    });
  }

  async update(
    id: DesignId,
    ifMatch: Revision,
    changes: DesignChanges,
  ): Promise<StoreResult<StoredDesign>> {
    const checked = checkDesignId(id);
    if (!checked.ok) return checked;
    if (changes.modelText !== undefined && typeof changes.modelText !== 'string')
      return invalidInput('the model text must be a string');
    let designText: string | undefined;
    if (changes.design !== undefined) {
      const model = (changes.design as { model?: unknown } | null)?.model;
      if (model !== undefined && model !== basename(id))
        return invalidInput(
          `the design names the model ${JSON.stringify(model)}, but it is the design of ${id}; send the design read from ${id}, whose "model" is ${JSON.stringify(basename(id))}`,
        );
      const written = designTextOf(id, changes.design);
      if (!written.ok) return written;
      designText = written.value;
    }
    return this.#locked([id], async () => {
      const current = await this.#readCurrent(id, ifMatch);
      if (!current.ok) return current;
      const state = current.value;
      // Text the client sent back unchanged keeps the file's bytes, even ones
      // that are not valid UTF-8 and so do not survive decoding.
      const modelBytes =
        changes.modelText === undefined || changes.modelText === state.modelBytes.toString('utf8')
          ? state.modelBytes
          : Buffer.from(changes.modelText, 'utf8');
      const designBytes =
        designText === undefined ? state.designBytes : Buffer.from(designText, 'utf8');
      const writes = [];
      if (!modelBytes.equals(state.modelBytes))
        writes.push({ path: state.modelPath, bytes: modelBytes });
      if (designBytes && !(state.designBytes && designBytes.equals(state.designBytes)))
        writes.push({ path: state.designPath, bytes: designBytes });
      if (writes.length === 0) return { ok: true, value: stored(id, state) };

      await this.#keepBackup(id, state);
      // An editor or `git pull` may have written the files while the new ones were being prepared.
      const replaced = await this.#replaceFiles(writes, async () => {
        const now = await this.#readDisk(id);
        return now.ok && now.value.revision === state.revision;
      });
      if (!replaced) {
        const now = await this.#readDisk(id);
        return now.ok ? conflict(id, ifMatch, now.value.revision) : now;
      }
      return { ok: true, value: stored(id, await this.#stateOf(state, modelBytes, designBytes)) };
    });
  }

  async rename(
    id: DesignId,
    ifMatch: Revision,
    newModelFile: string,
  ): Promise<StoreResult<StoredDesign>> {
    const checked = checkDesignId(id);
    if (!checked.ok) return checked;
    const target = checkDesignId(newModelFile, 'new model file');
    if (!target.ok) return target;
    return this.#locked([id, newModelFile], async () => {
      const current = await this.#readCurrent(id, ifMatch);
      if (!current.ok) return current;
      const state = current.value;
      if (newModelFile === id) return { ok: true, value: stored(id, state) };
      const paths = await this.#paths(newModelFile);
      if (!paths.ok) return paths;
      const newDesignFile = designFileFor(newModelFile);
      for (const [file, path] of [
        [newModelFile, paths.value.modelPath],
        [newDesignFile, paths.value.designPath],
      ] as const) {
        // On a case-insensitive disk a rename that only changes case lands here too: that file is this one.
        if (await exists(path))
          return failure({
            code: 'already-exists',
            message: `${file} already exists in the workspace; pick another name, or move that file first`,
          });
      }
      // `api.yaml` renamed to `api.json` beside an `api.json`-less `api.yml` would share its design file.
      const shared = await this.#refuseShared(newModelFile, [id]);
      if (shared) return shared;
      const entry: JournalEntry = { moves: [{ from: id, to: newModelFile }], removes: [] };
      let designBytes = state.designBytes;
      if (designBytes) {
        designBytes = withModelName(designBytes, basename(id), basename(newModelFile));
        await makeFolders(dirname(paths.value.designPath));
        const temp = await writeTemp(paths.value.designPath, designBytes);
        entry.moves.push({ from: this.#relative(temp), to: newDesignFile });
        entry.removes.push(designFileFor(id));
      }
      await commitAtomically(this.root, entry);
      this.#summaries.delete(id);
      return {
        ok: true,
        value: stored(
          newModelFile,
          await this.#stateOf(paths.value, state.modelBytes, designBytes),
        ),
      };
    });
  }

  async remove(id: DesignId, ifMatch: Revision): Promise<StoreResult<TrashEntry>> {
    const checked = checkDesignId(id);
    if (!checked.ok) return checked;
    return this.#locked([id], async () => {
      const current = await this.#readCurrent(id, ifMatch);
      if (!current.ok) return current;
      const state = current.value;
      const entry = await moveToTrash(
        this.root,
        {
          id,
          name: await this.#nameOf(id, state),
          revision: state.revision,
          ...(state.designBytes ? { designFile: designFileFor(id) } : {}),
        },
        this.#now(),
      );
      this.#summaries.delete(id);
      return { ok: true, value: entry };
    });
  }

  listTrash(): Promise<TrashEntry[]> {
    return listTrash(this.root);
  }

  async restore(trashId: string): Promise<StoreResult<StoredDesign>> {
    const manifest = await readTrashEntry(this.root, trashId);
    if (!manifest)
      return failure({
        code: 'not-found',
        message: `nothing in the trash has the id ${JSON.stringify(trashId)}; list the trash for the ids it holds`,
      });
    const id = manifest.id;
    const checked = checkDesignId(id);
    if (!checked.ok) return checked;
    return this.#locked([id], async () => {
      // Read again under the lock: another restore of the same entry may have run meanwhile.
      if (!(await readTrashEntry(this.root, trashId)))
        return failure({
          code: 'not-found',
          message: `trash entry ${trashId} was already restored`,
        });
      const paths = await this.#paths(id);
      if (!paths.ok) return paths;
      const taken = await existingFile(id, paths.value);
      if (taken)
        return failure({
          code: 'already-exists',
          message: `${taken} exists again in the workspace; rename or remove it, then restore`,
        });
      const shared = await this.#refuseShared(id);
      if (shared) return shared;
      await restoreFromTrash(this.root, manifest, designFileFor(id));
      const state = await this.#readDisk(id);
      return state.ok ? { ok: true, value: stored(id, state.value) } : state;
    });
  }

  /** The revisions a design's saves replaced, newest first (`BACKUPS_KEPT` at most), with where they are kept. */
  async backups(id: DesignId): Promise<StoreResult<Backup[]>> {
    const checked = checkDesignId(id);
    if (!checked.ok) return checked;
    return { ok: true, value: await listBackups(this.root, id) };
  }

  async listBackups(id: DesignId): Promise<StoreResult<BackupEntry[]>> {
    const kept = await this.backups(id);
    if (!kept.ok) return kept;
    return {
      ok: true,
      value: kept.value.map(({ revision, replacedAt }) => ({ revision, replacedAt })),
    };
  }

  async restoreBackup(
    id: DesignId,
    ifMatch: Revision,
    revision: Revision,
  ): Promise<StoreResult<StoredDesign>> {
    const checked = checkDesignId(id);
    if (!checked.ok) return checked;
    return this.#locked([id], async () => {
      const current = await this.#readCurrent(id, ifMatch);
      if (!current.ok) return current;
      const state = current.value;
      const backup = (await listBackups(this.root, id)).find((b) => b.revision === revision);
      if (!backup)
        return failure({
          code: 'not-found',
          message: `${id} has no kept revision ${JSON.stringify(revision)}; list its backups for the ones kept`,
        });
      const modelBytes = await readFile(backup.modelPath);
      const designBytes = backup.designPath ? await readFile(backup.designPath) : undefined;
      // A kept file changed by hand is no longer the revision it is filed under.
      if (revisionOf(modelBytes, designBytes) !== revision)
        return failure({
          code: 'unusable-files',
          message: `the kept revision ${revision} of ${id} was changed on disk since it was kept; it is not restored`,
        });
      if (state.revision === revision) return { ok: true, value: stored(id, state) };
      await this.#keepBackup(id, state);
      const replaced = await this.#replaceFiles(
        [
          { path: state.modelPath, bytes: modelBytes },
          ...(designBytes ? [{ path: state.designPath, bytes: designBytes }] : []),
        ],
        async () => {
          const now = await this.#readDisk(id);
          return now.ok && now.value.revision === state.revision;
        },
        // A revision kept without a design file had none: the current one goes.
        designBytes || !state.designBytes ? [] : [this.#relative(state.designPath)],
      );
      if (!replaced) {
        const now = await this.#readDisk(id);
        return now.ok ? conflict(id, ifMatch, now.value.revision) : now;
      }
      return { ok: true, value: stored(id, await this.#stateOf(state, modelBytes, designBytes)) };
    });
  }

  /**
   * Reports each design's revision when its files change, debounced (about
   * 100 ms), by the store or outside it; `null` once the model file is gone.
   * The first listener also hears every design's current revision as watching
   * starts: a change made between a caller's read and this call is not lost.
   */
  watch(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (!this.#stopWatching) {
      this.#stopWatching = watchWorkspace({
        root: this.root,
        mode: this.#watchMode,
        onChange: (changes) => this.#enqueueWatchWork(changes),
      });
      this.#enqueueWatchWork('all');
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stopWatch();
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    this.#stopWatch();
    await this.#lock.idle();
    await this.#watchQueue;
    const onClose = this.#onClose;
    this.#onClose = undefined;
    await onClose?.();
  }

  // ------------------------------------------------------------------ reading

  async #readDisk(id: DesignId): Promise<StoreResult<DiskState>> {
    const paths = await this.#paths(id);
    if (!paths.ok) return paths;
    const { modelPath, designPath } = paths.value;
    let modelBytes: Buffer;
    try {
      modelBytes = await readFile(modelPath);
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR')
        return failure({
          code: 'not-found',
          message: `there is no design ${JSON.stringify(id)}: no model file ${id} in the workspace`,
        });
      if ((error as NodeJS.ErrnoException).code === 'EACCES')
        return failure({
          code: 'unusable-files',
          message: `${id} cannot be read (permission denied); fix its permissions`,
        });
      throw error;
    }
    let designBytes: Buffer | undefined;
    let designProblem: string | undefined;
    try {
      // A folder, socket or FIFO at the design file's name is no design file: reading it would fail or hang.
      if ((await stat(designPath)).isFile()) designBytes = await readFile(designPath);
      else
        designProblem = `${designFileFor(id)} is not a file (a folder?); move it away so ${id} can have its design file`;
    } catch (error) {
      if (!isMissing(error))
        designProblem = `${designFileFor(id)} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); fix its permissions`;
    }
    const state = await this.#stateOf(paths.value, modelBytes, designBytes);
    return { ok: true, value: designProblem ? { ...state, designProblem } : state };
  }

  /** The design's state when `ifMatch` is its revision; a conflict carrying the revision otherwise. */
  async #readCurrent(id: DesignId, ifMatch: Revision): Promise<StoreResult<DiskState>> {
    const state = await this.#readDisk(id);
    if (!state.ok) return state;
    const shared = await this.#refuseShared(id);
    if (shared) return shared;
    if (state.value.designProblem)
      return failure({ code: 'unusable-files', message: state.value.designProblem });
    const named = designModelName(state.value.designBytes);
    if (named !== undefined && named !== basename(id))
      return failure({
        code: 'unusable-files',
        message: `${designFileFor(id)} is the design of ${JSON.stringify(named)}, not of ${id}; set its "model" to ${JSON.stringify(basename(id))} in an editor, or rename the files so each model has its own design file`,
      });
    return state.value.revision === ifMatch ? state : conflict(id, ifMatch, state.value.revision);
  }

  async #stateOf(
    { modelPath, designPath }: { modelPath: string; designPath: string },
    modelBytes: Buffer,
    designBytes: Buffer | undefined,
  ): Promise<DiskState> {
    const times = await Promise.all(
      [modelPath, designPath].map((path) =>
        stat(path).then(
          (info) => info.mtimeMs,
          () => 0,
        ),
      ),
    );
    return {
      modelBytes,
      ...(designBytes ? { designBytes } : {}),
      revision: revisionOf(modelBytes, designBytes),
      modelPath,
      designPath,
      modifiedAt: new Date(Math.max(...times)).toISOString(),
    };
  }

  async #summary(id: DesignId, hasDesign: boolean): Promise<DesignSummary | null> {
    const { modelPath, designPath } = this.#unchecked(id);
    const signature = (await statSignature(modelPath)) + '|' + (await statSignature(designPath));
    const cached = this.#summaries.get(id);
    if (cached?.signature === signature) return cached.summary;
    const state = await this.#locked([id], () => this.#readDisk(id));
    let summary: DesignSummary | null = null;
    const text = state.ok ? state.value.modelBytes.toString('utf8') : '';
    // A broken model with a design beside it is still a design: the user must see it to fix it.
    if (state.ok && (hasDesign || looksLikeApiModel(text))) {
      const { model } = await importModel(text, { file: id, resolveRef: (p) => this.#readRef(p) });
      const design = state.value.designBytes
        ? loadDesign(state.value.designBytes.toString('utf8')).design
        : undefined;
      summary = {
        id,
        name: design?.apiName ?? model?.title ?? basename(id),
        revision: state.value.revision,
        operationCount: model?.operations.length ?? 0,
        integratedCount:
          model?.operations.filter((op) => design?.operations[op.key]?.integration).length ?? 0,
        modifiedAt: state.value.modifiedAt,
        ...(state.value.designProblem
          ? {
              findings: stored(id, state.value).diagnostics.filter(
                (d) => d.code === 'workspace.design-file-unreadable',
              ),
            }
          : {}),
      };
    } else if (!state.ok && state.error.code === 'unusable-files') {
      summary = unreadableSummary(id, state.error.message);
    }
    this.#summaries.set(id, { signature, summary });
    return summary;
  }

  async #nameOf(id: DesignId, state: DiskState): Promise<string> {
    const design = state.designBytes
      ? loadDesign(state.designBytes.toString('utf8')).design
      : undefined;
    if (design?.apiName) return design.apiName;
    const { model } = await importModel(state.modelBytes.toString('utf8'), { file: id });
    return model?.title ?? basename(id);
  }

  /** Reads a file a model's `$ref` names (see `readWorkspaceRef`). */
  #readRef(path: string): Promise<string | undefined> {
    return readWorkspaceRef(this.root, path);
  }

  // ------------------------------------------------------------------ writing

  /** Both files' absolute paths, checked against symlinks leading out of the workspace. */
  async #paths(id: DesignId): Promise<StoreResult<{ modelPath: string; designPath: string }>> {
    const modelPath = await resolveInside(this.root, id);
    if (!modelPath.ok) return modelPath;
    const designPath = await resolveInside(this.root, designFileFor(id));
    if (!designPath.ok) return designPath;
    return { ok: true, value: { modelPath: modelPath.value, designPath: designPath.value } };
  }

  #unchecked(id: DesignId): { modelPath: string; designPath: string } {
    const at = (path: string) => join(this.root, ...path.split('/'));
    return { modelPath: at(id), designPath: at(designFileFor(id)) };
  }

  #relative(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }

  /**
   * Replaces files: one alone by an atomic rename, several together through the
   * journal. With `unchanged`, asks it once every new file is written and flushed,
   * right before the renames, and replaces nothing (removing the temp files) when
   * it answers false. `removes` (workspace-relative) go in the same step.
   *
   * @returns whether the files were replaced
   */
  async #replaceFiles(
    files: { path: string; bytes: Uint8Array }[],
    unchanged?: () => Promise<boolean>,
    removes: string[] = [],
  ): Promise<boolean> {
    const temps: string[] = [];
    try {
      for (const file of files) temps.push(await writeTemp(file.path, file.bytes));
      if (unchanged && !(await unchanged())) {
        await Promise.all(temps.map((temp) => unlink(temp).catch(() => undefined)));
        return false;
      }
    } catch (error) {
      await Promise.all(temps.map((temp) => unlink(temp).catch(() => undefined)));
      throw error;
    }
    if (files.length === 1 && removes.length === 0) {
      try {
        await rename(temps[0]!, files[0]!.path);
      } catch (error) {
        await unlink(temps[0]!).catch(() => undefined);
        throw error;
      }
      await fsyncDirectory(dirname(files[0]!.path));
      return true;
    }
    const moves = files.map((file, i) => ({
      from: this.#relative(temps[i]!),
      to: this.#relative(file.path),
    }));
    await commitAtomically(this.root, { moves, removes });
    return true;
  }

  async #keepBackup(id: DesignId, state: DiskState): Promise<void> {
    await keepBackup(
      this.root,
      {
        id,
        revision: state.revision,
        model: { name: basename(id), bytes: state.modelBytes },
        ...(state.designBytes
          ? { design: { name: basename(designFileFor(id)), bytes: state.designBytes } }
          : {}),
      },
      this.#now(),
    );
  }

  /**
   * Runs a task holding the designs' locks, keyed by both files' names: models
   * that share a design file (`api.yaml`, `api.json`) share its lock. Names that
   * differ only in case share a lock, as they share a file on macOS and Windows.
   */
  #locked<T>(ids: DesignId[], task: () => Promise<T>): Promise<T> {
    return this.#lock.run(
      ids.flatMap((id) => [id.toLowerCase(), designFileFor(id).toLowerCase()]),
      task,
    );
  }

  /** The other model files beside `id` whose design file is `id`'s (`api.json` beside `api.yaml`), sorted. */
  async #sharers(id: DesignId): Promise<DesignId[]> {
    const slash = id.lastIndexOf('/');
    const folder = id.slice(0, slash + 1);
    let names: string[];
    try {
      names = await readdir(join(this.root, ...folder.split('/')));
    } catch {
      return [];
    }
    const designName = basename(designFileFor(id));
    return names
      .filter(
        (name) =>
          name !== basename(id) &&
          isModelFileName(name) &&
          !isDesignFileName(name) &&
          designFileFor(name) === designName,
      )
      .sort()
      .map((name) => folder + name);
  }

  /** The refusal of a write to `id` while another model (not one of `leaving`) shares its design file. */
  async #refuseShared(
    id: DesignId,
    leaving: DesignId[] = [],
  ): Promise<StoreResult<never> | undefined> {
    const sharers = (await this.#sharers(id)).filter((other) => !leaving.includes(other));
    if (sharers.length === 0) return undefined;
    return failure({ code: 'unusable-files', message: sharedFinding(id, sharers).message });
  }

  // ----------------------------------------------------------------- watching

  #enqueueWatchWork(changes: WorkspaceChanges, retry = true): void {
    this.#watchQueue = this.#watchQueue
      .then(() => this.#onChanges(changes))
      .catch(() => {
        // A folder that vanished mid-scan, a file that could not be read: look at
        // everything again shortly, once, rather than lose the change.
        if (!retry) return;
        setTimeout(() => this.#stopWatching && this.#enqueueWatchWork('all', false), 500).unref();
      });
  }

  #stopWatch(): void {
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#reported.clear();
  }

  async #onChanges(changes: WorkspaceChanges): Promise<void> {
    // Ids named by a changed model file, and those a changed design file may belong to.
    const named = new Set<DesignId>();
    const maybe = new Set<DesignId>();
    if (changes === 'all') {
      for (const { id } of (await scanWorkspace(this.root)).candidates) named.add(id);
      for (const id of this.#reported.keys()) named.add(id);
    } else {
      for (const path of changes) {
        if (isDesignFileName(path)) for (const id of modelNamesFor(path)) maybe.add(id);
        else if (isModelFileName(path)) named.add(path);
      }
    }
    for (const id of [...named, ...maybe]) {
      if (!checkDesignId(id).ok) continue;
      const state = await this.#locked([id], () => this.#readDisk(id));
      const revision = state.ok ? state.value.revision : null;
      const last = this.#reported.get(id);
      if (revision === null && last === undefined && !named.has(id)) continue;
      if (last === revision) continue;
      this.#reported.set(id, revision);
      if (this.#stopWatching) for (const listener of this.#listeners) listener({ id, revision });
    }
  }
}

function stored(id: DesignId, state: DiskState): StoredDesign {
  const designFile = designFileFor(id);
  const designText = state.designBytes?.toString('utf8');
  const loaded = designText === undefined ? undefined : loadDesign(designText, designFile);
  return {
    id,
    revision: state.revision,
    modelFile: id,
    modelText: state.modelBytes.toString('utf8'),
    designFile,
    ...(designText === undefined ? {} : { designText }),
    ...(loaded?.design ? { design: loaded.design } : {}),
    diagnostics: [
      ...(loaded?.diagnostics ?? []),
      ...(state.designProblem
        ? [
            {
              code: 'workspace.design-file-unreadable' as const,
              severity: 'error' as const,
              message: state.designProblem,
              location: { file: designFile },
            },
          ]
        : []),
    ],
    modifiedAt: state.modifiedAt,
  };
}

/** The design file's text for a design, when the design loads back from it. */
function designTextOf(id: DesignId, design: unknown): StoreResult<string> {
  if (!isObject(design))
    return invalidInput(`the design for ${id} is ${JSON.stringify(design)}; send a JSON object`);
  let text: string;
  try {
    text = serializeDesign(design as unknown as DesignDocument);
  } catch (error) {
    // Serialising assumes the schema's shape; a design far from it is the client's mistake.
    return invalidInput(`the design for ${id} cannot be written: ${(error as Error).message}`);
  }
  const loaded = loadDesign(text, designFileFor(id));
  return loaded.design
    ? { ok: true, value: text }
    : invalidInput(`the design for ${id} does not load; fix the findings`, loaded.diagnostics);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A design for a new model: its existing integrations recovered when it has any, else nothing wired, laid out. */
function newDesign(model: ApiModel, modelName: string): DesignDocument {
  return model.operations.some((op) => op.existingIntegration !== undefined)
    ? recoverDesign(model, modelName).design
    : createDesign(model, { pattern: 'empty', modelPath: modelName });
}

/**
 * The design file's bytes with its `model` field pointing at the renamed model.
 * A design that does not load, or names another file, is moved as it is.
 */
function withModelName(designBytes: Buffer, oldName: string, newName: string): Buffer {
  const { design } = loadDesign(designBytes.toString('utf8'));
  if (!design || design.model !== oldName) return designBytes;
  return Buffer.from(serializeDesign({ ...design, model: newName }), 'utf8');
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function statSignature(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  } catch {
    return '-';
  }
}

function conflict(id: DesignId, ifMatch: Revision, current: Revision): StoreResult<never> {
  return failure({
    code: 'revision-conflict',
    message: `${id} changed since revision ${JSON.stringify(ifMatch)}: it is now at ${current}.`,
    currentRevision: current,
  });
}

function failure<T>(error: StoreError): StoreResult<T> {
  return { ok: false, error };
}

function invalidInput<T>(message: string, diagnostics?: Diagnostic[]): StoreResult<T> {
  return failure({ code: 'invalid-input', message, ...(diagnostics ? { diagnostics } : {}) });
}

/** The first of a design's two files (model, then design file) already on disk, by its workspace name. */
async function existingFile(
  id: string,
  paths: { modelPath: string; designPath: string },
): Promise<string | undefined> {
  if (await exists(paths.modelPath)) return id;
  if (await exists(paths.designPath)) return designFileFor(id);
  return undefined;
}

/** The finding for a model whose design file another model beside it would use too. */
function sharedFinding(id: DesignId, sharers: DesignId[]): Diagnostic {
  return {
    code: 'workspace.shared-design-file',
    severity: 'error',
    message: `${id} and ${sharers.join(', ')} share the design file ${designFileFor(id)}, so saving one would overwrite the other's design; rename one of them (e.g. ${sharers[0]!.replace(/(\.[^./]+)$/, '-2$1')}) so each has its own design file. Until then they are read-only.`,
    location: { file: id },
  };
}

/** A list entry for a model whose files cannot be read, so the person sees why. */
function unreadableSummary(id: DesignId, message: string): DesignSummary {
  return {
    id,
    name: basename(id),
    revision: '',
    operationCount: 0,
    integratedCount: 0,
    modifiedAt: new Date(0).toISOString(),
    findings: [{ code: 'model.unreadable', severity: 'error', message, location: { file: id } }],
  };
}

/** The `model` a design file names, when it loads. */
function designModelName(designBytes: Buffer | undefined): string | undefined {
  return designBytes ? loadDesign(designBytes.toString('utf8')).design?.model : undefined;
}
