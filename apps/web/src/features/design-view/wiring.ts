import type {
  Backend,
  BackendId,
  DesignDocument,
  Operation,
  OperationIntegration,
  OperationKey,
} from '@gatewright/core';
import { backendKindLabel } from '../../canvas/nodes/BackendNodeView';

/**
 * The design with an operation served by `integration`, or by nothing when it
 * is undefined. An operation left with no settings at all leaves the design's
 * `operations`, so wiring and unwiring gives back the design it started from.
 */
export function setIntegration(
  design: DesignDocument,
  key: OperationKey,
  integration: OperationIntegration | undefined,
): DesignDocument {
  const { integration: current, ...rest } = design.operations[key] ?? {};
  if (current === integration) return design;
  const operations = { ...design.operations };
  if (integration) operations[key] = { ...rest, integration };
  else if (Object.keys(rest).length > 0) operations[key] = rest;
  else delete operations[key];
  return { ...design, operations };
}

/**
 * The integration that sends an operation to a backend. Settings of an
 * integration of the same kind carry over; otherwise the defaults API Gateway
 * users expect: a Lambda proxy, an HTTP proxy, a proxy over the VPC link.
 */
export function integrationWithBackend(
  backendId: BackendId,
  backend: Backend,
  current: OperationIntegration | undefined,
): OperationIntegration {
  if (current?.kind === backend.kind) return { ...current, backend: backendId };
  switch (backend.kind) {
    case 'lambda':
      return { kind: 'lambda', backend: backendId };
    case 'http':
      return { kind: 'http', backend: backendId, proxy: true };
    case 'ecs-nlb':
      return { kind: 'ecs-nlb', backend: backendId };
  }
}

/** One entry of an operation's "Served by" choice. */
export interface ServedByChoice {
  value: string;
  label: string;
}

const NOT_INTEGRATED = 'none';
const KEEP_CURRENT = 'current';

/**
 * What can serve an operation: each backend, a mock of each documented
 * response, nothing — and what serves it now when that is none of these (a
 * custom mock, a raw integration), so choosing it is never a loss.
 */
export function servedByChoices(operation: Operation, design: DesignDocument): ServedByChoice[] {
  const choices: ServedByChoice[] = Object.entries(design.backends).map(([id, backend]) => ({
    value: `backend:${id}`,
    label: `${backendKindLabel(backend.kind)}: ${backend.label ?? id}`,
  }));
  for (const response of operation.responses) {
    choices.push({
      value: `mock:${response.status}`,
      label: `Mock: documented ${response.status}`,
    });
  }
  const current = design.operations[operation.key]?.integration;
  if (servedByValue(current) === KEEP_CURRENT) {
    choices.push({ value: KEEP_CURRENT, label: describeOther(current) });
  }
  choices.push({ value: NOT_INTEGRATED, label: 'Not integrated' });
  return choices;
}

/** The choice that stands for an integration. */
export function servedByValue(integration: OperationIntegration | undefined): string {
  if (!integration) return NOT_INTEGRATED;
  switch (integration.kind) {
    case 'lambda':
    case 'http':
    case 'ecs-nlb':
      return `backend:${integration.backend}`;
    case 'mock':
      return integration.response.source === 'documented'
        ? `mock:${integration.response.status}`
        : KEEP_CURRENT;
    case 'raw':
      return KEEP_CURRENT;
  }
}

/** The design after choosing `value` for an operation. */
export function chooseServedBy(
  design: DesignDocument,
  key: OperationKey,
  value: string,
): DesignDocument {
  const current = design.operations[key]?.integration;
  if (value === KEEP_CURRENT) return design;
  if (value === NOT_INTEGRATED) return setIntegration(design, key, undefined);
  if (value.startsWith('mock:')) {
    const status = value.slice('mock:'.length);
    return setIntegration(design, key, {
      kind: 'mock',
      response: { source: 'documented', status },
    });
  }
  const backendId = value.slice('backend:'.length);
  const backend = design.backends[backendId];
  if (!backend) throw new Error(`no backend ${backendId} in the design`);
  return setIntegration(design, key, integrationWithBackend(backendId, backend, current));
}

function describeOther(integration: OperationIntegration | undefined): string {
  return integration?.kind === 'mock'
    ? `Mock: custom ${integration.response.source === 'custom' ? integration.response.statusCode : ''}`
    : 'Raw integration, as in the model';
}
