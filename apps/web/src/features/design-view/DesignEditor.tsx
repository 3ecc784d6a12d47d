import { type ApiModel, type Diagnostic, type DesignDocument } from '@gatewright/core';
import { useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useReducer, useState } from 'react';
import { useApi } from '../../api/api-context';
import { buildGraph, initiallyCollapsedGroups } from '../../canvas/build-graph';
import { completeness } from '../../canvas/completeness';
import { DesignCanvas } from '../../canvas/DesignCanvas';
import { designKeys, designQuery } from '../designs/queries';
import { CanvasStatus } from './CanvasStatus';
import { CodePanel } from './code-panel/CodePanel';
import type { CodeReveal } from './code-panel/code-reveal';
import { designHistory, designReducer } from './design-store';
import { DownloadMenu } from './downloads/DownloadMenu';
import { codePlaceOfFinding } from './findings/finding-place';
import { findingsByNode, nodeOfFinding, parentsOf } from './findings/findings-by-node';
import { NodeFindingsContext } from './findings/FindingsBadge';
import { useFindings } from './findings/use-findings';
import { Inspector } from './Inspector';
import { Palette } from './palette/Palette';
import { ShortcutsHelp } from './ShortcutsHelp';
import { ConflictBanner, SaveStatus } from './SaveStatus';
import { useAutosave, type SavedDesign } from './use-autosave';
import { useCanvasEditing } from './use-canvas-editing';
import { useHistoryKeys } from './use-history-keys';
import { useLeaveWarning } from './use-leave-warning';
import { designOrEmpty, type StoredDesignInput } from './use-project';

export interface DesignEditorProps {
  stored: StoredDesignInput;
  model: ApiModel;
  /** The design as it was read; the editor owns it from then on. */
  initialDesign: DesignDocument;
}

/**
 * Edits one design: every change goes through the design store (one undo
 * history), the canvas and inspector show its present, and autosave carries
 * it to the server.
 */
