import {
  type ApiModel,
  type Diagnostic,
  type DesignDocument,
  type Operation,
  type OperationKey,
} from '@gatewright/core';
import { useMemo, useState } from 'react';
import type { DesignNode } from '../../canvas/graph-types';
import { Tabs } from '../../ui/Tabs';
import { BackendSettings } from './inspector/BackendSettings';
import { DefinitionView } from './inspector/DefinitionView';
import { DesignSummary } from './inspector/DesignSummary';
import { InspectorContext, type InspectorContextValue } from './inspector/inspector-context';
import { MockForm } from './inspector/MockForm';
import { OperationSettings } from './inspector/OperationSettings';
import { SelectionSummary } from './inspector/SelectionSummary';
import './inspector/inspector.css';

export interface InspectorProps {
  model: ApiModel;
  /** The design being edited (unsaved changes included). */
  design: DesignDocument;
  /** Core's findings on the model and design, shown beside the fields they are about. */
  findings: readonly Diagnostic[];
  /**
   * The selected nodes of the canvas: none, one, or several (a multi-selection
   * gets the count and a "Served by" for all its operations).
   */
  selectedNodes: readonly DesignNode[];
  /** Applies one change to the design, as one undo step. */
  onEdit: (edit: (design: DesignDocument) => DesignDocument) => void;
  /** Selects a node by id (an operation a backend serves, clicked in its list). */
  onSelect: (nodeId: string) => void;
}

const TABS = [
  { id: 'settings', label: 'Settings' },
  { id: 'definition', label: 'Definition' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * Edits the selection with forms fitted to its kind ("Settings") and shows
 * the API Gateway definition it renders to ("Definition"). Every change goes
 * through `onEdit`, so the design's one undo history has them all.
 */
export function Inspector({
  model,
  design,
  findings,
  selectedNodes,
  onEdit,
  onSelect,
}: InspectorProps) {
  const [tab, setTab] = useState<TabId>('settings');
  const context = useMemo<InspectorContextValue>(
    () => ({ model, design, findings, edit: onEdit, select: onSelect }),
    [model, design, findings, onEdit, onSelect],
  );
  const operationsByKey = useMemo(
    () => new Map(model.operations.map((operation) => [operation.key, operation])),
    [model.operations],
  );
  const operations = selectedOperations(selectedNodes, operationsByKey);

  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <h2>{heading(selectedNodes)}</h2>
      <Tabs
        label="Inspector views"
        tabs={TABS}
        selected={tab}
        onSelect={setTab}
        panelClassName="inspector-panel"
      >
        <InspectorContext.Provider value={context}>
          {tab === 'settings' ? (
            // Keyed by the selection, so a field's draft never carries over to another node.
            <Settings
              key={selectedNodes.map((node) => node.id).join('\n')}
              selectedNodes={selectedNodes}
              operationsByKey={operationsByKey}
            />
          ) : (
            <DefinitionView operations={operations} />
          )}
        </InspectorContext.Provider>
      </Tabs>
    </aside>
  );
}

function Settings({
  selectedNodes,
  operationsByKey,
}: {
  selectedNodes: readonly DesignNode[];
  operationsByKey: ReadonlyMap<OperationKey, Operation>;
}) {
  const [node, ...others] = selectedNodes;
  if (!node) return <DesignSummary />;
  if (others.length > 0)
    return (
      <SelectionSummary
        count={selectedNodes.length}
        operations={selectedNodes.flatMap((selected) =>
          selected.type === 'operation' ? (operationsByKey.get(selected.data.key) ?? []) : [],
        )}
      />
    );
  switch (node.type) {
    case 'operation': {
      const operation = operationsByKey.get(node.data.key);
      return operation ? <OperationSettings operation={operation} /> : <Gone />;
    }
    case 'backend':
      return (
        <BackendSettings backendId={node.data.backendId} operationKeys={node.data.operationKeys} />
      );
    case 'inline': {
      const operation = operationsByKey.get(node.data.operationKey);
      if (!operation) return <Gone />;
      return node.data.integration.kind === 'mock' ? (
        <>
          <p className="muted">
            Of operation <code>{operation.key}</code>
          </p>
          <MockForm operation={operation} response={node.data.integration.response} />
        </>
      ) : (
        <OperationSettings operation={operation} />
      );
    }
    case 'tagGroup':
      return (
        <dl className="facts">
          <dt>Group</dt>
          <dd>{node.data.label}</dd>
          <dt>Operations integrated</dt>
          <dd>
            {node.data.integratedCount} of {node.data.operationCount}
          </dd>
        </dl>
      );
  }
}

function Gone() {
  return <p className="muted">This operation is no longer in the model.</p>;
}

function heading(nodes: readonly DesignNode[]): string {
  const [node, ...others] = nodes;
  if (!node) return 'Design';
  if (others.length > 0) return `${nodes.length} selected`;
  switch (node.type) {
    case 'operation':
      return node.data.name;
    case 'backend':
      return node.data.backend.label ?? node.data.backendId;
    case 'inline':
      return node.data.integration.kind === 'mock' ? 'Mock' : 'Raw integration';
    case 'tagGroup':
      return node.data.label;
  }
}

/** The operations the selection concerns: selected ones, a mock's, a backend's served ones. */
function selectedOperations(
  nodes: readonly DesignNode[],
  byKey: ReadonlyMap<OperationKey, Operation>,
): Operation[] {
  const keys = nodes.flatMap((node): OperationKey[] => {
    switch (node.type) {
      case 'operation':
        return [node.data.key];
      case 'inline':
        return [node.data.operationKey];
      case 'backend':
        return node.data.operationKeys;
      case 'tagGroup':
        return [];
    }
  });
  return [...new Set(keys)].flatMap((key) => byKey.get(key) ?? []);
}
