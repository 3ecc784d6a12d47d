import type { ApiModel, DesignDocument } from '@gatewright/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiRequestError, type ApiClient } from '../../api/client';
import type { SaveStatus } from '../design-view/use-autosave';
import { ChangeSetTable } from './ChangeSetTable';
import { DeployRunView } from './DeployRunView';
import { DesignStacks } from './DesignStacks';
import {
  cancelMutation,
  changeSetMutation,
  deleteStackMutation,
  deployEventsUrl,
  deployKeys,
  executeMutation,
  startSandboxMutation,
  stacksQuery,
  type TargetKind,
} from './queries';
import { useRunStraightAway } from './run-straight-away';
import { sandboxUrlNotes } from './sandbox-notes';
import { TryIt } from './TryIt';
import { useDeployEvents } from './use-deploy-events';
import './deploy.css';

export interface DeployPanelProps {
  api: ApiClient;
  designId: string;
  model: ApiModel;
  /** The design being edited; a deploy is of the saved one, so a pending save goes first. */
  design: DesignDocument;
  saveStatus: SaveStatus;
  onClose: () => void;
}

/**
 * The deploy side panel: target, change set, the run's progress and events,
 * outputs and invoke URL, "Try it", the design's stacks and deleting the
 * sandbox stack. Server state goes through TanStack Query, the run's events
 * through server-sent events.
 */
