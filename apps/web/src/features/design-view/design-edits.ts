import {
  createDesign,
  type ApiModel,
  type Backend,
  type BackendId,
  type BackendKind,
  type DesignDocument,
  type EcsNlbBackend,
  type MockIntegration,
  type Operation,
  type OperationKey,
} from '@gatewright/core';
import { backendNodeId } from '../../canvas/build-graph';
import type { FlowPoint } from '../../canvas/graph-types';
import { backendKindLabel } from '../../canvas/nodes/BackendNodeView';
import { integrationWithBackend, setIntegration } from './wiring';

const ID_PREFIXES: Record<BackendKind, string> = {
  lambda: 'lambda',
  http: 'http',
  'ecs-nlb': 'ecs',
};

/**
 * The first free id and label of a new backend of a kind: `lambda1` /
 * "Lambda 1", then `lambda2` / "Lambda 2". A number is taken when either its
 * id or its label already is, so two backends never read the same.
 */
export function nextBackendName(
  design: DesignDocument,
  kind: BackendKind,
): { id: BackendId; label: string } {
  const labels = new Set(Object.values(design.backends).map((backend) => backend.label));
  for (let n = 1; ; n++) {
    const id = `${ID_PREFIXES[kind]}${n}`;
    const label = `${backendKindLabel(kind)} ${n}`;
    if (!(id in design.backends) && !labels.has(label)) return { id, label };
  }
}

/**
 * A new backend of a kind with the defaults a person would pick: a new
 * Lambda function as core's patterns make it (runtime, handler, starter
 * code); an HTTP backend without a URL yet, which validation flags until it
 * is filled in; a new Fargate service behind an NLB.
 */
export function defaultBackend(model: ApiModel, kind: BackendKind, label: string): Backend {
  switch (kind) {
    case 'lambda': {
      const { backends } = createDesign(
        { ...model, operations: [] },
        { pattern: 'lambda-all', modelPath: '' },
      );
      const made = Object.values(backends)[0];
      if (made?.kind !== 'lambda') throw new Error('the lambda-all pattern made no Lambda backend');
      return { ...made, label };
    }
    case 'http':
      return { kind: 'http', label, baseUrl: '' };
    case 'ecs-nlb':
      return {
        kind: 'ecs-nlb',
        label,
        service: NEW_ECS_SERVICE,
      };
  }
}

/** A new Fargate service as a backend starts: a public image, the smallest Fargate size, one task. */
export const NEW_ECS_SERVICE: Extract<EcsNlbBackend['service'], { source: 'new' }> = {
  source: 'new',
  image: 'public.ecr.aws/nginx/nginx:latest',
  containerPort: 80,
  cpu: 256,
  memoryMiB: 512,
  desiredCount: 1,
};

/** The design with a node's position saved in its layout. */
export function withPosition(
  design: DesignDocument,
  nodeId: string,
  at: FlowPoint,
): DesignDocument {
  return withPositions(design, { [nodeId]: at });
}

/**
 * The design with node positions saved in its layout; the same design when
 * every position is already the saved one, so a click without a move records
 * no undo step.
 */
export function withPositions(
  design: DesignDocument,
  positions: Readonly<Record<string, FlowPoint>>,
): DesignDocument {
  const changed = Object.entries(positions).filter(([id, at]) => {
    const saved = design.layout.nodes[id];
    return saved?.x !== Math.round(at.x) || saved.y !== Math.round(at.y);
  });
  if (changed.length === 0) return design;
  const nodes = { ...design.layout.nodes };
  // Whole flow units: a layout file stays readable and diffs stay small.
  for (const [id, at] of changed) nodes[id] = { x: Math.round(at.x), y: Math.round(at.y) };
  return { ...design, layout: { ...design.layout, nodes } };
}

/**
 * The design with a backend added under `id` at a position, serving the
 * given operations (whatever served them before).
 */
export function addBackend(
  design: DesignDocument,
  id: BackendId,
  backend: Backend,
  at: FlowPoint | undefined,
  wire: readonly OperationKey[] = [],
): DesignDocument {
  let next: DesignDocument = { ...design, backends: { ...design.backends, [id]: backend } };
  if (at) next = withPosition(next, backendNodeId(id), at);
  return wireAll(next, wire, id);
}

/** The design with operations served by a backend it has; an integration of the same kind keeps its settings. */
export function wireAll(
  design: DesignDocument,
  keys: readonly OperationKey[],
  backendId: BackendId,
): DesignDocument {
  const backend = design.backends[backendId];
  if (!backend) return design;
  return keys.reduce(
    (current, key) =>
      setIntegration(
        current,
        key,
        integrationWithBackend(backendId, backend, current.operations[key]?.integration),
      ),
    design,
  );
}

