import type { MockResponse, Operation } from '@gatewright/core';
import { useId, useRef } from 'react';
import { editIntegration, withOptional } from './design-edits';
import { designPointer } from './findings';
import { SelectField, TextField } from './fields';
import { useInspector } from './inspector-context';
import {
  customBodyProblem,
  documentedExample,
  parseStatusCode,
  switchMockMode,
  type CustomMock,
  type DocumentedMock,
  type MockMemory,
} from './mock-response';

/**
 * A mock's answer: one of the operation's documented responses, shown with
 * the example it sends, or any status and body. Switching between the two
 * keeps what each had.
 */
export function MockForm({
  operation,
  response,
}: {
  operation: Operation;
  response: MockResponse;
}) {
  const { edit } = useInspector();
  const memory = useRef<MockMemory>({});
  const groupName = useId();
  const setResponse = (next: MockResponse) =>
    edit((design) =>
      editIntegration(design, operation.key, 'mock', (mock) => ({ ...mock, response: next })),
    );
  const switchTo = (mode: MockResponse['source']) => {
    if (response.source === 'documented') memory.current.documented = response;
    else memory.current.custom = response;
    setResponse(switchMockMode(response, mode, memory.current, operation));
  };
  const pointer = designPointer('operations', operation.key, 'integration', 'response');

  return (
    <fieldset className="inspector-group">
      <legend>Mock response</legend>
      <div role="radiogroup" aria-label="Mock answers with" className="mode-switch">
        {(
          [
            ['documented', 'A documented response'],
            ['custom', 'Custom status and body'],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode}>
            <input
              type="radio"
              name={groupName}
              checked={response.source === mode}
              onChange={() => switchTo(mode)}
            />
            {label}
          </label>
        ))}
      </div>
      {response.source === 'documented' ? (
        <DocumentedMockFields
          operation={operation}
          response={response}
          pointer={pointer}
          onChange={setResponse}
        />
      ) : (
        <CustomMockFields operation={operation} response={response} pointer={pointer} />
      )}
    </fieldset>
  );
}

function DocumentedMockFields({
  operation,
  response,
  pointer,
  onChange,
}: {
  operation: Operation;
  response: DocumentedMock;
  pointer: string;
  onChange: (response: MockResponse) => void;
}) {
  const shown = documentedExample(operation, response.status, response.contentType);
  const statuses = operation.responses.map((r) => ({
    value: r.status,
    label: r.description ? `${r.status} — ${r.description}` : r.status,
  }));
  // A status the operation no longer documents stays choosable, so the finding next to it makes sense.
  if (!statuses.some((s) => s.value === response.status))
    statuses.push({ value: response.status, label: `${response.status} (not documented)` });
  return (
    <>
      <SelectField
        label="Documented response"
        value={response.status}
        options={statuses}
        pointer={pointer}
        onChange={(status) => onChange({ source: 'documented', status })}
      />
      {shown && shown.contentTypes.length > 1 && (
        <SelectField
          label="Content type"
          value={shown.contentType ?? ''}
          options={shown.contentTypes.map((type) => ({ value: type, label: type }))}
          onChange={(contentType) => onChange({ ...response, contentType })}
        />
      )}
      {shown && (
        <section className="mock-example" aria-label="Example the mock answers with">
          <p className="muted">
            Status <strong data-testid="mock-example-status">{shown.status}</strong>
            {shown.contentType && (
              <>
                {' '}
                · <code>{shown.contentType}</code>
              </>
            )}{' '}
            ·{' '}
            {shown.origin === 'example'
              ? 'the documented example'
              : shown.origin === 'schema'
                ? 'made from the schema (no example documented)'
                : 'no body documented'}
          </p>
          {shown.body !== undefined && (
            <pre
              className="mock-body"
              data-testid="mock-example-body"
              tabIndex={0}
              aria-label={`Example body of the ${shown.status} response`}
            >
              {shown.body}
            </pre>
          )}
        </section>
      )}
    </>
  );
}

function CustomMockFields({
  operation,
  response,
  pointer,
}: {
  operation: Operation;
  response: CustomMock;
  pointer: string;
}) {
  const contentType = response.contentType ?? 'application/json';
  const applyCustom =
    (change: (mock: CustomMock) => CustomMock) => (design: Parameters<typeof editIntegration>[0]) =>
      editIntegration(design, operation.key, 'mock', (mock) =>
        mock.response.source === 'custom' ? { ...mock, response: change(mock.response) } : mock,
      );
  return (
    <>
      <TextField
        label="Status code"
        value={String(response.statusCode)}
        inputMode="numeric"
        pointer={`${pointer}/statusCode`}
        apply={(design, text) => {
          const status = parseStatusCode(text);
          return typeof status === 'string'
            ? status
            : applyCustom((mock) => ({ ...mock, statusCode: status }))(design);
        }}
      />
      <TextField
        label="Content type"
        value={response.contentType ?? ''}
        placeholder="application/json"
        pointer={`${pointer}/contentType`}
        apply={(design, text) =>
          applyCustom((mock) => withOptional(mock, 'contentType', text.trim() || undefined))(design)
        }
      />
      <TextField
        label="Body"
        multiline
        value={response.body ?? ''}
        pointer={`${pointer}/body`}
        warn={(text) => customBodyProblem(text, contentType)}
        hint={<span className="muted">Sent exactly as written.</span>}
        apply={(design, text) =>
          applyCustom((mock) => withOptional(mock, 'body', text === '' ? undefined : text))(design)
        }
      />
    </>
  );
}
