import type { Autosave } from './use-autosave';

const LABELS: Record<Autosave['status'], string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  conflict: 'Not saved: changed elsewhere',
  failed: 'Not saved',
};

/** Where the design's changes stand with the server; a failed save can be tried again. */
export function SaveStatus({ autosave }: { autosave: Autosave }) {
  return (
    <>
      <span
        className={`save-status save-${autosave.status}`}
        role="status"
        data-testid="save-status"
        title={autosave.failure}
      >
        {LABELS[autosave.status]}
        {autosave.failure !== undefined && `: ${autosave.failure}`}
      </span>
      {autosave.status === 'failed' && (
        <button type="button" onClick={autosave.retry}>
          Try again
        </button>
      )}
    </>
  );
}

/** The files changed elsewhere: the person chooses whose design stays. */
export function ConflictBanner({
  onReloadTheirs,
  onKeepMine,
}: {
  onReloadTheirs: () => void;
  onKeepMine: () => void;
}) {
  return (
    <div className="conflict-banner" role="alert" data-testid="conflict-banner">
      <p>
        This design changed elsewhere (another tab or editor) since you opened it. Your latest
        changes are not saved.
      </p>
      <button type="button" onClick={onReloadTheirs}>
        Reload theirs
      </button>
      <button type="button" onClick={onKeepMine}>
        Keep mine (overwrite)
      </button>
    </div>
  );
}
