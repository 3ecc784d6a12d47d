import {
  recoverDesign,
  type DesignDocument,
  type EcsNlbIntegration,
  type HttpIntegration,
  type LambdaIntegration,
  type Operation,
  type RawIntegration,
} from '@gatewright/core';
import { useMemo } from 'react';
import { CodeEditor } from '../../../editors/CodeEditor';
import { chooseServedBy, servedByChoices, servedByValue } from '../wiring';
import { editIntegration, withOptional } from './design-edits';
import { designPointer } from './findings';
import { CheckboxField, SelectField, TextField, parseWholeNumber } from './fields';
import { useInspector } from './inspector-context';
import { MockForm } from './MockForm';
import { pathParameterHints } from './path-hints';

const METHOD_OVERRIDES = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];
const SAME_METHOD = '';

/** An operation: what serves it, and the settings of its integration. */
export function OperationSettings({ operation }: { operation: Operation }) {
  const { design, edit } = useInspector();
  const integration = design.operations[operation.key]?.integration;
  return (
    <>
      <SelectField
        label="Served by"
        value={servedByValue(integration)}
        options={servedByChoices(operation, design)}
        pointer={designPointer('operations', operation.key, 'integration')}
        onChange={(value) => edit((current) => chooseServedBy(current, operation.key, value))}
      />
      <dl className="facts">
        <dt>Operation</dt>
        <dd>
          <code>{operation.key}</code>
        </dd>
        <dt>Name</dt>
        <dd>{operation.name}</dd>
        {operation.summary !== undefined && (
          <>
            <dt>Summary</dt>
            <dd>{operation.summary}</dd>
          </>
        )}
      </dl>
      {integration === undefined && (
        <p className="muted">
          Not integrated yet: choose what serves it above, or drag from its handle to a backend.
        </p>
      )}
      {integration?.kind === 'mock' && (
        <MockForm operation={operation} response={integration.response} />
      )}
      {integration?.kind === 'lambda' && (
        <LambdaIntegrationFields operation={operation} integration={integration} />
      )}
      {integration?.kind === 'http' && (
        <HttpIntegrationFields operation={operation} integration={integration} />
      )}
      {integration?.kind === 'ecs-nlb' && (
        <EcsIntegrationFields operation={operation} integration={integration} />
      )}
      {integration?.kind === 'raw' && (
        <RawIntegrationView operation={operation} integration={integration} />
      )}
    </>
  );
}

type BackendIntegration = LambdaIntegration | HttpIntegration | EcsNlbIntegration;

/** The integration timeout in milliseconds; empty is API Gateway's 29 seconds. */
function TimeoutField({
  operation,
  integration,
}: {
  operation: Operation;
  integration: BackendIntegration;
}) {
  return (
    <TextField
      label="Timeout (ms)"
      value={integration.timeoutInMillis === undefined ? '' : String(integration.timeoutInMillis)}
      placeholder="29000"
      inputMode="numeric"
      pointer={designPointer('operations', operation.key, 'integration', 'timeoutInMillis')}
      hint={<span className="muted">50 to 29,000; empty uses 29,000.</span>}
      apply={(design, text) => {
        const millis = parseWholeNumber(text, 'Timeout', { optional: true });
        if (typeof millis === 'string') return millis;
        return editIntegration(design, operation.key, integration.kind, (current) =>
          withOptional(current, 'timeoutInMillis', millis),
        );
      }}
    />
  );
}

function LambdaIntegrationFields({
  operation,
  integration,
}: {
  operation: Operation;
  integration: LambdaIntegration;
}) {
  return (
    <fieldset className="inspector-group">
      <legend>Lambda integration</legend>
      <p className="muted">
        Proxy (<code>AWS_PROXY</code>): the function gets the whole request and returns the
        response. Gatewright renders Lambda integrations as proxies only.
      </p>
      <TimeoutField operation={operation} integration={integration} />
    </fieldset>
  );
}

/** Method and path overrides, shared by HTTP and VPC-link integrations. */
function RequestTargetFields({
  operation,
  integration,
}: {
  operation: Operation;
  integration: HttpIntegration | EcsNlbIntegration;
}) {
  const { edit } = useInspector();
  const operationMethod =
    operation.method === 'x-amazon-apigateway-any-method' ? 'ANY' : operation.method.toUpperCase();
  return (
    <>
      <SelectField
        label="Method sent to the backend"
        value={integration.httpMethod?.toUpperCase() ?? SAME_METHOD}
        options={[
          { value: SAME_METHOD, label: `Same as the operation (${operationMethod})` },
          ...METHOD_OVERRIDES.map((method) => ({ value: method, label: method })),
        ]}
        pointer={designPointer('operations', operation.key, 'integration', 'httpMethod')}
        onChange={(method) =>
          edit((design) =>
            editIntegration(design, operation.key, integration.kind, (current) =>
              withOptional(current, 'httpMethod', method === SAME_METHOD ? undefined : method),
            ),
          )
        }
      />
      <TextField
        label="Path on the backend"
        value={integration.path ?? ''}
        placeholder={operation.path}
        pointer={designPointer('operations', operation.key, 'integration', 'path')}
        hint={
          <span className="muted">
            Empty sends the operation’s path; {'{param}'} placeholders allowed.
          </span>
        }
        apply={(design, text) =>
          editIntegration(design, operation.key, integration.kind, (current) =>
            withOptional(current, 'path', text.trim() === '' ? undefined : text.trim()),
          )
        }
      />
    </>
  );
}

