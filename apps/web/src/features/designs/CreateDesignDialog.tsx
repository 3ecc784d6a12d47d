import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/client';
import { useApi } from '../../api/api-context';
import { designPagePath } from '../../app/routes';
import { navigate } from '../../app/use-route';
import { Dialog } from './Dialog';
import { freeDesignId, guessFormat, hasModelExtension, proposeDesignId } from './design-names';
import { createDesignMutation } from './queries';
import { RefusalWithFindings, refusalPlace, type RefusalFinding } from './refusal';
import { PathRefusal } from './PathRefusal';

/** Where a new design comes from: a model's text (uploaded, dropped or pasted), or the sample. */
export type CreateSource = { kind: 'text'; fileName?: string; text: string } | { kind: 'sample' };

/** Props of {@link CreateDesignDialog}. */
export interface CreateDesignDialogProps {
  source: CreateSource;
  /** The ids in the workspace, to propose a free one. */
  takenIds: ReadonlySet<string>;
  /** Called on Cancel and Escape with the text as it was, so a draft can be offered again. */
  onClose: (text: string) => void;
}

/** The sample's folder when it is free; copies are numbered after it. */
const SAMPLE_ID = 'petstore/openapi.yaml';

/**
 * Asks where a new design goes (proposing a free path derived from the
 * model's title or file name) and creates it, then opens it. The text stays
 * editable and is kept through every refusal: an id in use offers a free one,
 * a model that does not parse lists its findings by line.
 */
export function CreateDesignDialog({ source, takenIds, onClose }: CreateDesignDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const create = useMutation(createDesignMutation(api, queryClient));
  const [text, setText] = useState(source.kind === 'text' ? source.text : '');
  const fileName = source.kind === 'text' ? source.fileName : undefined;
  const proposed =
    source.kind === 'sample'
      ? freeDesignId(SAMPLE_ID, takenIds)
      : proposeDesignId({ ...(fileName === undefined ? {} : { fileName }), text }, takenIds);
  // Follows the text until the person edits the path themselves.
  const [typedId, setTypedId] = useState<string | undefined>(undefined);
  const modelFile = typedId ?? proposed;
  const [localError, setLocalError] = useState<{ field: 'text' | 'path'; message: string }>();
  const ids = {
    path: useId(),
    pathHint: useId(),
    pathError: useId(),
    text: useId(),
    textError: useId(),
  };

  const refusal = create.error;
  const place = refusal ? refusalPlace(refusal) : undefined;
  const pathError =
    localError?.field === 'path'
      ? localError.message
      : place === 'path'
        ? refusal?.message
        : undefined;
  const findings = refusal instanceof RefusalWithFindings ? refusal.findings : undefined;
  const textError =
    localError?.field === 'text'
      ? localError.message
      : place === 'text'
        ? refusal?.message
        : undefined;
  const otherError = place === 'form' ? refusal?.message : undefined;
  const suggestion =
    refusal instanceof ApiRequestError && refusal.code === 'already-exists'
      ? freeDesignId(modelFile, new Set([...takenIds, modelFile]))
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const path = modelFile.trim();
    if (source.kind === 'text' && text.trim() === '') {
      setLocalError({
        field: 'text',
        message:
          'Paste or type a model first: an OpenAPI 3 or Swagger 2 description in YAML or JSON.',
      });
      return;
    }
    if (path === '') {
      setLocalError({
        field: 'path',
        message: 'Name the model file, such as orders/openapi.yaml.',
      });
      return;
    }
    if (!hasModelExtension(path)) {
      setLocalError({
        field: 'path',
        message: `${path} does not end in .yaml, .yml or .json; a model file is YAML or JSON.`,
      });
      return;
    }
    setLocalError(undefined);
    create.mutate(
      source.kind === 'sample'
        ? { modelFile: path, sample: 'petstore' }
        : { modelFile: path, modelText: text },
      { onSuccess: (created) => navigate(designPagePath(created.id)) },
    );
  }

  const format = guessFormat(text) === 'json' ? 'JSON' : 'YAML';
  return (
    <Dialog
      title={
        source.kind === 'sample'
          ? 'Copy the sample'
          : fileName === undefined
            ? 'Paste a model'
            : `Create a design from ${fileName}`
      }
      onClose={() => onClose(text)}
    >
      <form className="home-form" onSubmit={submit} noValidate>
        {source.kind === 'sample' ? (
          <p>A copy of the pet store sample: five operations, each with an integration.</p>
        ) : (
          <div className="home-field">
            <label htmlFor={ids.text}>Model (OpenAPI 3 or Swagger 2, YAML or JSON)</label>
            <textarea
              id={ids.text}
              className="home-model-text"
              value={text}
              spellCheck={false}
              rows={14}
              data-autofocus={fileName === undefined || undefined}
              aria-invalid={textError !== undefined}
              aria-describedby={textError === undefined ? undefined : ids.textError}
              onChange={(event) => {
                setText(event.target.value);
                setLocalError(undefined);
                if (create.isError) create.reset();
              }}
            />
            <p className="muted home-hint">
              {text.trim() === ''
                ? 'The format is guessed from the text.'
                : `Format: ${format}${fileName === undefined ? ' (guessed from the text)' : ''}.`}
            </p>
            {textError !== undefined && (
              <div id={ids.textError} className="home-error" role="alert">
                <p>{textError}</p>
                {findings && findings.length > 0 && (
                  <ul aria-label="Findings">
                    {findings.map((finding, index) => (
                      <li key={index}>{describeFinding(finding)}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
        )}
        <div className="home-field">
          <label htmlFor={ids.path}>Save as</label>
          <input
            id={ids.path}
            type="text"
            value={modelFile}
            spellCheck={false}
            autoComplete="off"
            data-autofocus={source.kind === 'sample' || fileName !== undefined || undefined}
            aria-invalid={pathError !== undefined}
            aria-describedby={
              pathError === undefined ? ids.pathHint : `${ids.pathError} ${ids.pathHint}`
            }
            onChange={(event) => {
              setTypedId(event.target.value);
              setLocalError(undefined);
              if (create.isError) create.reset();
            }}
          />
          <p id={ids.pathHint} className="muted home-hint">
            The model file&rsquo;s path in the workspace; its folder names the design.
          </p>
          {pathError !== undefined && (
            <PathRefusal
              id={ids.pathError}
              message={pathError}
              suggestion={suggestion}
              onUseSuggestion={(path) => {
                setTypedId(path);
                create.reset();
              }}
            />
          )}
        </div>
        {otherError !== undefined && (
          <p className="home-error" role="alert">
            The design was not created: {otherError}
          </p>
        )}
        <div className="home-dialog-buttons">
          <button type="button" onClick={() => onClose(text)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create and open'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function describeFinding(finding: RefusalFinding): string {
  const line = finding.location?.line;
  const column = finding.location?.column;
  const where =
    line === undefined
      ? ''
      : column === undefined
        ? `Line ${line}: `
        : `Line ${line}, column ${column}: `;
  return where + finding.message;
}
