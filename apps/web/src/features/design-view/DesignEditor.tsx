import { type DesignDocument, type ImportResult } from '@gatewright/core';
import { useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { buildGraph, initiallyCollapsedGroups } from '../../canvas/build-graph';
import { completeness } from '../../canvas/completeness';
import { DesignCanvas } from '../../canvas/DesignCanvas';
import { designKeys, designQuery } from '../designs/queries';
import { CodePanel } from './code-panel/CodePanel';
import { designHistory, designReducer, type Workbench } from './design-store';
import { Inspector } from './Inspector';
import { LiveNotice, ModelErrorBanner } from './ModelStatus';
import { ConflictBanner, SaveStatus } from './SaveStatus';
import { useAutosave, type SavedDesign } from './use-autosave';
import { useDesignEvents } from './use-design-events';
import { useHistoryKeys } from './use-history-keys';
import { useLeaveWarning } from './use-leave-warning';
import { initialModelState, markersOf, useModelText } from './use-model-text';
import { designOrEmpty, type StoredDesignInput } from './use-project';
import {
  chooseServedBy,
  integrationWithBackend,
  servedByChoices,
  servedByValue,
  setIntegration,
} from './wiring';

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
  const [revealModelLine, setRevealModelLine] = useState<{ line: number }>();
  const [notice, setNotice] = useState<string>();
  const onModelTextChange = useCallback(
    (text: string) => dispatch({ type: 'text', modelText: text, at: Date.now() }),
    [],
  );
  // Unset until the person toggles a group: until then the design's size decides.
  const [toggledGroups, setToggledGroups] = useState<ReadonlySet<string>>();
  const [selectedId, setSelectedId] = useState<string>();

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
    () => toggledGroups ?? initiallyCollapsedGroups(operations),
    [toggledGroups, operations],
  );
  const graph = useMemo(
    () => buildGraph(operations, design, { collapsedGroups }),
    [operations, design, collapsedGroups],
  );
  const counts = useMemo(() => completeness(operations, design), [operations, design]);
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
  const wireToBackend = useCallback(
    (operationKey: string, backendId: string) =>
      dispatch({
        type: 'edit',
        edit: (current) => {
          const backend = current.backends[backendId];
          if (!backend) return current;
          const integration = current.operations[operationKey]?.integration;
          return setIntegration(
            current,
            operationKey,
            integrationWithBackend(backendId, backend, integration),
          );
        },
      }),
    [],
  );

  const selected = graph.nodes.find((node) => node.id === selectedId);
  const selectedOperation =
    selected?.type === 'operation'
      ? operations.find((operation) => operation.key === selected.data.key)
      : undefined;
  const servedBy = selectedOperation && {
    choices: servedByChoices(selectedOperation, design),
    value: servedByValue(design.operations[selectedOperation.key]?.integration),
    onChange: (value: string) =>
      dispatch({
        type: 'edit',
        edit: (current) => chooseServedBy(current, selectedOperation.key, value),
      }),
  };

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
        <SaveStatus autosave={autosave} />
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
      {modelState.stale && (
        <ModelErrorBanner
          diagnostics={modelState.diagnostics}
          onShowLine={(line) => setRevealModelLine({ line })}
        />
      )}
      <div className="design-body">
        <div className="canvas-area">
          <ReactFlowProvider>
            <DesignCanvas
              graph={graph}
              onToggleGroup={toggleGroup}
              onSelect={setSelectedId}
              onWire={wireToBackend}
              onExpandGroup={expandGroup}
            />
          </ReactFlowProvider>
        </div>
        <Inspector node={selected} servedBy={servedBy} />
        <CodePanel
          designId={stored.id}
          revision={stored.revision}
          model={{
            modelFile: stored.modelFile,
            modelText,
            onModelTextChange,
            markers: modelMarkers,
            ...(revealModelLine ? { reveal: revealModelLine } : {}),
          }}
        />
      </div>
    </>
  );
}
