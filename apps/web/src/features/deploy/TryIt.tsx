import type { Operation } from '@gatewright/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { tryMutation, type TargetKind } from './queries';
import {
  draftFor,
  parseHeaders,
  prettyBody,
  tryMethod,
  type TryDraft,
  type TryMethod,
} from './try-draft';

const METHODS: TryMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export interface TryItProps {
  api: ApiClient;
  designId: string;
  target: TargetKind;
  operations: readonly Operation[];
}

/**
 * "Try it": pick an operation, adjust the request the model's examples
 * filled in, send it to the deployed API through the server, read the answer.
 */
export function TryIt({ api, designId, target, operations }: TryItProps) {
  const triable = useMemo(
    () => operations.filter((operation) => tryMethod(operation.method) !== undefined),
    [operations],
  );
  const [key, setKey] = useState('');
  const [draft, setDraft] = useState<TryDraft>();
  const [problem, setProblem] = useState<string>();
  const send = useMutation(tryMutation(api, designId));
  const id = useId();

  const pick = (operationKey: string) => {
    setKey(operationKey);
    const operation = triable.find((candidate) => candidate.key === operationKey);
    setDraft(operation ? draftFor(operation) : undefined);
    setProblem(undefined);
    send.reset();
  };
  const change = (part: Partial<TryDraft>) =>
    setDraft((current) => current && { ...current, ...part });
  const submit = () => {
    if (!draft) return;
    const headers = parseHeaders(draft.headers);
    if (!headers.ok) return setProblem(headers.message);
    if (!draft.path.startsWith('/')) return setProblem('The path must start with /.');
    setProblem(undefined);
    send.mutate({
      target,
      method: draft.method,
      path: draft.path,
      headers: headers.headers,
      ...(draft.body !== '' && draft.method !== 'GET' && draft.method !== 'HEAD'
        ? { body: draft.body }
        : {}),
    });
  };

  return (
    <section className="try-it" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Try it</h3>
      <label className="deploy-field">
        Operation
        <select value={key} onChange={(event) => pick(event.target.value)}>
          <option value="">Choose an operation…</option>
          {triable.map((operation) => (
            <option key={operation.key} value={operation.key}>
              {operation.key}
              {operation.summary ? ` — ${operation.summary}` : ''}
            </option>
          ))}
        </select>
      </label>
      {draft && (
        <form
          className="try-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className="try-line">
            <label className="deploy-field">
              Method
              <select
                value={draft.method}
                onChange={(event) => change({ method: event.target.value as TryMethod })}
              >
                {METHODS.map((method) => (
                  <option key={method}>{method}</option>
                ))}
              </select>
            </label>
            <label className="deploy-field try-path">
              Path
              <input
                value={draft.path}
                spellCheck={false}
                onChange={(event) => change({ path: event.target.value })}
              />
            </label>
          </div>
          <label className="deploy-field">
            Headers <span className="muted">(one “Name: value” a line)</span>
            <textarea
              rows={2}
              value={draft.headers}
              spellCheck={false}
              onChange={(event) => change({ headers: event.target.value })}
            />
          </label>
          {draft.method !== 'GET' && draft.method !== 'HEAD' && (
            <label className="deploy-field">
              Body
              <textarea
                rows={5}
                value={draft.body}
                spellCheck={false}
                onChange={(event) => change({ body: event.target.value })}
              />
            </label>
          )}
          {problem && (
            <p className="deploy-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send'}
          </button>
        </form>
      )}
      {send.isError && (
        <p className="deploy-error" role="alert">
          The request was not sent: {send.error.message}
        </p>
      )}
      {send.data && (
        <section className="try-response" aria-label="Response">
          <p>
            <strong data-testid="try-status">
              {send.data.status === 0 ? 'No answer' : send.data.status}
            </strong>{' '}
            <span className="muted">
              in {Math.round(send.data.timeMillis)} ms from {send.data.url}
            </span>
          </p>
          <details>
            <summary>Headers ({Object.keys(send.data.headers).length})</summary>
            <dl className="try-headers">
              {Object.entries(send.data.headers).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </details>
          <pre data-testid="try-body" tabIndex={0} aria-label="Response body">
            {prettyBody(send.data.body)}
          </pre>
        </section>
      )}
    </section>
  );
}
