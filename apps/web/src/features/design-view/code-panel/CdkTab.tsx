import { emitCdk, type ApiModel, type DesignDocument } from '@gatewright/core';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { CodeViewer } from '../../../editors/CodeViewer';
import { firstFile, languageOfFile } from './cdk-files';
import './outputs.css';

export interface CdkTabProps {
  model: ApiModel;
  /** The design being edited, saved or not. */
  design: DesignDocument;
}

/** The TypeScript CDK app the current design emits, one file at a time. */
export function CdkTab({ model, design }: CdkTabProps) {
  const inputs = useDeferredValue(useMemo(() => ({ model, design }), [model, design]));
  const emitted = useMemo(
    () => emitCdk(inputs.model, inputs.design, { language: 'typescript' }),
    [inputs],
  );
  const paths = Object.keys(emitted.files);
  const [chosen, setChosen] = useState<string>();
  const path = chosen !== undefined && chosen in emitted.files ? chosen : firstFile(paths);
  const errors = emitted.diagnostics.filter((d) => d.severity === 'error');
  const pickerId = useId();

  return (
    <div className="output-tab">
      <div className="output-bar">
        <label htmlFor={pickerId}>File</label>
        <select
          id={pickerId}
          value={path ?? ''}
          onChange={(event) => setChosen(event.target.value)}
        >
          {paths.map((file) => (
            <option key={file} value={file}>
              {file}
            </option>
          ))}
        </select>
      </div>
      {errors.length > 0 && (
        <div className="emit-errors" role="alert">
          <p>
            The CDK app would not deploy while{' '}
            {errors.length === 1 ? 'this error stands' : `these ${errors.length} errors stand`}:
          </p>
          <ul>
            {errors.map((error, index) => (
              <li key={index}>
                {error.location.operation !== undefined && (
                  <strong>{error.location.operation}: </strong>
                )}
                {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="output-body">
        {path === undefined ? (
          <p className="muted">The design emits no files.</p>
        ) : (
          <CodeViewer
            value={emitted.files[path] ?? ''}
            language={languageOfFile(path)}
            label={`CDK app file ${path} (read-only)`}
          />
        )}
      </div>
    </div>
  );
}
