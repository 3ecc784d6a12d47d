import { useCallback, useEffect, useRef, useState } from 'react';
import { designParam, ensureOk, type ApiClient } from '../../api/client';
import type { Workbench } from './design-store';

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
  /** The design and model text as the server has them at that revision. */
  saved: Workbench;
  /** The design and model text being edited. */
  workbench: Workbench;
  onSaved: (stored: SavedDesign) => void;
  /**
   * The files changed elsewhere while nothing here was unsaved: the person's
   * work is safe, so theirs can be loaded (with {@link Autosave.reset}).
   */
  onTheirs?: (revision: string) => void;
}

export interface Autosave {
  status: SaveStatus;
  /** Why the last save failed, when it did for another reason than a conflict. */
  failure?: string;
  /** Saves over the revision that refused the save, on the person's word. */
  overwrite: () => void;
  /** Tries a failed save again. */
  retry: () => void;
  /** Starts again from a workbench and revision read from the server. */
  reset: (revision: string, saved: Workbench) => void;
  /**
   * The server says its files are at this revision (a live update). Another
   * than the one last read or saved here is a change made elsewhere: with
   * unsaved changes it is a conflict at once, without them `onTheirs` is told.
   */
  noticeRevision: (revision: string) => void;
}

/**
 * Saves the design, and the model text when it changed (both in one request,
 * written together by the server), a moment after they change, with
 * `If-Match` on the revision last read or written. A refusal because the files changed elsewhere (412)
 * stops saving until the person chooses: {@link Autosave.overwrite} or
 * {@link Autosave.reset} with theirs. Nothing is overwritten unseen.
 */
export function useAutosave({
  api,
  designId,
  revision,
  saved: initiallySaved,
  workbench,
  onSaved,
  onTheirs,
}: AutosaveOptions): Autosave {
  const revisionRef = useRef(revision);
  const [saved, setSaved] = useState(initiallySaved);
  const [saving, setSaving] = useState(false);
  const [conflictRevision, setConflictRevision] = useState<string>();
  const [failed, setFailed] = useState<{ workbench: Workbench; message: string }>();
  // The latest revision the server announced, until it is weighed against this one.
  const [announced, setAnnounced] = useState<string>();
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const onTheirsRef = useRef(onTheirs);
  onTheirsRef.current = onTheirs;
  // "Keep mine" sends the text too, even unchanged here: theirs may have changed it.
  const overwritingRef = useRef(false);

  useEffect(() => {
    // A workbench that failed to save is tried again once it changes, not in a loop.
    if (
      workbench === saved ||
      workbench === failed?.workbench ||
      saving ||
      conflictRevision !== undefined
    )
      return;
    const timer = setTimeout(() => {
      setSaving(true);
      const withText = overwritingRef.current || workbench.modelText !== saved.modelText;
      putDesign(api, designId, revisionRef.current, workbench, withText)
        .then((stored) => {
          revisionRef.current = stored.revision;
          overwritingRef.current = false;
          setSaved(workbench);
          setFailed(undefined);
          onSavedRef.current(stored);
        })
        .catch((error: unknown) => {
          if (error instanceof ConflictError) setConflictRevision(error.currentRevision);
          else
            setFailed({
              workbench,
              message: error instanceof Error ? error.message : String(error),
            });
        })
        .finally(() => setSaving(false));
    }, AUTOSAVE_DELAY_MILLIS);
    return () => clearTimeout(timer);
  }, [api, designId, workbench, saved, saving, conflictRevision, failed]);

  useEffect(() => {
    // A save in flight may be the change announced: weigh it once the save has answered.
    if (announced === undefined || saving) return;
    setAnnounced(undefined);
    if (announced === revisionRef.current || announced === conflictRevision) return;
    if (workbench === saved && conflictRevision === undefined) onTheirsRef.current?.(announced);
    else setConflictRevision(announced);
  }, [announced, saving, workbench, saved, conflictRevision]);

  const overwrite = useCallback(() => {
    if (conflictRevision === undefined) return;
    revisionRef.current = conflictRevision;
    overwritingRef.current = true;
    setConflictRevision(undefined);
  }, [conflictRevision]);

  const retry = useCallback(() => setFailed(undefined), []);

  const reset = useCallback((nextRevision: string, nextSaved: Workbench) => {
    revisionRef.current = nextRevision;
    overwritingRef.current = false;
    setSaved(nextSaved);
    setConflictRevision(undefined);
    setFailed(undefined);
  }, []);

  const noticeRevision = useCallback((revision: string) => setAnnounced(revision), []);

  const status: SaveStatus =
    conflictRevision !== undefined
      ? 'conflict'
      : saving
        ? 'saving'
        : workbench === saved
          ? 'saved'
          : failed !== undefined
            ? 'failed'
            : 'unsaved';
  return {
    status,
    ...(failed ? { failure: failed.message } : {}),
    overwrite,
    retry,
    reset,
    noticeRevision,
  };
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
  { design, modelText }: Workbench,
  withText: boolean,
) {
  const response = await api.api.designs[':id'].$put({
    param: designParam(designId),
    header: { 'if-match': `"${revision}"` },
    // The text travels only when it has to: the server keeps the file's exact bytes otherwise.
    json: withText ? { design, modelText } : { design },
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