function HttpIntegrationFields({
  operation,
  integration,
}: {
  operation: Operation;
  integration: HttpIntegration;
}) {
  const { design, edit } = useInspector();
  return (
    <fieldset className="inspector-group">
      <legend>HTTP integration</legend>
      <CheckboxField
        label="Proxy (HTTP_PROXY)"
        checked={integration.proxy}
        hint={
          <span className="muted">
            {integration.proxy
              ? 'Request and response pass through unchanged.'
              : 'HTTP: request and response go through mapping templates.'}
          </span>
        }
        onChange={(proxy) =>
          edit((current) =>
            editIntegration(current, operation.key, 'http', (i) => ({ ...i, proxy })),
          )
        }
      />
      <RequestTargetFields operation={operation} integration={integration} />
      <TimeoutField operation={operation} integration={integration} />
      <PathParameterMapping operation={operation} integration={integration} design={design} />
    </fieldset>
  );
}

function EcsIntegrationFields({
  operation,
  integration,
}: {
  operation: Operation;
  integration: EcsNlbIntegration;
}) {
  const { design, edit } = useInspector();
  return (
    <fieldset className="inspector-group">
      <legend>VPC link integration (HTTP_PROXY)</legend>
      <RequestTargetFields operation={operation} integration={integration} />
      <TimeoutField operation={operation} integration={integration} />
      <CheckboxField
        label="Send the operation path in x-resource-path"
        checked={integration.resourcePathHeader ?? true}
        onChange={(on) =>
          edit((current) =>
            editIntegration(current, operation.key, 'ecs-nlb', (i) =>
              withOptional(i, 'resourcePathHeader', on ? undefined : false),
            ),
          )
        }
      />
      <PathParameterMapping operation={operation} integration={integration} design={design} />
    </fieldset>
  );
}

/**
 * The path parameters the render maps, `integration.request.path.x` from
 * `method.request.path.x`, and the placeholders the operation cannot fill.
 */
function PathParameterMapping({
  operation,
  integration,
  design,
}: {
  operation: Operation;
  integration: HttpIntegration | EcsNlbIntegration;
  design: DesignDocument;
}) {
  const backend = design.backends[integration.backend];
  const baseUrl = backend?.kind === 'http' ? backend.baseUrl : '';
  const hints = pathParameterHints(operation, integration, baseUrl);
  return (
    <section className="path-hints" aria-label="Path parameter mapping" data-testid="path-hints">
      <h3>Path parameters</h3>
      <p className="muted">
        Backend URL: <code>{hints.url || '(none)'}</code>
      </p>
      {hints.mappings.length === 0 ? (
        <p className="muted">No path parameters are passed to the backend.</p>
      ) : (
        <ul className="mapping-list">
          {hints.mappings.map(({ integrationParameter, source }) => (
            <li key={integrationParameter}>
              <code>{integrationParameter}</code> ← <code>{source}</code>
            </li>
          ))}
        </ul>
      )}
      {hints.unknownInUrl.map((name) => (
        <p key={name} className="field-message" role="status">
          The URL uses {`{${name}}`}, which {operation.key} has no path parameter for
          {hints.operationParameters.length > 0
            ? ` (it has ${hints.operationParameters.map((p) => `{${p}}`).join(', ')})`
            : ''}
          : the backend would receive it literally. Rename it or change the path on the backend.
        </p>
      ))}
      {hints.unused.length > 0 && (
        <p className="muted">
          Not passed to the backend: {hints.unused.map((p) => `{${p}}`).join(', ')}.
        </p>
      )}
    </section>
  );
}

/**
 * Why core keeps an operation's integration raw: its finding from reading the
 * model's integrations back, when the model carries one.
 */
function useRawReason(operation: Operation): string | undefined {
  const { model } = useInspector();
  const findings = useMemo(
    () => recoverDesign(model, model.file ?? 'openapi').diagnostics,
    [model],
  );
  return findings.find(
    (finding) =>
      finding.code === 'model.integration-kept-raw' && finding.location.operation === operation.key,
  )?.message;
}

function RawIntegrationView({
  operation,
  integration,
}: {
  operation: Operation;
  integration: RawIntegration;
}) {
  const reason = useRawReason(operation);
  const type = integration.integration['type'];
  return (
    <section className="inspector-group" aria-label="Raw integration">
      <h3>Raw integration{typeof type === 'string' ? ` (type ${type})` : ''}</h3>
      <p className="muted" data-testid="raw-reason">
        {reason ??
          'This x-amazon-apigateway-integration is of a kind Gatewright does not model, so it is rendered exactly as written.'}{' '}
        Choose a backend or a mock above to replace it.
      </p>
      <div className="inspector-code">
        <CodeEditor
          value={JSON.stringify(integration.integration, null, 2)}
          language="json"
          label="Raw integration (read-only)"
          compact
          testId="code-editor"
        />
      </div>
    </section>
  );
}
