import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useLinkClick } from '../../app/use-route';
import { buildGraph, initiallyCollapsedGroups } from '../../canvas/build-graph';
import { completeness } from '../../canvas/completeness';
import { DesignCanvas } from '../../canvas/DesignCanvas';
import { designQuery } from '../designs/queries';
import { CodePanel } from './CodePanel';
import { Inspector } from './Inspector';
import { useProject } from './use-project';

/** One design: the canvas, the inspector for the selection, and the code panel. */
export function DesignView({ designId }: { designId: string }) {
  const api = useApi();
  const stored = useQuery(designQuery(api, designId));
  const project = useProject(stored.data);
  // Unset until the person toggles a group: until then the design's size decides.
  const [toggledGroups, setToggledGroups] = useState<ReadonlySet<string>>();
  const [selectedId, setSelectedId] = useState<string>();
  const home = useLinkClick('/');

  const operations = project.data?.model?.operations;
  const design = project.data?.design;
  const collapsedGroups = useMemo(
    () => toggledGroups ?? initiallyCollapsedGroups(operations ?? []),
    [toggledGroups, operations],
  );
  const graph = useMemo(
    () => (operations && design ? buildGraph(operations, design, { collapsedGroups }) : undefined),
    [operations, design, collapsedGroups],
  );
  const counts = useMemo(
    () => (operations && design ? completeness(operations, design) : undefined),
    [operations, design],
  );
  const toggleGroup = useCallback(
    (groupId: string) => {
      const next = new Set(collapsedGroups);
      if (!next.delete(groupId)) next.add(groupId);
      setToggledGroups(next);
    },
    [collapsedGroups],
  );
  const selected = graph?.nodes.find((node) => node.id === selectedId);

  return (
    <div className="design-view">
      <header className="design-header">
        <a href="/" onClick={home}>
          ← Designs
        </a>
        <h1>{design?.apiName ?? project.data?.model?.title ?? designId}</h1>
        {counts && (
          <p className="completeness" data-testid="completeness" aria-live="polite">
            {counts.integrated} of {counts.total} operations integrated
            {counts.unwired.length > 0 && (
              <span className="unwired-mark"> · {counts.unwired.length} not integrated</span>
            )}
          </p>
        )}
      </header>
      {stored.isPending && <p aria-live="polite">Loading the design…</p>}
      {stored.isError && <p role="alert">The design did not load: {stored.error.message}</p>}
      {project.data && !project.data.model && (
        <div role="alert">
          <p>The model does not load:</p>
          <ul>
            {project.data.diagnostics.map((finding, index) => (
              <li key={index}>
                {finding.location.line === undefined ? '' : `Line ${finding.location.line}: `}
                {finding.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {stored.data && (
        <div className="design-body">
          <div className="canvas-area">
            {graph && (
              <ReactFlowProvider>
                <DesignCanvas graph={graph} onToggleGroup={toggleGroup} onSelect={setSelectedId} />
              </ReactFlowProvider>
            )}
          </div>
          <Inspector node={selected} />
          <CodePanel
            designId={designId}
            revision={stored.data.revision}
            modelFile={stored.data.modelFile}
            modelText={stored.data.modelText}
          />
        </div>
      )}
    </div>
  );
}