/**
 * The mock a person means when dropping one on an operation: its first
 * documented 2xx response, else its first documented response, else a custom
 * 200 with an empty object, so the operation always answers.
 */
export function mockFor(operation: Operation): MockIntegration {
  const statuses = operation.responses.map((response) => response.status);
  const status = statuses.find((candidate) => /^2\d\d$/.test(candidate)) ?? statuses[0];
  return {
    kind: 'mock',
    response:
      status === undefined
        ? { source: 'custom', statusCode: 200, body: '{}' }
        : { source: 'documented', status },
  };
}

/** The design with each of the operations answered by its own mock (see {@link mockFor}). */
export function mockAll(design: DesignDocument, operations: readonly Operation[]): DesignDocument {
  return operations.reduce(
    (current, operation) => setIntegration(current, operation.key, mockFor(operation)),
    design,
  );
}

/** What a deletion took out of the design, for the person to read. */
export interface Removal {
  design: DesignDocument;
  /** One sentence, e.g. `Removed backend "Lambda 1"; 3 operations are no longer integrated.` */
  summary: string;
}

/**
 * The design without the given backends (the operations they served become
 * unwired) and without the integrations of the given operations; the summary
 * says what went. Nothing to remove gives back the same design.
 */
export function removeFromDesign(
  design: DesignDocument,
  backendIds: readonly BackendId[],
  operationKeys: readonly OperationKey[],
): Removal {
  const removed = backendIds.filter((id) => id in design.backends);
  let next = design;
  const unwired = new Set<OperationKey>();
  for (const [key, settings] of Object.entries(design.operations)) {
    const integration = settings.integration;
    const servedByRemoved =
      integration !== undefined &&
      'backend' in integration &&
      removed.includes(integration.backend);
    if (servedByRemoved || (integration && operationKeys.includes(key))) {
      next = setIntegration(next, key, undefined);
      unwired.add(key);
    }
  }
  if (removed.length > 0) {
    const backends = { ...next.backends };
    const nodes = { ...next.layout.nodes };
    for (const id of removed) {
      delete backends[id];
      delete nodes[backendNodeId(id)];
    }
    next = { ...next, backends, layout: { ...next.layout, nodes } };
  }
  const names = removed.map((id) => `"${design.backends[id]?.label ?? id}"`);
  const parts: string[] = [];
  if (names.length > 0)
    parts.push(`Removed backend${names.length === 1 ? '' : 's'} ${names.join(', ')}`);
  if (unwired.size > 0)
    parts.push(
      `${unwired.size} operation${unwired.size === 1 ? ' is' : 's are'} no longer integrated`,
    );
  return {
    design: next,
    summary: parts.length === 0 ? 'Nothing to delete.' : `${parts.join('; ')}.`,
  };
}

/** The patterns the palette applies to every operation at once. */
export type PalettePattern = 'lambda-all' | 'mock-all' | 'http-all';

/** Operations a pattern would change: those already integrated. */
export function integratedOperations(
  design: DesignDocument,
  operations: readonly Operation[],
): Operation[] {
  return operations.filter((operation) => design.operations[operation.key]?.integration);
}

/**
 * The design after a pattern: every operation (or, with `replace` false,
 * every operation not integrated yet) served by one new Lambda function, by
 * a mock of its documented success response, or by one new HTTP backend.
 * Lambda and mocks come from core's `createDesign` patterns, so the canvas
 * wires exactly as `gatewright init` does.
 */
export function applyPattern(
  design: DesignDocument,
  model: ApiModel,
  pattern: PalettePattern,
  replace: boolean,
): DesignDocument {
  const targets = model.operations.filter(
    (operation) => replace || !design.operations[operation.key]?.integration,
  );
  if (targets.length === 0) return design;
  if (pattern === 'mock-all') {
    const made = createDesign({ ...model, operations: targets }, { pattern, modelPath: '' });
    return targets.reduce(
      (current, operation) =>
        setIntegration(current, operation.key, made.operations[operation.key]?.integration),
      design,
    );
  }
  const kind = pattern === 'lambda-all' ? 'lambda' : 'http';
  const { id, label } = nextBackendName(design, kind);
  return addBackend(
    design,
    id,
    defaultBackend(model, kind, label),
    undefined,
    targets.map((operation) => operation.key),
  );
}
