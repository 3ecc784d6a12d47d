import {
  type DesignDocument,
  type Diagnostic,
  type ImportResult,
  type OperationGrouping,
} from '@gatewright/core';
import { useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { buildGraph, initiallyCollapsedGroups } from '../../canvas/build-graph';
import { completeness } from '../../canvas/completeness';
import { DesignCanvas } from '../../canvas/DesignCanvas';
import { DeployButton } from '../deploy/DeployButton';
import { designKeys, designQuery } from '../designs/queries';
import { CanvasStatus } from './CanvasStatus';
import { CodePanel } from './code-panel/CodePanel';
import type { CodeReveal } from './code-panel/code-reveal';
import { designHistory, designReducer, type Workbench } from './design-store';
import { DownloadMenu } from './downloads/DownloadMenu';
import { codePlaceOfFinding } from './findings/finding-place';
import { findingsByNode, nodeOfFinding, parentsOf } from './findings/findings-by-node';
import { NodeFindingsContext } from './findings/FindingsBadge';
import { useFindings } from './findings/use-findings';
import { Inspector } from './Inspector';
import { LiveNotice, ModelErrorBanner } from './ModelStatus';
import { Palette } from './palette/Palette';
import { ConflictBanner, SaveStatus } from './SaveStatus';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useAutosave, type SavedDesign } from './use-autosave';
import { useCanvasEditing } from './use-canvas-editing';
import { useDesignEvents } from './use-design-events';
import { useHistoryKeys } from './use-history-keys';
import { useLeaveWarning } from './use-leave-warning';
import { initialModelState, markersOf, useModelText } from './use-model-text';
import { designOrEmpty, type StoredDesignInput } from './use-project';

export interface DesignEditorProps {
  stored: StoredDesignInput;
  /** The model as read from a stored text; the editor reads its own text again as it changes. */
  imported: ImportResult & { text: string };
  /** The design as it was read; the editor owns it from then on. */
  initialDesign: DesignDocument;
}

// How long a live notice ("Updated from disk") stays.
const NOTICE_MILLIS = 6000;

/**
 * Edits one design and its model text: every change goes through the design
 * store (one undo history), the canvas and inspector show the present design
 * over the last model text that read, and autosave carries both to the
 * server. Changes made elsewhere arrive live.
 */
export function DesignEditor({ stored, imported, initialDesign }: DesignEditorProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [initialWorkbench] = useState<Workbench>(() => ({
    design: initialDesign,
    modelText: stored.modelText,
  }));
  const [history, dispatch] = useReducer(designReducer, initialWorkbench, designHistory);
  const design = history.present.design;
  const modelText = history.present.modelText;
  const modelState = useModelText(modelText, stored.modelFile, () =>
    initialModelState(imported.text, stored.modelFile, imported),
  );
  const model = modelState.model;
  const modelMarkers = useMemo(() => markersOf(modelState.diagnostics), [modelState.diagnostics]);
  const [notice, setNotice] = useState<string>();
  const onModelTextChange = useCallback(
    (text: string) => dispatch({ type: 'text', modelText: text, at: Date.now() }),
    [],
  );
  // Unset until the person toggles a group: until then the design's size decides.
  const [toggledGroups, setToggledGroups] = useState<ReadonlySet<string>>();
  // By tag, unless the model tags nothing: then by path, which always says something.
  const [grouping, setGrouping] = useState<OperationGrouping>(() =>
    imported.model?.operations.some((operation) => operation.tags.length > 0) === false
      ? 'path'
      : 'tag',
  );
  const chooseGrouping = useCallback((next: OperationGrouping) => {
    setGrouping(next);
    setToggledGroups(undefined);
  }, []);
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
    saved: initialWorkbench,
    workbench: history.present,
    onSaved,
    // Nothing here is unsaved: theirs is loaded without asking.
    onTheirs: () =>
      void reloadTheirs({ unlessEdited: true }).then(
        (loaded) => loaded && setNotice('Updated from disk'),
        (error: unknown) => setNotice(`A change on disk did not load: ${String(error)}`),
      ),
  });
  useDesignEvents(api, stored.id, (revision) => {
    if (revision === null) setNotice('The design’s files are gone from disk (deleted or moved)');
    else autosave.noticeRevision(revision);
  });
  useEffect(() => {
    if (notice === undefined) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MILLIS);
    return () => clearTimeout(timer);
  }, [notice]);
  useLeaveWarning(autosave.status !== 'saved');

  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  useHistoryKeys(undo, redo);

  // The present as of the last render, for a reload to see whether edits came in while it read.
  const presentRef = useRef(history.present);
  presentRef.current = history.present;
  const reloadTheirs = useCallback(
    async ({ unlessEdited = false } = {}) => {
      const before = presentRef.current;
      const theirs = await queryClient.fetchQuery({ ...designQuery(api, stored.id), staleTime: 0 });
      if (unlessEdited && presentRef.current !== before) {
        // Typed while theirs was read: not thrown away, theirs is a conflict to settle instead.
        autosave.noticeRevision(theirs.revision);
        return false;
      }
      const workbench: Workbench = { design: designOrEmpty(theirs), modelText: theirs.modelText };
      dispatch({ type: 'load', workbench });
      autosave.reset(theirs.revision, workbench);
      return true;
    },
    [api, queryClient, stored.id, autosave],
  );

  const operations = model.operations;
  const collapsedGroups = useMemo(
    () => toggledGroups ?? initiallyCollapsedGroups(operations, grouping),
    [toggledGroups, operations, grouping],
  );
  const graph = useMemo(
    () => buildGraph(operations, design, { collapsedGroups, grouping }),
    [operations, design, collapsedGroups, grouping],
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
        <DeployButton
          api={api}
          designId={stored.id}
          model={model}
          design={design}
          saveStatus={autosave.status}
        />
        <button
          type="button"
          onClick={editing.requestLayout}
          aria-keyshortcuts="Shift+L"
          title="Auto-layout (Shift+L)"
        >
          Auto-layout
        </button>
        <label className="toolbar-select">
          Group by{' '}
          <select
            value={grouping}
            onChange={(event) => chooseGrouping(event.target.value as OperationGrouping)}
          >
            <option value="tag">Tag</option>
            <option value="path">Path prefix</option>
          </select>
        </label>
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
        <LiveNotice notice={notice} />
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
      {modelState.stale && (
        <ModelErrorBanner
          diagnostics={modelState.diagnostics}
          neverRead={modelState.neverRead}
          onShowLine={(line) => setCodeReveal({ tab: 'model', line })}
        />
      )}
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
          findings={findings}
          selectedNodes={selectedNodes}
          onEdit={edit}
          onSelect={selectNode}
        />
        <CodePanel
          modelTab={{
            modelFile: stored.modelFile,
            modelText,
            onModelTextChange,
            markers: modelMarkers,
          }}
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
