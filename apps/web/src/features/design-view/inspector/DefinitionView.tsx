import { renderOpenApi, serializeOpenApi, type Operation } from '@gatewright/core';
import { useId, useMemo, useState } from 'react';
import { CodeEditor } from '../../../editors/CodeEditor';
import { definitionDocument, operationDefinition } from './definition';
import { useInspector } from './inspector-context';

/** How many of a backend's operations the tab shows in full. */
const SHOWN_OPERATIONS = 5;

/**
 * What the selection renders to, computed in the browser with core from the
 * design being edited (saved or not): each operation's
 * `x-amazon-apigateway-integration`, its security and CORS preflight.
 */
export function DefinitionView({ operations }: { operations: readonly Operation[] }) {
  const { model, design } = useInspector();
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  const [wrap, setWrap] = useState(true);
  const formatId = useId();
  const rendered = useMemo(() => renderOpenApi(model, design).document, [model, design]);
  const modelKeys = useMemo(
    () => new Set(model.operations.map((operation) => operation.key)),
    [model.operations],
  );
  const shown = operations.slice(0, SHOWN_OPERATIONS);
  // Picking a few operations out of the rendered document is cheap; rendering it is not.
  const text = serializeOpenApi(
    definitionDocument(
      shown.map((operation) => operationDefinition(rendered, operation, modelKeys)),
    ),
    format,
  );

  if (operations.length === 0)
    return (
      <p className="muted">
        Select an operation, or a backend that serves some, to see what it renders to.
      </p>
    );
  return (
    <div className="definition-view">
      <div className="definition-toolbar">
        <label htmlFor={formatId}>Format</label>
        <select
          id={formatId}
          value={format}
          onChange={(e) => setFormat(e.target.value as 'yaml' | 'json')}
        >
          <option value="yaml">YAML</option>
          <option value="json">JSON</option>
        </select>
        <label>
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> Wrap
          long lines
        </label>
      </div>
      {operations.length > shown.length && (
        <p className="muted">
          The first {shown.length} of {operations.length} operations this backend serves.
        </p>
      )}
      <div className="inspector-code definition-code" data-testid="definition">
        <CodeEditor
          value={text}
          language={format}
          wrap={wrap}
          compact
          testId="code-editor"
          label={`Rendered definition of ${shown.map((o) => o.key).join(', ')} (read-only)`}
        />
      </div>
    </div>
  );
}
