import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { toStackChanges, summarizeChanges } from './changes';
import {
  StackEventFeed,
  formatFailure,
  progressOf,
  summarizeFailure,
  type DeployStackEvent,
} from './stack-events';

const STACK = 'gatewright-x-00000000';
let clock = 0;
function event(id: string, logicalId: string, status: string, reason?: string): StackEvent {
  return {
    EventId: id,
    StackId: 'arn',
    StackName: STACK,
    LogicalResourceId: logicalId,
    ResourceType: logicalId === STACK ? 'AWS::CloudFormation::Stack' : 'AWS::Lambda::Function',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    Timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)),
    ...(reason ? { ResourceStatusReason: reason } : {}),
  };
}

describe('StackEventFeed', () => {
  it('gives each event once, oldest first, leaving out the ones before the deploy', () => {
    const feed = new StackEventFeed();
    const old = event('0', STACK, 'CREATE_COMPLETE');
    feed.ignore([old]);
    const a = event('1', STACK, 'UPDATE_IN_PROGRESS');
    const b = event('2', 'Fn', 'UPDATE_IN_PROGRESS');
    // DescribeStackEvents pages are newest first.
    expect(feed.take([b, a, old]).map((e) => e.id)).toEqual(['1', '2']);
    const c = event('3', 'Fn', 'UPDATE_COMPLETE');
    expect(feed.take([c, b, a, old]).map((e) => e.id)).toEqual(['3']);
    expect(feed.take([c, b, a, old])).toEqual([]);
    expect(feed.hasSeen('0')).toBe(true);
  });
});

const ours = (logicalId: string, status: string, reason?: string): DeployStackEvent => ({
  id: `${logicalId}-${status}`,
  timestamp: '2026-01-01T00:00:00.000Z',
  logicalId,
  resourceType: logicalId === STACK ? 'AWS::CloudFormation::Stack' : 'AWS::Lambda::Function',
  status,
  ...(reason ? { reason } : {}),
});

describe('progressOf', () => {
  it('counts resources whose latest status is final, not the stack, never over the total', () => {
    const events = [
      ours(STACK, 'CREATE_IN_PROGRESS'),
      ours('A', 'CREATE_IN_PROGRESS'),
      ours('A', 'CREATE_COMPLETE'),
      ours('B', 'CREATE_IN_PROGRESS'),
    ];
    expect(progressOf(events, STACK, 3)).toEqual({ done: 1, total: 3 });
    expect(
      progressOf(
        [
          ...events,
          ours('B', 'CREATE_FAILED'),
          ours('C', 'DELETE_COMPLETE'),
          ours('D', 'DELETE_COMPLETE'),
        ],
        STACK,
        3,
      ),
    ).toEqual({ done: 3, total: 3 });
  });
});

describe('summarizeFailure', () => {
  it('names the first resource that failed, not the ones cancelled because of it, and the rollback in words', () => {
    const failure = summarizeFailure(
      [
        ours('Role', 'CREATE_FAILED', 'Resource creation cancelled'),
        ours('Fn', 'CREATE_FAILED', 'Runtime nodejs4.3 is not supported'),
        ours(STACK, 'ROLLBACK_COMPLETE'),
      ],
      'ROLLBACK_COMPLETE',
    );
    expect(failure).toMatchObject({
      logicalId: 'Fn',
      reason: 'Runtime nodejs4.3 is not supported',
    });
    expect(formatFailure(failure)).toBe(
      'Fn (AWS::Lambda::Function) failed: Runtime nodejs4.3 is not supported The new stack was rolled back and holds nothing; delete it before deploying again.',
    );
  });

  it("falls back to the stack's reason when no resource failed", () => {
    const failure = summarizeFailure([], 'UPDATE_ROLLBACK_COMPLETE', 'User Initiated');
    expect(failure.reason).toBe('User Initiated');
    expect(failure.rollback).toMatch(/as it was before/);
  });
});

describe('toStackChanges', () => {
  it('keeps resource changes with replacement for modifications only', () => {
    const changes = toStackChanges([
      {
        Type: 'Resource',
        ResourceChange: { Action: 'Add', LogicalResourceId: 'A', ResourceType: 'AWS::IAM::Role' },
      },
      {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Modify',
          LogicalResourceId: 'Api',
          ResourceType: 'AWS::ApiGateway::RestApi',
          Replacement: 'Conditional',
        },
      },
      {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Remove',
          LogicalResourceId: 'Old',
          ResourceType: 'AWS::ApiGateway::Deployment',
          Replacement: 'True',
        },
      },
      { Type: 'Resource' },
    ]);
    expect(changes).toEqual([
      { action: 'Add', logicalId: 'A', resourceType: 'AWS::IAM::Role' },
      {
        action: 'Modify',
        logicalId: 'Api',
        resourceType: 'AWS::ApiGateway::RestApi',
        replacement: 'Conditional',
      },
      { action: 'Remove', logicalId: 'Old', resourceType: 'AWS::ApiGateway::Deployment' },
    ]);
    expect(summarizeChanges(changes)).toBe('1 to add, 1 to modify, 1 to remove');
  });
});
