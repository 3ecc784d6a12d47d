import type { DeployEvent, DeployResult } from '@gatewright/server/src/deploy/engine';
import type { DeployStackEvent } from '@gatewright/server/src/deploy/stack-events';

export type { DeployEvent, DeployResult, DeployStackEvent };

/** What the page knows of a running (or finished) deploy, from its event stream. */
export interface DeployLog {
  /** Stack events, oldest first, each once. */
  events: DeployStackEvent[];
  done: number;
  total: number;
  notes: string[];
  /** Set by the stream's last event. */
  result?: DeployResult;
}

export const EMPTY_LOG: DeployLog = { events: [], done: 0, total: 0, notes: [] };

/**
 * The log with one more event of the stream. The server replays a run from its
 * start to every subscriber, so an event already seen (a reconnect) is skipped.
 */
export function addDeployEvent(log: DeployLog, event: DeployEvent): DeployLog {
  switch (event.kind) {
    case 'stack-event':
      if (log.events.some((seen) => seen.id === event.event.id)) return log;
      return {
        ...log,
        events: [...log.events, event.event],
        done: event.progress.done,
        total: event.progress.total,
      };
    case 'note':
      if (log.notes.includes(event.message)) return log;
      return { ...log, notes: [...log.notes, event.message] };
    case 'done':
      return {
        ...log,
        result: event.result,
        done: event.result.outcome === 'succeeded' ? Math.max(log.total, log.done) : log.done,
      };
  }
}

/** A stream message's data as a deploy event, or undefined for anything else. */
export function parseDeployEvent(data: string): DeployEvent | undefined {
  try {
    const parsed = JSON.parse(data) as { kind?: unknown } | null;
    const kind = parsed?.kind;
    return kind === 'stack-event' || kind === 'note' || kind === 'done'
      ? (parsed as DeployEvent)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a CloudFormation status is a failure a person must see. */
export function isFailedStatus(status: string): boolean {
  return status.endsWith('_FAILED') || status.includes('ROLLBACK');
}
