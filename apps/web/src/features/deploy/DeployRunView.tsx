import type { DeployLog } from './deploy-log';
import { isFailedStatus } from './deploy-log';

export interface DeployRunViewProps {
  log: DeployLog;
  onCancel: () => void;
  cancelling: boolean;
  /** What the cancel did, in words. */
  cancelMessage?: string;
}

/**
 * A running or finished deploy: the progress (resources done of total), the
 * failure in words when there is one (never hidden under the log), and the
 * whole event log.
 */
export function DeployRunView({ log, onCancel, cancelling, cancelMessage }: DeployRunViewProps) {
  const result = log.result;
  const total = Math.max(log.total, log.done, 1);
  const status = result
    ? {
        succeeded: `Done: ${result.stackStatus}`,
        failed: `Failed: ${result.stackStatus}`,
        cancelled: `Cancelled: ${result.stackStatus}`,
      }[result.outcome]
    : `Deploying… ${log.done} of ${log.total || '?'} resources`;
  return (
    <section className="deploy-run" aria-label="Deploy progress">
      <div className="deploy-progress">
        <progress
          max={total}
          value={log.done}
          aria-label="Resources done"
          aria-valuetext={`${log.done} of ${total} resources`}
        />
        <span role="status" data-testid="deploy-status" data-outcome={result?.outcome ?? 'running'}>
          {status}
        </span>
        {!result && (
          <button type="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      {cancelMessage && <p className="deploy-note">{cancelMessage}</p>}
      {result?.failure && (
        <div
          className="deploy-failure"
          role="alert"
          aria-label={result.outcome === 'cancelled' ? 'Deploy cancelled' : 'Deploy failed'}
        >
          <p>
            <strong>{failureLead(result.outcome, result.failure)}</strong> {result.failure.reason}
          </p>
          <p>
            Stack status {result.failure.stackStatus}. {result.failure.rollback}
          </p>
        </div>
      )}
      {log.notes.map((note) => (
        <p key={note} className="deploy-note">
          {note}
        </p>
      ))}
      <div className="deploy-log-scroll" tabIndex={0} role="group" aria-label="Stack event log">
        <table className="deploy-table deploy-log" aria-label="Stack events">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Logical id</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {log.events.map((event) => (
              <tr
                key={event.id}
                className={isFailedStatus(event.status) ? 'event-failed' : undefined}
              >
                <td>
                  <time dateTime={event.timestamp}>{timeOf(event.timestamp)}</time>
                </td>
                <td>
                  <code>{event.logicalId}</code>
                </td>
                <td>{event.resourceType}</td>
                <td>{event.status}</td>
                <td>{event.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function failureLead(
  outcome: NonNullable<DeployLog['result']>['outcome'],
  failure: NonNullable<NonNullable<DeployLog['result']>['failure']>,
): string {
  if (outcome === 'cancelled') return 'The deploy was cancelled.';
  if (!failure.logicalId) return 'The deploy failed:';
  return `${failure.logicalId}${failure.resourceType ? ` (${failure.resourceType})` : ''} failed:`;
}

function timeOf(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : date.toLocaleTimeString(undefined, { hour12: false });
}
