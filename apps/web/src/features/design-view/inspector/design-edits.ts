import type {
  Backend,
  BackendId,
  DesignDocument,
  IntegrationKind,
  OperationIntegration,
  OperationKey,
} from '@gatewright/core';
import { setIntegration } from '../wiring';

type IntegrationOf<K extends IntegrationKind> = Extract<OperationIntegration, { kind: K }>;
type BackendOf<K extends Backend['kind']> = Extract<Backend, { kind: K }>;

/**
 * The design with an operation's integration changed, when it is of `kind`;
 * otherwise the design itself (so nothing is recorded), since a form edits
 * only the kind it was made for.
 */
export function editIntegration<K extends IntegrationKind>(
  design: DesignDocument,
  key: OperationKey,
  kind: K,
  change: (integration: IntegrationOf<K>) => IntegrationOf<K>,
): DesignDocument {
  const current = design.operations[key]?.integration;
  if (current?.kind !== kind) return design;
  return setIntegration(design, key, change(current as IntegrationOf<K>));
}

/** The design with a backend changed, when it is of `kind`; otherwise the design itself. */
export function editBackend<K extends Backend['kind']>(
  design: DesignDocument,
  id: BackendId,
  kind: K,
  change: (backend: BackendOf<K>) => BackendOf<K>,
): DesignDocument {
  const current = design.backends[id];
  if (current?.kind !== kind) return design;
  return { ...design, backends: { ...design.backends, [id]: change(current as BackendOf<K>) } };
}

/**
 * An object with an optional field set, or removed when the value is
 * undefined (the setting's default), so a cleared field leaves no trace.
 */
export function withOptional<T extends object, F extends keyof T>(
  object: T,
  field: F,
  value: T[F] | undefined,
): T {
  const copy = { ...object };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy;
}

/**
 * The design after choosing what serves several operations at once: one
 * change, so one undo step. `choose` is the single-operation choice.
 */
export function chooseForAll(
  design: DesignDocument,
  keys: readonly OperationKey[],
  choose: (design: DesignDocument, key: OperationKey) => DesignDocument,
): DesignDocument {
  return keys.reduce(choose, design);
}
