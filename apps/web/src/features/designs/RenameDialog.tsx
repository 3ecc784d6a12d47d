import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/client';
import { useApi } from '../../api/api-context';
import { Dialog } from './Dialog';
import { displayName, freeDesignId, hasModelExtension } from './design-names';
import { renameDesignMutation, type DesignSummary } from './queries';
import { describeListedWriteRefusal } from './refusal';

/** Props of {@link RenameDialog}. */
export interface RenameDialogProps {
  design: DesignSummary;
  /** The ids in the workspace, to offer a free one when the new path is taken. */
  takenIds: ReadonlySet<string>;
  /** Called with the new id once the server has moved the files. */
  onRenamed: (newId: string) => void;
  onClose: () => void;
}

/**
 * Moves a design's model file (its design file goes with it) to another path
 * in the workspace. The server's reason for a refusal shows under the field.
 */
export function RenameDialog({ design, takenIds, onRenamed, onClose }: RenameDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const rename = useMutation(renameDesignMutation(api, queryClient));
  const [modelFile, setModelFile] = useState(design.id);
  const [localError, setLocalError] = useState<string>();
  const ids = { field: useId(), hint: useId(), error: useId() };

  const refusal = rename.error;
  const error = localError ?? (refusal && describeListedWriteRefusal(refusal, displayName(design)));
  const suggestion =
    refusal instanceof ApiRequestError && refusal.code === 'already-exists'
      ? freeDesignId(modelFile, new Set([...takenIds, modelFile]))
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const path = modelFile.trim();
    if (path === design.id) {
      onClose();
      return;
    }
    if (!hasModelExtension(path)) {
      setLocalError(
        path === ''
          ? 'Name the model file, such as orders/openapi.yaml.'
          : `${path} does not end in .yaml, .yml or .json; a model file is YAML or JSON.`,
      );
      return;
    }
    rename.mutate({ design, modelFile: path }, { onSuccess: (renamed) => onRenamed(renamed.id) });
  }

  return (
    <Dialog title={`Rename ${displayName(design)}`} onClose={onClose}>
      <form className="home-form" onSubmit={submit} noValidate>
        <div className="home-field">
          <label htmlFor={ids.field}>Model file</label>
          <input
            id={ids.field}
            type="text"
            value={modelFile}
            spellCheck={false}
            autoComplete="off"
            data-autofocus
            onFocus={(event) => event.target.select()}
            aria-invalid={error !== undefined}
            aria-describedby={error === undefined ? ids.hint : `${ids.error} ${ids.hint}`}
            onChange={(event) => {
              setModelFile(event.target.value);
              setLocalError(undefined);
              if (rename.isError) rename.reset();
            }}
          />
          <p id={ids.hint} className="muted home-hint">
            Moves the model file, and its design file with it, to this path in the workspace.
          </p>
          {error !== undefined && (
            <div id={ids.error} className="home-error" role="alert">
              <p>{error}</p>
              {suggestion !== undefined && (
                <button
                  type="button"
                  onClick={() => {
                    setModelFile(suggestion);
                    rename.reset();
                  }}
                >
                  Use {suggestion}
                </button>
              )}
            </div>
          )}
        </div>
        <div className="home-dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={rename.isPending}>
            {rename.isPending ? 'Renaming…' : 'Rename'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
