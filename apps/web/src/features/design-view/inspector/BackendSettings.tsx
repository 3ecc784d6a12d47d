import type {
  BackendId,
  EcsNlbBackend,
  ExistingLambdaFunction,
  ExistingNlb,
  HttpBackend,
  LambdaBackend,
  NewFargateService,
  NewLambdaFunction,
  OperationKey,
} from '@gatewright/core';
import { useId, useRef } from 'react';
import { operationNodeId } from '../../../canvas/build-graph';
import { CodeEditor } from '../../../editors/CodeEditor';
import { NEW_ECS_SERVICE } from '../design-edits';
import { editBackend, withOptional } from './design-edits';
import { designPointer } from './findings';
import { CheckboxField, SelectField, TextField, parseWholeNumber } from './fields';
import { useInspector } from './inspector-context';
import { LAMBDA_RUNTIMES, deprecatedRuntimes, starterFunction } from './lambda-runtimes';
import { placeholderNames } from './path-hints';

/** A pause in typing handler code that makes the typed text one undo step. */
const HANDLER_CODE_SETTLE_MILLIS = 800;

/** A backend: its label, its settings by kind, and the operations it serves. */
export function BackendSettings({
  backendId,
  operationKeys,
}: {
  backendId: BackendId;
  operationKeys: readonly OperationKey[];
}) {
  const { design } = useInspector();
  const backend = design.backends[backendId];
  if (!backend) return <p className="muted">This backend is no longer in the design.</p>;
  return (
    <>
      <TextField
        label="Label"
        value={backend.label ?? ''}
        placeholder={backendId}
        pointer={designPointer('backends', backendId, 'label')}
        hint={<span className="muted">Shown on the canvas; empty shows the id, {backendId}.</span>}
        apply={(current, text) => {
          const existing = current.backends[backendId];
          if (!existing) return current;
          return {
            ...current,
            backends: {
              ...current.backends,
              [backendId]: withOptional(existing, 'label', text.trim() || undefined),
            },
          };
        }}
      />
      {backend.kind === 'lambda' && <LambdaFields backendId={backendId} backend={backend} />}
      {backend.kind === 'http' && <HttpFields backendId={backendId} backend={backend} />}
      {backend.kind === 'ecs-nlb' && <EcsFields backendId={backendId} backend={backend} />}
      <ServedOperations operationKeys={operationKeys} />
    </>
  );
}

