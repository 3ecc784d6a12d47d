import { describe, expect, it } from 'vitest';
import {
  addDeployEvent,
  EMPTY_LOG,
  isFailedStatus,
  parseDeployEvent,
  type DeployEvent,
} from './deploy-log';

const created = (id: string, logicalId: string, done: number): DeployEvent => ({
  kind: 'stack-event',
  event: {
    id,
    timestamp: '2026-11-25T12:00:00Z',
    logicalId,
    resourceType: 'AWS::ApiGateway::RestApi',
    status: 'CREATE_COMPLETE',
  },
  progress: { done, total: 3 },
});

describe('addDeployEvent', () => {
  it('keeps events in order with the latest progress, each once (a replay after reconnecting)', () => {
    let log = EMPTY_LOG;
    for (const event of [created('1', 'Api', 1), created('2', 'Stage', 2), created('1', 'Api', 1)])
      log = addDeployEvent(log, event);
    expect(log.events.map((e) => e.logicalId)).toEqual(['Api', 'Stage']);
    expect(log).toMatchObject({ done: 2, total: 3 });
  });

  it('ends with the result; a success fills the bar, a failure leaves it where it stopped', () => {
    const running = addDeployEvent(EMPTY_LOG, created('1', 'Api', 1));
    const result = { stackName: 's', stackStatus: 'CREATE_COMPLETE', outputs: {} };
    expect(
      addDeployEvent(running, { kind: 'done', result: { ...result, outcome: 'succeeded' } }),
    ).toMatchObject({ done: 3, result: { outcome: 'succeeded' } });
    expect(
      addDeployEvent(running, { kind: 'done', result: { ...result, outcome: 'failed' } }).done,
    ).toBe(1);
  });

  it('keeps each note once', () => {
    const note: DeployEvent = { kind: 'note', message: 'Integrations completed' };
    expect(addDeployEvent(addDeployEvent(EMPTY_LOG, note), note).notes).toEqual([
      'Integrations completed',
    ]);
  });
});

describe('parseDeployEvent', () => {
  it('reads the three kinds and nothing else', () => {
    expect(parseDeployEvent('{"kind":"note","message":"m"}')).toEqual({
      kind: 'note',
      message: 'm',
    });
    expect(parseDeployEvent('{"kind":"other"}')).toBeUndefined();
    expect(parseDeployEvent('not json')).toBeUndefined();
  });
});

describe('isFailedStatus', () => {
  it('flags failures and rollbacks', () => {
    expect(isFailedStatus('CREATE_FAILED')).toBe(true);
    expect(isFailedStatus('UPDATE_ROLLBACK_IN_PROGRESS')).toBe(true);
    expect(isFailedStatus('CREATE_COMPLETE')).toBe(false);
  });
});