export function DesignEditor({ stored, model, initialDesign }: DesignEditorProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [history, dispatch] = useReducer(designReducer, initialDesign, designHistory);
  const design = history.present;
  // Unset until the person toggles a group: until then the design's size decides.
  const [toggledGroups, setToggledGroups] = useState<ReadonlySet<string>>();
  const [selectedId, setSelectedId] = useState<string>();
  const findings = useFindings(model, design);
  const [nodeRequest, setNodeRequest] = useState<{ nodeId: string }>();
  const [codeReveal, setCodeReveal] = useState<CodeReveal>();
  const chooseFinding = useCallback(
    (finding: Diagnostic) => {
      const nodeId = nodeOfFinding(finding);
      if (nodeId !== undefined) setNodeRequest({ nodeId });
      setCodeReveal(codePlaceOfFinding(finding, model, design));
    },
    [model, design],
  );

  const onSaved = useCallback(
    (saved: SavedDesign) =>
      // Hono's JSON typing widens the design's values; on the wire it is the document.
      queryClient.setQueryData(designKeys.detail(stored.id), saved as never),
    [queryClient, stored.id],
  );
  const autosave = useAutosave({
    api,
    designId: stored.id,
    revision: stored.revision,
    saved: initialDesign,
    design,
    onSaved,
  });
  useLeaveWarning(autosave.status !== 'saved');

  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  useHistoryKeys(undo, redo);

  const reloadTheirs = useCallback(async () => {
    const theirs = await queryClient.fetchQuery({ ...designQuery(api, stored.id), staleTime: 0 });
    const theirDesign = designOrEmpty(theirs);
    dispatch({ type: 'load', design: theirDesign });
    autosave.reset(theirs.revision, theirDesign);
  }, [api, queryClient, stored.id, autosave]);

  const operations = model.operations;
  const collapsedGroups = useMemo(
    () => toggledGroups ?? initiallyCollapsedGroups(operations),
    [toggledGroups, operations],
  );
  const graph = useMemo(
    () => buildGraph(operations, design, { collapsedGroups }),
    [operations, design, collapsedGroups],
  );
  const counts = useMemo(() => completeness(operations, design), [operations, design]);
  const nodeFindings = useMemo(
    () => findingsByNode(findings, parentsOf(graph.nodes)),
    [findings, graph.nodes],
  );
  const toggleGroup = useCallback(
    (groupId: string) => {
      const next = new Set(collapsedGroups);
      if (!next.delete(groupId)) next.add(groupId);
      setToggledGroups(next);
    },
    [collapsedGroups],
  );
  const expandGroup = useCallback(
    (groupId: string) => {
      if (!collapsedGroups.has(groupId)) return;
      const next = new Set(collapsedGroups);
      next.delete(groupId);
      setToggledGroups(next);
    },
    [collapsedGroups],
  );
  const editing = useCanvasEditing(model, design, dispatch);

  const selectedNodes = useMemo(() => {
    const ids = new Set(
      editing.selectedIds.length > 0 ? editing.selectedIds : selectedId ? [selectedId] : [],
    );
    return graph.nodes.filter((node) => ids.has(node.id));
  }, [editing.selectedIds, selectedId, graph.nodes]);
  // Through the canvas's own selection, so the canvas highlight follows the inspector.
  const selectNode = useCallback((nodeId: string) => setNodeRequest({ nodeId }), []);
  const edit = useCallback(
    (change: (design: DesignDocument) => DesignDocument) =>
      dispatch({ type: 'edit', edit: change }),
    [],
  );

  return (
    <>
      <div className="design-toolbar" role="toolbar" aria-label="Design">
        <button
          type="button"
          onClick={undo}
          disabled={history.past.length === 0}
          aria-keyshortcuts="Control+Z Meta+Z"
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={history.future.length === 0}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          title="Redo (Shift+Ctrl+Z)"
        >
          Redo
        </button>
        <DownloadMenu api={api} designId={stored.id} saveStatus={autosave.status} />
        <button
          type="button"
          onClick={editing.requestLayout}
          aria-keyshortcuts="Shift+L"
          title="Auto-layout (Shift+L)"
        >
          Auto-layout
        </button>
        <button
          type="button"
          onClick={editing.openHelp}
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
        >
          Shortcuts
        </button>
        <SaveStatus autosave={autosave} />
        <CanvasStatus message={editing.status} />
        <p className="completeness" data-testid="completeness" aria-live="polite">
          {counts.integrated} of {counts.total} operations integrated
          {counts.unwired.length > 0 && (
            <span className="unwired-mark"> · {counts.unwired.length} not integrated</span>
          )}
        </p>
      </div>
      {autosave.status === 'conflict' && (
        <ConflictBanner
          onReloadTheirs={() => void reloadTheirs()}
          onKeepMine={autosave.overwrite}
        />
      )}
      <ShortcutsHelp open={editing.helpOpen} onClose={editing.closeHelp} />
      <div className="design-body">
        <ReactFlowProvider>
          <Palette {...editing.palette} />
          <div className="canvas-area">
            <NodeFindingsContext.Provider value={nodeFindings}>
              <DesignCanvas
                graph={graph}
                onToggleGroup={toggleGroup}
                onSelect={setSelectedId}
                onExpandGroup={expandGroup}
                {...editing.canvas}
                focusRequest={nodeRequest}
              />
            </NodeFindingsContext.Provider>
          </div>
        </ReactFlowProvider>
        <Inspector
          model={model}
          design={design}
          selectedNodes={selectedNodes}
          onEdit={edit}
          onSelect={selectNode}
        />
        <CodePanel
          modelFile={stored.modelFile}
          modelText={stored.modelText}
          model={model}
          design={design}
          findings={findings}
          onChooseFinding={chooseFinding}
          {...(codeReveal ? { reveal: codeReveal } : {})}
        />
      </div>
    </>
  );
}
