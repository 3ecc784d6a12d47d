import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/client';
import { useApi } from '../../api/api-context';
import { Dialog } from './Dialog';
import { displayName, freeDesignId, hasModelExtension } from './design-names';
import { renameDesignMutation, setApiNameMutation, type DesignSummary } from './queries';
import { describeListedWriteRefusal } from './refusal';
import { PathRefusal } from './PathRefusal';

/** Props of {@link RenameDialog}. */
export interface RenameDialogProps {
  design: DesignSummary;
  /** The ids in the workspace, to offer a free one when the new path is taken. */
  takenIds: ReadonlySet<string>;
  /** Called once the server has made every change, with a sentence saying what changed. */
  onRenamed: (summary: string) => void;
  onClose: () => void;
}

/**
 * Renames a design: the name it gives its API, and where its model file (and
 * its design file with it) lives in the workspace. Each refusal from the
 * server shows under the field it is about; a name saved before a refused
 * move stays saved.
 */
export function RenameDialog({ design, takenIds, onRenamed, onClose }: RenameDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const setName = useMutation(setApiNameMutation(api, queryClient));
  const move = useMutation(renameDesignMutation(api, queryClient));
  const oldName = displayName(design);
  const [name, setNameText] = useState(oldName);
  const [modelFile, setModelFile] = useState(design.id);
  const [pathProblem, setPathProblem] = useState<string>();
  const ids = {
    name: useId(),
    nameHint: useId(),
    nameError: useId(),
    path: useId(),
    pathHint: useId(),
    pathError: useId(),
  };

  const nameError = setName.error ? describeListedWriteRefusal(setName.error, oldName) : undefined;
  const pathError =
    pathProblem ?? (move.error ? describeListedWriteRefusal(move.error, oldName) : undefined);
  const suggestion =
    move.error instanceof ApiRequestError && move.error.code === 'already-exists'
      ? freeDesignId(modelFile, new Set([...takenIds, modelFile]))
      : undefined;
  const busy = setName.isPending || move.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const newName = name.trim();
    const path = modelFile.trim();
    if (!hasModelExtension(path)) {
      setPathProblem(
        path === ''
          ? 'Name the model file, such as orders/openapi.yaml.'
          : `${path} does not end in .yaml, .yml or .json; a model file is YAML or JSON.`,
      );
      return;
    }
    const changes: string[] = [];
    try {
      let revision = design.revision;
      if (newName !== oldName) {
        revision = (await setName.mutateAsync({ id: design.id, apiName: newName })).revision;
        changes.push(`Renamed ${oldName} to ${newName === '' ? 'its model’s title' : newName}.`);
      }
      if (path !== design.id) {
        await move.mutateAsync({ design: { ...design, revision }, modelFile: path });
        changes.push(`Moved ${design.id} to ${path}.`);
      }
    } catch {
      // Each mutation holds its own error, shown under its field.
      return;
    }
    if (changes.length === 0) onClose();
    else onRenamed(changes.join(' '));
  }

  return (
    <Dialog title={`Rename ${oldName}`} onClose={onClose}>
      <form className="home-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="home-field">
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            type="text"
            value={name}
            autoComplete="off"
            data-autofocus
            onFocus={(event) => event.target.select()}
            aria-invalid={nameError !== undefined}
            aria-describedby={nameError ? `${ids.nameError} ${ids.nameHint}` : ids.nameHint}
            onChange={(event) => {
              setNameText(event.target.value);
              if (setName.isError) setName.reset();
            }}
          />
          <p id={ids.nameHint} className="muted home-hint">
            The API&rsquo;s name in AWS; leave it empty to use the model&rsquo;s title.
          </p>
          {nameError !== undefined && (
            <p id={ids.nameError} className="home-error" role="alert">
              {nameError}
            </p>
          )}
        </div>
        <div className="home-field">
          <label htmlFor={ids.path}>Model file</label>
          <input
            id={ids.path}
            type="text"
            value={modelFile}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={pathError !== undefined}
            aria-describedby={pathError ? `${ids.pathError} ${ids.pathHint}` : ids.pathHint}
            onChange={(event) => {
              setModelFile(event.target.value);
              setPathProblem(undefined);
              if (move.isError) move.reset();
            }}
          />
          <p id={ids.pathHint} className="muted home-hint">
            Moves the model file, and its design file with it, to this path in the workspace.
          </p>
          {pathError !== undefined && (
            <PathRefusal
              id={ids.pathError}
              message={pathError}
              suggestion={suggestion}
              onUseSuggestion={(path) => {
                setModelFile(path);
                move.reset();
              }}
            />
          )}
        </div>
        <div className="home-dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Rename'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
