import type { DesignDocument } from '@gatewright/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { designParam, ensureOk, type ApiClient } from '../../api/client';

/** How long edits settle before they are saved: one save for a burst of changes. */
export const AUTOSAVE_DELAY_MILLIS = 800;

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';

/** A design as the server answers a save. */
export type SavedDesign = Awaited<ReturnType<typeof putDesign>>;

export interface AutosaveOptions {
  api: ApiClient;
  designId: string;
  /** The revision the design was read at. */
  revision: string;
  /** The design as the server has it at that revision. */
  saved: DesignDocument;
  /** The design being edited. */
  design: DesignDocument;
  onSaved: (stored: SavedDesign) => void;
}

export interface Autosave {
  status: SaveStatus;
  /** Why the last save failed, when it did for another reason than a conflict. */
  failure?: string;
  /** Saves over the revision that refused the save, on the person's word. */
  overwrite: () => void;
  /** Tries a failed save again. */
  retry: () => void;
  /** Starts again from a design and revision read from the server. */
  reset: (revision: string, saved: DesignDocument) => void;
}

/**
 * Saves the design a moment after it changes, with `If-Match` on the revision
 * last read or written. A refusal because the files changed elsewhere (412)
 * stops saving until the person chooses: {@link Autosave.overwrite} or
 * {@link Autosave.reset} with theirs. Nothing is overwritten unseen.
 */
export function useAutosave({
  api,
  designId,
  revision,
  saved: initiallySaved,
  design,
  onSaved,
}: AutosaveOptions): Autosave {
  const revisionRef = useRef(revision);
  const [saved, setSaved] = useState(initiallySaved);
  const [saving, setSaving] = useState(false);
  const [conflictRevision, setConflictRevision] = useState<string>();
  const [failed, setFailed] = useState<{ design: DesignDocument; message: string }>();
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  useEffect(() => {
    // A design that failed to save is tried again once it changes, not in a loop.
    if (design === saved || design === failed?.design || saving || conflictRevision !== undefined)
      return;
    const timer = setTimeout(() => {
      setSaving(true);
      putDesign(api, designId, revisionRef.current, design)
        .then((stored) => {
          revisionRef.current = stored.revision;
          setSaved(design);
          setFailed(undefined);
          onSavedRef.current(stored);
        })
        .catch((error: unknown) => {
          if (error instanceof ConflictError) setConflictRevision(error.currentRevision);
          else
            setFailed({ design, message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => setSaving(false));
    }, AUTOSAVE_DELAY_MILLIS);
    return () => clearTimeout(timer);
  }, [api, designId, design, saved, saving, conflictRevision, failed]);

  const overwrite = useCallback(() => {
    if (conflictRevision === undefined) return;
    revisionRef.current = conflictRevision;
    setConflictRevision(undefined);
  }, [conflictRevision]);

  const retry = useCallback(() => setFailed(undefined), []);

  const reset = useCallback((nextRevision: string, nextSaved: DesignDocument) => {
    revisionRef.current = nextRevision;
    setSaved(nextSaved);
    setConflictRevision(undefined);
    setFailed(undefined);
  }, []);

  const status: SaveStatus =
    conflictRevision !== undefined
      ? 'conflict'
      : saving
        ? 'saving'
        : design === saved
          ? 'saved'
          : failed !== undefined
            ? 'failed'
            : 'unsaved';
  return { status, ...(failed ? { failure: failed.message } : {}), overwrite, retry, reset };
}

/** The server holds another revision than the one a save was based on. */
class ConflictError extends Error {
  constructor(readonly currentRevision: string) {
    super('The design changed elsewhere since it was read.');
    this.name = 'ConflictError';
  }
}

async function putDesign(
  api: ApiClient,
  designId: string,
  revision: string,
  design: DesignDocument,
) {
  const response = await api.api.designs[':id'].$put({
    param: designParam(designId),
    header: { 'if-match': `"${revision}"` },
    json: { design },
  });
  // The route's typing knows only its success; a stale revision is answered 412.
  if ((response.status as number) === 412) {
    const body = (await response.json()) as { error?: { details?: { currentRevision?: unknown } } };
    const current = body.error?.details?.currentRevision;
    throw new ConflictError(typeof current === 'string' ? current : revision);
  }
  await ensureOk(response);
  return response.json();
}