function ServedOperations({ operationKeys }: { operationKeys: readonly OperationKey[] }) {
  const { select } = useInspector();
  return (
    <section className="inspector-group" aria-label="Operations served">
      <h3>
        Serves {operationKeys.length === 1 ? '1 operation' : `${operationKeys.length} operations`}
      </h3>
      {operationKeys.length === 0 ? (
        <p className="muted">None yet: drag from an operation’s handle to this backend.</p>
      ) : (
        <ul className="served-list">
          {operationKeys.map((key) => (
            <li key={key}>
              <button
                type="button"
                className="link-button"
                onClick={() => select(operationNodeId(key))}
              >
                <code>{key}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Radio buttons choosing between a new resource and an existing one. */
function SourceSwitch({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: 'new' | 'existing';
  options: Record<'new' | 'existing', string>;
  onChange: (source: 'new' | 'existing') => void;
}) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className="mode-switch">
      {(['new', 'existing'] as const).map((source) => (
        <label key={source}>
          <input
            type="radio"
            name={name}
            checked={value === source}
            onChange={() => onChange(source)}
          />
          {options[source]}
        </label>
      ))}
    </div>
  );
}

function LambdaFields({ backendId, backend }: { backendId: BackendId; backend: LambdaBackend }) {
  const { edit } = useInspector();
  // What the other source had, so switching back and forth loses nothing.
  const memory = useRef<{ new?: NewLambdaFunction; existing?: ExistingLambdaFunction }>({});
  const fn = backend.function;
  const at = (field: string) => designPointer('backends', backendId, 'function', field);
  const setFunction = (next: LambdaBackend['function']) =>
    edit((design) => editBackend(design, backendId, 'lambda', (b) => ({ ...b, function: next })));
  const switchSource = (source: 'new' | 'existing') => {
    if (source === fn.source) return;
    if (fn.source === 'new') memory.current.new = fn;
    else memory.current.existing = fn;
    setFunction(
      source === 'new'
        ? (memory.current.new ?? (starterFunction() as NewLambdaFunction))
        : (memory.current.existing ?? { source: 'existing', functionArn: '' }),
    );
  };
  const applyNew =
    (change: (fn: NewLambdaFunction) => NewLambdaFunction) =>
    (design: Parameters<typeof editBackend>[0]) =>
      editBackend(design, backendId, 'lambda', (b) =>
        b.function.source === 'new' ? { ...b, function: change(b.function) } : b,
      );
  const numberField = (
    label: string,
    field: 'memoryMiB' | 'timeoutSeconds',
    hint: string,
    value: number,
  ) => (
    <TextField
      label={label}
      value={String(value)}
      inputMode="numeric"
      pointer={at(field)}
      hint={<span className="muted">{hint}</span>}
      apply={(design, text) => {
        const number = parseWholeNumber(text, label);
        if (typeof number !== 'number') return number ?? `${label} is required.`;
        return applyNew((f) => ({ ...f, [field]: number }))(design);
      }}
    />
  );

  return (
    <fieldset className="inspector-group">
      <legend>Lambda function</legend>
      <SourceSwitch
        label="Function"
        value={fn.source}
        options={{ new: 'New function', existing: 'Existing function' }}
        onChange={switchSource}
      />
      {fn.source === 'existing' ? (
        <TextField
          label="Function ARN"
          value={fn.functionArn}
          placeholder="arn:aws:lambda:eu-west-1:123456789012:function:my-function"
          pointer={at('functionArn')}
          apply={(design, text) =>
            editBackend(design, backendId, 'lambda', (b) => ({
              ...b,
              function: { source: 'existing', functionArn: text.trim() },
            }))
          }
        />
      ) : (
        <>
          <SelectField
            label="Runtime"
            value={fn.runtime}
            pointer={at('runtime')}
            options={LAMBDA_RUNTIMES.map((runtime) => ({
              value: runtime,
              label: deprecatedRuntimes().has(runtime) ? `${runtime} (deprecated)` : runtime,
            }))}
            hint={
              fn.runtime.startsWith('python') && /export const handler/.test(fn.code) ? (
                <p className="field-message">
                  The handler code is JavaScript but the runtime is {fn.runtime}: rewrite it in
                  Python, or pick a Node.js runtime.
                </p>
              ) : undefined
            }
            onChange={(runtime) => edit(applyNew((f) => ({ ...f, runtime })))}
          />
          <TextField
            label="Handler"
            value={fn.handler}
            placeholder="index.handler"
            pointer={at('handler')}
            hint={<span className="muted">file.export, e.g. index.handler.</span>}
            apply={(design, text) =>
              text.trim() === ''
                ? 'The handler is required: file.export, such as index.handler.'
                : applyNew((f) => ({ ...f, handler: text.trim() }))(design)
            }
          />
          {numberField('Memory (MiB)', 'memoryMiB', '128 to 10,240.', fn.memoryMiB)}
          {numberField(
            'Timeout (s)',
            'timeoutSeconds',
            '1 to 900; API Gateway stops waiting after its own timeout.',
            fn.timeoutSeconds,
          )}
          <div className="field">
            <span className="field-label" id={`${backendId}-code-label`}>
              Handler code
            </span>
            <div className="inspector-code inspector-code-editor">
              <CodeEditor
                value={fn.code}
                language={fn.runtime.startsWith('python') ? 'python' : 'javascript'}
                label={`Handler code of ${backend.label ?? backendId}`}
                onChange={(code) => edit(applyNew((f) => ({ ...f, code })))}
                settleMillis={HANDLER_CODE_SETTLE_MILLIS}
                compact
                testId="code-editor"
              />
            </div>
          </div>
        </>
      )}
    </fieldset>
  );
}

function HttpFields({ backendId, backend }: { backendId: BackendId; backend: HttpBackend }) {
  const { edit } = useInspector();
  return (
    <fieldset className="inspector-group">
      <legend>HTTP endpoint</legend>
      <TextField
        label="Base URL"
        value={backend.baseUrl}
        inputMode="url"
        placeholder="https://backend.example.com/v1"
        pointer={designPointer('backends', backendId, 'baseUrl')}
        hint={
          <span className="muted">
            Each operation’s path (or its path override) is appended. Put {'{param}'} placeholders
            in the operation path, not here: only the path’s parameters are mapped.
          </span>
        }
        warn={(text) =>
          placeholderNames(text).length > 0
            ? `The base URL uses ${placeholderNames(text)
                .map((p) => `{${p}}`)
                .join(
                  ', ',
                )}, which no operation maps by default: the backend would receive it literally.`
            : undefined
        }
        apply={(design, text) =>
          editBackend(design, backendId, 'http', (b) => ({ ...b, baseUrl: text.trim() }))
        }
      />
      <CheckboxField
        label="Skip TLS certificate verification"
        checked={backend.insecureSkipVerification ?? false}
        hint={<span className="muted">Only for test backends with self-signed certificates.</span>}
        onChange={(skip) =>
          edit((design) =>
            editBackend(design, backendId, 'http', (b) =>
              withOptional(b, 'insecureSkipVerification', skip ? true : undefined),
            ),
          )
        }
      />
    </fieldset>
  );
}

function EcsFields({ backendId, backend }: { backendId: BackendId; backend: EcsNlbBackend }) {
  const { edit } = useInspector();
  const memory = useRef<{ new?: NewFargateService; existing?: ExistingNlb }>({});
  const service = backend.service;
  const at = (field: string) => designPointer('backends', backendId, 'service', field);
  const switchSource = (source: 'new' | 'existing') => {
    if (source === service.source) return;
    if (service.source === 'new') memory.current.new = service;
    else memory.current.existing = service;
    const next: EcsNlbBackend['service'] =
      source === 'new'
        ? (memory.current.new ?? NEW_ECS_SERVICE)
        : (memory.current.existing ?? { source: 'existing', nlbDnsName: '', vpcLinkId: '' });
    edit((design) => editBackend(design, backendId, 'ecs-nlb', (b) => ({ ...b, service: next })));
  };
  const applyService =
    <S extends 'new' | 'existing'>(
      source: S,
      change: (s: Extract<EcsNlbBackend['service'], { source: S }>) => EcsNlbBackend['service'],
    ) =>
    (design: Parameters<typeof editBackend>[0]) =>
      editBackend(design, backendId, 'ecs-nlb', (b) =>
        b.service.source === source
          ? { ...b, service: change(b.service as Extract<EcsNlbBackend['service'], { source: S }>) }
          : b,
      );
  const numberField = (
    label: string,
    field: 'containerPort' | 'cpu' | 'memoryMiB' | 'desiredCount',
    value: number,
  ) => (
    <TextField
      key={field}
      label={label}
      value={String(value)}
      inputMode="numeric"
      pointer={at(field)}
      apply={(design, text) => {
        const number = parseWholeNumber(text, label);
        if (typeof number !== 'number') return number ?? `${label} is required.`;
        return applyService('new', (s) => ({ ...s, [field]: number }))(design);
      }}
    />
  );
  const textField = (
    label: string,
    field: 'image' | 'nlbDnsName' | 'vpcLinkId',
    value: string,
    placeholder: string,
  ) => (
    <TextField
      key={field}
      label={label}
      value={value}
      placeholder={placeholder}
      pointer={at(field)}
      apply={(design, text) =>
        field === 'image'
          ? applyService('new', (s) => ({ ...s, image: text.trim() }))(design)
          : applyService('existing', (s) => ({ ...s, [field]: text.trim() }))(design)
      }
    />
  );

  return (
    <fieldset className="inspector-group">
      <legend>ECS service behind an NLB</legend>
      <SourceSwitch
        label="Service"
        value={service.source}
        options={{ new: 'New Fargate service', existing: 'Existing NLB and VPC link' }}
        onChange={switchSource}
      />
      {service.source === 'new' ? (
        <>
          {textField(
            'Container image',
            'image',
            service.image,
            'public.ecr.aws/nginx/nginx:latest',
          )}
          {numberField('Container port', 'containerPort', service.containerPort)}
          {numberField('CPU units', 'cpu', service.cpu)}
          {numberField('Memory (MiB)', 'memoryMiB', service.memoryMiB)}
          {numberField('Tasks', 'desiredCount', service.desiredCount)}
        </>
      ) : (
        <>
          {textField(
            'NLB DNS name',
            'nlbDnsName',
            service.nlbDnsName,
            'my-nlb-123.elb.eu-west-1.amazonaws.com',
          )}
          {textField('VPC link id', 'vpcLinkId', service.vpcLinkId, 'abc123')}
        </>
      )}
      <TextField
        label="Sandbox URL"
        value={backend.sandboxUrl ?? ''}
        placeholder="http://127.0.0.1:8080"
        inputMode="url"
        pointer={designPointer('backends', backendId, 'sandboxUrl')}
        hint={
          <span className="muted">
            The sandbox runs no containers: a sandbox deploy calls this URL instead.
          </span>
        }
        apply={(design, text) =>
          editBackend(design, backendId, 'ecs-nlb', (b) =>
            withOptional(b, 'sandboxUrl', text.trim() || undefined),
          )
        }
      />
    </fieldset>
  );
}
