import type { DesignDocument } from '@gatewright/core';
import { withOptional } from './design-edits';
import { CheckboxField, TextField } from './fields';
import { useInspector } from './inspector-context';

/** With nothing selected: a hint, the design at a glance, and its API-wide settings. */
export function DesignSummary() {
  const { model, design, edit } = useInspector();
  const integrated = model.operations.filter(
    (operation) => design.operations[operation.key]?.integration !== undefined,
  ).length;
  const setting =
    <K extends 'cors' | 'requestValidation'>(section: K, enabled: boolean) =>
    (current: DesignDocument): DesignDocument => ({
      ...current,
      [section]: { ...current[section], enabled },
    });
  return (
    <>
      <p className="muted">
        Select a node on the canvas to edit it: an operation, a backend or a mock. With nothing
        selected, these are the settings of the whole API.
      </p>
      <TextField
        label="API name"
        value={design.apiName ?? ''}
        placeholder={model.title}
        pointer="/apiName"
        hint={
          <span className="muted">The REST API’s name in AWS; empty uses the model’s title.</span>
        }
        apply={(current, text) => withOptional(current, 'apiName', text.trim() || undefined)}
      />
      <dl className="facts">
        <dt>Operations integrated</dt>
        <dd>
          {integrated} of {model.operations.length}
        </dd>
        <dt>Backends</dt>
        <dd>{Object.keys(design.backends).length}</dd>
      </dl>
      <fieldset className="inspector-group">
        <legend>Defaults for every operation</legend>
        <CheckboxField
          label="CORS (answer browser preflights)"
          checked={design.cors.enabled}
          onChange={(enabled) => edit(setting('cors', enabled))}
        />
        <CheckboxField
          label="Validate requests against the model"
          checked={design.requestValidation.enabled}
          onChange={(enabled) => edit(setting('requestValidation', enabled))}
        />
        <TextField
          label="Stage name"
          value={design.stage.name}
          pointer="/stage/name"
          apply={(current, text) =>
            text.trim() === ''
              ? 'The stage needs a name, such as dev.'
              : { ...current, stage: { ...current.stage, name: text.trim() } }
          }
        />
      </fieldset>
    </>
  );
}
