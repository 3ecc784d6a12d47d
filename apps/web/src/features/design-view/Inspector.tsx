import type { OperationIntegration } from '@gatewright/core';
import { backendDetail, backendKindLabel } from '../../canvas/nodes/BackendNodeView';
import { inlineSummary } from '../../canvas/nodes/InlineNodeView';
import { useId } from 'react';
import type { DesignNode } from '../../canvas/graph-types';
import type { ServedByChoice } from './wiring';

/** What serves the selected operation, and how to change it. */
export interface ServedByField {
  choices: ServedByChoice[];
  value: string;
  onChange: (value: string) => void;
}

/** The selected node's facts, with what serves it when it is an operation. */
export function Inspector({
  node,
  servedBy,
}: {
  node: DesignNode | undefined;
  servedBy: ServedByField | undefined;
}) {
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <h2>Inspector</h2>
      {node ? (
        <NodeFacts node={node} servedBy={servedBy} />
      ) : (
        <p className="muted">Select a node on the canvas.</p>
      )}
    </aside>
  );
}

function ServedBySelect({ choices, value, onChange }: ServedByField) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Served by</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function NodeFacts({ node, servedBy }: { node: DesignNode; servedBy: ServedByField | undefined }) {
  switch (node.type) {
    case 'operation': {
      const { data } = node;
      return (
        <>
          {servedBy && <ServedBySelect {...servedBy} />}
          <dl>
            <dt>Operation</dt>
            <dd>
              <code>{data.key}</code>
            </dd>
            <dt>Name</dt>
            <dd>{data.name}</dd>
            {data.tag !== undefined && (
              <>
                <dt>Tag</dt>
                <dd>{data.tag}</dd>
              </>
            )}
            {data.summary !== undefined && (
              <>
                <dt>Summary</dt>
                <dd>{data.summary}</dd>
              </>
            )}
            <dt>Integration</dt>
            <dd>{describeIntegration(data.integration)}</dd>
          </dl>
        </>
      );
    }
    case 'tagGroup':
      return (
        <dl>
          <dt>Group</dt>
          <dd>{node.data.label}</dd>
          <dt>Operations integrated</dt>
          <dd>
            {node.data.integratedCount} of {node.data.operationCount}
          </dd>
        </dl>
      );
    case 'backend': {
      const { backend, backendId, operationKeys } = node.data;
      return (
        <dl>
          <dt>{backendKindLabel(backend.kind)} backend</dt>
          <dd>{backend.label ?? backendId}</dd>
          <dt>Details</dt>
          <dd>{backendDetail(backend)}</dd>
          <dt>Serves</dt>
          <dd>
            {operationKeys.length === 0 ? (
              'No operations yet'
            ) : (
              <ul>
                {operationKeys.map((key) => (
                  <li key={key}>
                    <code>{key}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      );
    }
    case 'inline':
      return (
        <dl>
          <dt>{node.data.integration.kind === 'mock' ? 'Mock' : 'Raw integration'}</dt>
          <dd>{inlineSummary(node.data)}</dd>
          <dt>Of operation</dt>
          <dd>
            <code>{node.data.operationKey}</code>
          </dd>
        </dl>
      );
  }
}

function describeIntegration(integration: OperationIntegration | undefined): string {
  if (!integration) return 'None yet: this operation is not integrated.';
  switch (integration.kind) {
    case 'lambda':
      return `Lambda proxy (AWS_PROXY) to backend ${integration.backend}`;
    case 'http':
      return `${integration.proxy ? 'HTTP_PROXY' : 'HTTP'} to backend ${integration.backend}`;
    case 'ecs-nlb':
      return `HTTP_PROXY over a VPC link to backend ${integration.backend}`;
    case 'mock':
      return `Mock: ${inlineSummary({ integration }).toLowerCase()}`;
    case 'raw':
      return 'Raw integration, kept as written in the model';
  }
}