export function DeployPanel({
  api,
  designId,
  model,
  design,
  saveStatus,
  onClose,
}: DeployPanelProps) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [target, setTarget] = useState<TargetKind>('sandbox');
  const [runStraightAway, setRunStraightAway] = useRunStraightAway();
  const [waitingForSave, setWaitingForSave] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string>();
  const [runId, setRunId] = useState<number>();
  const [approved, setApproved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const stacks = useQuery(stacksQuery(api, designId, target));
  const aws = useQuery(stacksQuery(api, designId, 'aws'));
  const changeSet = useMutation(changeSetMutation(api, designId));
  const execute = useMutation(executeMutation(api, designId));
  const cancel = useMutation(cancelMutation(api, designId));
  const remove = useMutation(deleteStackMutation(api, designId));
  const startSandbox = useMutation({
    ...startSandboxMutation(api),
    // The refusal it answered is stale once the sandbox runs: Deploy is tried afresh.
    onSuccess: () => changeSet.reset(),
  });
  const log = useDeployEvents(deployEventsUrl(api, designId), runId);
  const result = log.result;

  useEffect(() => heading.current?.focus(), []);
  // A finished run changed the stacks: read them again.
  useEffect(() => {
    if (result) void queryClient.invalidateQueries({ queryKey: deployKeys.all(designId) });
  }, [result, queryClient, designId]);

  const run = (changeSetId: string) =>
    execute.mutate(changeSetId, {
      onSuccess: () => {
        cancel.reset();
        setRunId((id) => (id ?? 0) + 1);
      },
    });
  const createChangeSet = () => {
    setRunId(undefined);
    setApproved(false);
    execute.reset();
    remove.reset();
    changeSet.mutate(target, {
      onSuccess: (made) => {
        if (made.target.kind === 'sandbox' && runStraightAway && !made.noChanges)
          run(made.changeSetId);
      },
    });
  };
  const deploy = () => {
    setSaveProblem(undefined);
    if (saveStatus === 'saved') createChangeSet();
    else if (saveStatus === 'unsaved' || saveStatus === 'saving') setWaitingForSave(true);
    else
      setSaveProblem(
        'Save first: a deploy is of the saved design, and the latest changes are not saved (see the save status).',
      );
  };
  // Once the pending save lands, the deploy it waited for goes ahead.
  useEffect(() => {
    if (!waitingForSave) return;
    if (saveStatus === 'saved') {
      setWaitingForSave(false);
      createChangeSet();
    } else if (saveStatus === 'conflict' || saveStatus === 'failed') {
      setWaitingForSave(false);
      setSaveProblem(
        'Save first: the latest changes could not be saved, and a deploy is of the saved design.',
      );
    }
  });

  const made = changeSet.data;
  const running = runId !== undefined && !result;
  const busy = changeSet.isPending || execute.isPending || running || waitingForSave;
  const awaitingApproval = made && !made.noChanges && runId === undefined && !execute.isPending;
  const invokeUrl = result ? result.invokeUrl : stacks.data?.invokeUrl;
  const outputs = result?.outputs ?? stacks.data?.stacks[0]?.outputs ?? {};
  const ecsNotes = target === 'sandbox' ? sandboxUrlNotes(design) : [];
  const error = changeSet.error ?? execute.error ?? remove.error ?? cancel.error;

  return (
    <aside
      className="deploy-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="deploy-header">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          Deploy
        </h2>
        <button type="button" onClick={onClose} aria-label="Close deploy panel">
          Close
        </button>
      </header>

      <fieldset className="deploy-targets" disabled={busy}>
        <legend>Target</legend>
        <label>
          <input
            type="radio"
            name={`${titleId}-target`}
            checked={target === 'sandbox'}
            onChange={() => setTarget('sandbox')}
          />
          Sandbox (ministack on this machine)
        </label>
        <label>
          <input
            type="radio"
            name={`${titleId}-target`}
            checked={target === 'aws'}
            disabled={!aws.isSuccess}
            onChange={() => setTarget('aws')}
          />
          AWS account
          <span className="muted">
            {aws.isPending
              ? ' (checking the server’s credentials…)'
              : aws.isError
                ? ` (not available: ${aws.error.message})`
                : ''}
          </span>
        </label>
        {target === 'sandbox' && (
          <label>
            <input
              type="checkbox"
              checked={runStraightAway}
              onChange={(event) => setRunStraightAway(event.target.checked)}
            />
            Run sandbox deploys straight away
          </label>
        )}
      </fieldset>

      {ecsNotes.map((note) => (
        <p key={note} className="deploy-note">
          {note}
        </p>
      ))}

      <div className="deploy-actions">
        {/* aria-disabled, not disabled: the button keeps the focus while the deploy runs. */}
        <button
          type="button"
          className="primary"
          onClick={busy ? undefined : deploy}
          aria-disabled={busy}
        >
          {waitingForSave
            ? 'Saving first…'
            : changeSet.isPending
              ? 'Making the change set…'
              : 'Deploy'}
        </button>
      </div>

      {saveProblem && (
        <p className="deploy-error" role="alert">
          {saveProblem}
        </p>
      )}
      {error && (
        <div className="deploy-error" role="alert" aria-label="Deploy problem">
          <p>{error.message}</p>
          {error instanceof ApiRequestError && error.code === 'sandbox-down' && (
            <button
              type="button"
              onClick={() => startSandbox.mutate()}
              aria-disabled={startSandbox.isPending}
            >
              {startSandbox.isPending ? 'Starting the sandbox…' : 'Start the sandbox'}
            </button>
          )}
        </div>
      )}
      {startSandbox.error && (
        <p className="deploy-error" role="alert">
          {startSandbox.error.message}
        </p>
      )}
      {startSandbox.isSuccess && !error && (
        <p role="status">The sandbox is running; deploy again.</p>
      )}

      {made && <ChangeSetTable changeSet={made} />}

      {awaitingApproval &&
        (made.target.kind === 'aws' ? (
          <div className="deploy-approve">
            <label>
              <input
                type="checkbox"
                checked={approved}
                onChange={(event) => setApproved(event.target.checked)}
              />
              {made.confirmation}
            </label>
            <button
              type="button"
              className="primary"
              disabled={!approved}
              onClick={() => run(made.changeSetId)}
            >
              Approve and deploy to {made.target.accountId} ({made.target.region})
            </button>
          </div>
        ) : (
          <div className="deploy-approve">
            <button type="button" className="primary" onClick={() => run(made.changeSetId)}>
              Execute
            </button>
          </div>
        ))}

      {runId !== undefined && (
        <DeployRunView
          log={log}
          onCancel={() => cancel.mutate()}
          cancelling={cancel.isPending}
          {...(cancel.data ? { cancelMessage: cancel.data.message } : {})}
        />
      )}

      {invokeUrl && !running && (
        <section className="deploy-outputs" aria-label="Deployed API">
          <h3>Deployed API</h3>
          <div className="invoke-url">
            <span>Invoke URL</span>
            <code data-testid="invoke-url">{invokeUrl}</code>
            <CopyButton text={invokeUrl} />
          </div>
          {Object.keys(outputs).length > 0 && (
            <dl className="deploy-output-list" aria-label="Stack outputs">
              {Object.entries(outputs).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>
                    <code>{value}</code>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <TryIt api={api} designId={designId} target={target} operations={model.operations} />
        </section>
      )}

      <section className="deploy-stack-list" aria-label="Stacks">
        <h3>Stacks of this design</h3>
        {stacks.isPending && <p className="muted">Reading the stacks…</p>}
        {stacks.isError && (
          <p className="deploy-error" role="alert">
            {stacks.error.message}
          </p>
        )}
        {stacks.data && <DesignStacks stacks={stacks.data} />}
        {target === 'sandbox' &&
          stacks.data &&
          stacks.data.stacks.length > 0 &&
          (confirmDelete ? (
            <div className="deploy-approve" role="group" aria-label="Confirm delete">
              <p>Delete the sandbox stack and everything in it?</p>
              <button
                type="button"
                className="danger"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate('sandbox', {
                    onSettled: () => {
                      setConfirmDelete(false);
                      setRunId(undefined);
                      changeSet.reset();
                      void queryClient.invalidateQueries({ queryKey: deployKeys.all(designId) });
                    },
                  })
                }
              >
                {remove.isPending ? 'Deleting…' : 'Delete it'}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </div>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirmDelete(true)}>
              Delete sandbox stack
            </button>
          ))}
        {remove.data && (
          <p role="status">
            {remove.data.deleted
              ? `Deleted ${remove.data.stackName}.`
              : `There was no stack ${remove.data.stackName} to delete.`}
          </p>
        )}
      </section>
    </aside>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  return (
    <>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('failed'),
          )
        }
      >
        Copy
      </button>
      <span role="status" className="muted">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the URL' : ''}
      </span>
    </>
  );
}
