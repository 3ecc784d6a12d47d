import type { StackEvent } from '@aws-sdk/client-cloudformation';

/** A stack event as the page and the terminal show it. */
export interface DeployStackEvent {
  id: string;
  /** ISO 8601. */
  timestamp: string;
  logicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
}

/** Resources done of the total the change set named. */
export interface DeployProgress {
  done: number;
  total: number;
}

/** CloudFormation's page of events, newest first, as ours. */
export function toDeployEvent(event: StackEvent): DeployStackEvent {
  return {
    id:
      event.EventId ??
      `${event.LogicalResourceId}-${event.ResourceStatus}-${String(event.Timestamp)}`,
    timestamp: (event.Timestamp ?? new Date(0)).toISOString(),
    logicalId: event.LogicalResourceId ?? '',
    resourceType: event.ResourceType ?? '',
    status: event.ResourceStatus ?? '',
    ...(event.ResourceStatusReason ? { reason: event.ResourceStatusReason } : {}),
  };
}

/**
 * Turns repeated polls of DescribeStackEvents (newest first, overlapping) into
 * each event once, oldest first. Events seen before `start` are ignored, so a
 * redeploy shows only its own.
 */
export class StackEventFeed {
  private readonly seen = new Set<string>();

  /** Marks events that happened before this deploy as seen. */
  ignore(events: readonly StackEvent[]): void {
    for (const event of events) this.seen.add(toDeployEvent(event).id);
  }

  /** Whether the event with this id was taken or ignored before. */
  hasSeen(id: string): boolean {
    return this.seen.has(id);
  }

  /** The events of `page` not seen before, oldest first. */
  take(page: readonly StackEvent[]): DeployStackEvent[] {
    const fresh: DeployStackEvent[] = [];
    for (const event of page) {
      const ours = toDeployEvent(event);
      if (this.seen.has(ours.id)) continue;
      this.seen.add(ours.id);
      fresh.push(ours);
    }
    return fresh.reverse();
  }
}

const DONE = /_(COMPLETE|FAILED)$/;

/**
 * Progress so far: resources (not the stack itself) whose latest event is a
 * final status, of `total` (the change set's count). Never over the total,
 * since a rollback touches resources twice.
 */
export function progressOf(
  events: readonly DeployStackEvent[],
  stackName: string,
  total: number,
): DeployProgress {
  const latest = new Map<string, string>();
  for (const event of events) {
    if (event.logicalId === stackName && event.resourceType === 'AWS::CloudFormation::Stack')
      continue;
    latest.set(event.logicalId, event.status);
  }
  const done = [...latest.values()].filter((status) => DONE.test(status)).length;
  return { done: Math.min(done, total), total };
}

/** Whether a stack status is final (nothing more will happen without a new request). */
export function isTerminal(stackStatus: string): boolean {
  return !stackStatus.endsWith('_IN_PROGRESS');
}

/** Whether a final stack status means the deploy did what was asked. */
export function succeeded(stackStatus: string): boolean {
  return (
    (stackStatus === 'CREATE_COMPLETE' || stackStatus === 'UPDATE_COMPLETE') &&
    !stackStatus.includes('ROLLBACK')
  );
}

/** What went wrong, for a person to act on. */
export interface DeployFailure {
  /** The first resource that failed, when one did. */
  logicalId?: string;
  resourceType?: string;
  reason: string;
  /** The stack's final status, and what it means. */
  stackStatus: string;
  rollback: string;
}

const ROLLBACK_WORDS: Record<string, string> = {
  ROLLBACK_COMPLETE:
    'The new stack was rolled back and holds nothing; delete it before deploying again.',
  ROLLBACK_FAILED: 'The rollback of the new stack failed too; delete the stack, then deploy again.',
  UPDATE_ROLLBACK_COMPLETE: 'The update was rolled back: the stack is as it was before.',
  UPDATE_ROLLBACK_FAILED:
    'The rollback of the update failed: the stack is in between; continue the rollback in the CloudFormation console, or delete the stack.',
  CREATE_FAILED: 'The stack was not created.',
  UPDATE_FAILED: 'The update failed and was not rolled back.',
  DELETE_FAILED: 'Some resources could not be deleted; they are still there.',
  DELETE_COMPLETE: 'The stack was deleted: nothing of it remains.',
};

/**
 * The failure in plain words: the first resource that failed and its reason
 * (a later "Resource creation cancelled" is a consequence, not the cause),
 * and what the final status means for the stack.
 */
export function summarizeFailure(
  events: readonly DeployStackEvent[],
  stackStatus: string,
  stackReason?: string,
): DeployFailure {
  const failed =
    events.find(
      (event) =>
        event.status.endsWith('_FAILED') &&
        event.resourceType !== 'AWS::CloudFormation::Stack' &&
        !/cancel/i.test(event.reason ?? ''),
    ) ??
    events.find(
      (event) =>
        event.status.endsWith('_FAILED') && event.resourceType !== 'AWS::CloudFormation::Stack',
    );
  return {
    ...(failed ? { logicalId: failed.logicalId, resourceType: failed.resourceType } : {}),
    reason: failed?.reason ?? stackReason ?? `The stack ended in ${stackStatus}.`,
    stackStatus,
    rollback: ROLLBACK_WORDS[stackStatus] ?? `The stack is in ${stackStatus}.`,
  };
}

/** The failure as one paragraph. */
export function formatFailure(failure: DeployFailure): string {
  const where = failure.logicalId
    ? `${failure.logicalId} (${failure.resourceType}) failed: `
    : 'The deploy failed: ';
  return `${where}${failure.reason} ${failure.rollback}`;
}
