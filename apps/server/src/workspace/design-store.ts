import type { DesignDocument, Diagnostic } from '@gatewright/core';

/**
 * The workspace as the routes see it: designs in a folder, each the user's model
 * file (kept byte for byte) plus its design file beside it. Implemented by
 * `FileDesignStore` (files on disk, atomic writes, backups, trash).
 */

/** A design's id: its model file's path relative to the workspace, `/`-separated (`petstore/openapi.yaml`). */
export type DesignId = string;

/**
 * A content revision of a design: a hash of the model bytes and the design bytes.
 * Any change to either file, by the app or outside it, is a new revision.
 */
export type Revision = string;

export interface DesignSummary {
  id: DesignId;
  /** The API's name: the design's `apiName`, else the model's title, else the file name. */
  name: string;
  revision: Revision;
  operationCount: number;
  integratedCount: number;
  /** ISO 8601 time of the newest change to either file. */
  modifiedAt: string;
  /** Why the design cannot be used as it is (a design file shared with another model, a file that cannot be read); absent when there is nothing to say. */
  findings?: Diagnostic[];
}

export interface StoredDesign {
  id: DesignId;
  revision: Revision;
  /** The model file's name, relative to the workspace. */
  modelFile: string;
  /** The model's text, exactly as on disk. */
  modelText: string;
  /** The design file's name, relative to the workspace. */
  designFile: string;
  /** The design file's text as on disk (absent when the model has no design file yet). */
  designText?: string;
  /** The parsed design, when it loads. */
  design?: DesignDocument;
  /** Findings from reading the design file (a broken file is shown, not lost). */
  diagnostics: Diagnostic[];
  modifiedAt: string;
}

export interface DesignChanges {
  /** New model text; absent to keep the model as is. */
  modelText?: string;
  /** New design; written with `serializeDesign`. Absent to keep it as is. */
  design?: DesignDocument;
}

export type StoreError =
  | { code: 'not-found'; message: string }
  | { code: 'revision-conflict'; message: string; currentRevision: Revision }
  | { code: 'already-exists'; message: string }
  | { code: 'invalid-id'; message: string }
  /** The files on disk stop a write: a design file shared with a sibling model, a folder where a file should be. */
  | { code: 'unusable-files'; message: string }
  | { code: 'invalid-input'; message: string; diagnostics?: Diagnostic[] };

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

/** A previous revision of a design, kept when a save replaced it. */
export interface BackupEntry {
  revision: Revision;
  /** ISO 8601 time the revision was replaced. */
  replacedAt: string;
}

export interface TrashEntry {
  /** The trash entry's own id (the design id plus when it was deleted). */
  trashId: string;
  id: DesignId;
  name: string;
  deletedAt: string;
}

export interface DesignStore {
  readonly root: string;
  list(): Promise<DesignSummary[]>;
  read(id: DesignId): Promise<StoreResult<StoredDesign>>;
  /** Creates a model file (and its design) under a new id; refuses an existing one. */
  create(input: {
    modelFile: string;
    modelText: string;
    design?: DesignDocument;
  }): Promise<StoreResult<StoredDesign>>;
  /** Writes only when `ifMatch` is the current revision; otherwise a `revision-conflict` carrying the current one. */
  update(
    id: DesignId,
    ifMatch: Revision,
    changes: DesignChanges,
  ): Promise<StoreResult<StoredDesign>>;
  /** Renames the model file (and its design file with it). */
  rename(id: DesignId, ifMatch: Revision, newModelFile: string): Promise<StoreResult<StoredDesign>>;
  /** Moves both files to the workspace's trash. */
  remove(id: DesignId, ifMatch: Revision): Promise<StoreResult<TrashEntry>>;
  /** The revisions a design's saves replaced, newest first. */
  listBackups(id: DesignId): Promise<StoreResult<BackupEntry[]>>;
  /** Makes a kept revision current again (as a save: the revision it replaces is kept in turn). */
  restoreBackup(
    id: DesignId,
    ifMatch: Revision,
    revision: Revision,
  ): Promise<StoreResult<StoredDesign>>;
  listTrash(): Promise<TrashEntry[]>;
  restore(trashId: string): Promise<StoreResult<StoredDesign>>;
  /** Calls back with the new revision whenever a design's files change, by the app or outside it. */
  watch(listener: (event: { id: DesignId; revision: Revision | null }) => void): () => void;
  close(): Promise<void>;
}
