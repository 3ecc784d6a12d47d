import type { ApiModel, DesignDocument, OperationKey } from '@gatewright/core';
import { useCallback, useMemo, useRef, useState, type Dispatch } from 'react';
import type { Positions } from '../../canvas/auto-layout';
import { backendNodeId } from '../../canvas/build-graph';
import type { EditorCommand } from '../../canvas/DesignCanvas';
import type { FlowPoint, PaletteKind } from '../../canvas/graph-types';
import { copyItems, pasteClip, selectedItems, type Clip } from './clipboard';
import type { DesignAction } from './design-store';
import { PATTERN_ITEMS } from './palette/palette-items';
import {
  addBackend,
  applyPattern,
  defaultBackend,
  integratedOperations,
  mockAll,
  nextBackendName,
  removeFromDesign,
  wireAll,
  withPositions,
  type PalettePattern,
} from './design-edits';

/**
 * The canvas's and the palette's edits of a design: each gesture is one
 * dispatched edit (one undo step), and says what it did in `status`.
 */
export function useCanvasEditing(
  model: ApiModel,
  design: DesignDocument,
  dispatch: Dispatch<DesignAction>,
) {
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [layoutRequest, setLayoutRequest] = useState(0);
  const [fitRequest, setFitRequest] = useState(0);
  const [selectRequest, setSelectRequest] = useState<readonly string[]>();
  const [helpOpen, setHelpOpen] = useState(false);
  const clip = useRef<Clip>(undefined);
  // Callbacks read the latest design without being made again on every edit.
  const latest = useRef(design);
  latest.current = design;

  const edit = useCallback(
    (change: (current: DesignDocument) => DesignDocument) =>
      dispatch({ type: 'edit', edit: change }),
    [dispatch],
  );

  const create = useCallback(
    (kind: PaletteKind, at: FlowPoint, keys: readonly OperationKey[]) => {
      if (kind === 'mock') {
        if (keys.length === 0) {
          setStatus(
            'A mock answers one operation: drop it on an operation, or select operations first.',
          );
          return;
        }
        const operations = model.operations.filter((operation) => keys.includes(operation.key));
        edit((current) => mockAll(current, operations));
        setStatus(
          `Mocked ${count(keys.length, 'operation')} from ${keys.length === 1 ? 'its' : 'their'} documented responses.`,
        );
        return;
      }
      const { id, label } = nextBackendName(latest.current, kind);
      const backend = defaultBackend(model, kind, label);
      edit((current) => addBackend(current, id, backend, at, keys));
      setSelectRequest([backendNodeId(id)]);
      setStatus(
        keys.length === 0
          ? `Created ${label}.`
          : `Created ${label}, serving ${count(keys.length, 'operation')}.`,
      );
    },
    [model, edit],
  );

  const selectedOperationKeys = useMemo(
    () => selectedItems(selectedIds.filter((id) => id.startsWith('op:'))).operationKeys,
    [selectedIds],
  );

  const onCommand = useCallback(
    (command: EditorCommand, nodeIds: string[]) => {
      const items = selectedItems(nodeIds);
      const current = latest.current;
      switch (command) {
        case 'help':
          setHelpOpen(true);
          return;
        case 'copy': {
          const copied = copyItems(current, items);
          if (!copied) {
            setStatus('Nothing to copy: select a backend, or an operation with an integration.');
            return;
          }
          clip.current = copied;
          setStatus(`Copied ${describeClip(copied)}.`);
          return;
        }
        case 'paste': {
          const copied = clip.current;
          if (!copied) {
            setStatus('Nothing to paste: copy a backend or an integration first.');
            return;
          }
          const targets = nodeIds.filter((id) => id.startsWith('op:')).map((id) => id.slice(3));
          const { nodeIds: made } = pasteClip(current, copied, targets);
          edit((present) => pasteClip(present, copied, targets).design);
          if (made.length > 0) setSelectRequest(made);
          setStatus(
            `Pasted ${describeClip(copied)}${targets.length > 0 ? ` onto ${count(targets.length, 'operation')}` : ''}.`,
          );
          return;
        }
        case 'duplicate': {
          const copied = copyItems(current, { backendIds: items.backendIds, operationKeys: [] });
          if (!copied) {
            setStatus('Nothing to duplicate: select a backend.');
            return;
          }
          const { nodeIds: made } = pasteClip(current, copied, []);
          edit((present) => pasteClip(present, copied, []).design);
          setSelectRequest(made);
          setStatus(`Duplicated ${describeClip(copied)}.`);
          return;
        }
        case 'delete': {
          const { summary } = removeFromDesign(current, items.backendIds, items.operationKeys);
          edit(
            (present) => removeFromDesign(present, items.backendIds, items.operationKeys).design,
          );
          setStatus(summary);
          return;
        }
      }
    },
    [edit],
  );

  const onPattern = useCallback(
    (pattern: PalettePattern, replace: boolean) => {
      const integrated = integratedOperations(latest.current, model.operations).length;
      const changed = replace ? model.operations.length : model.operations.length - integrated;
      edit((current) => applyPattern(current, model, pattern, replace));
      // A pattern's backend lands beside the groups, perhaps out of view.
      setFitRequest((n) => n + 1);
      setStatus(`${PATTERN_NAMES[pattern]}: wired ${count(changed, 'operation')}.`);
    },
    [edit, model],
  );

  const onWire = useCallback(
    (keys: string[], backendId: string) => {
      edit((current) => wireAll(current, keys, backendId));
      if (keys.length > 1) setStatus(`Wired ${count(keys.length, 'operation')}.`);
    },
    [edit],
  );
  const onDropKind = useCallback(
    (kind: PaletteKind, at: FlowPoint, key: OperationKey | undefined) =>
      create(kind, at, key === undefined ? [] : [key]),
    [create],
  );
  const onMoveNodes = useCallback(
    (positions: Positions) => edit((current) => withPositions(current, positions)),
    [edit],
  );
  const onLayout = useCallback(
    (positions: Positions) => {
      edit((current) => withPositions(current, positions));
      setStatus('Laid out the canvas.');
    },
    [edit],
  );
  const onChoose = useCallback(
    (kind: PaletteKind, at: FlowPoint) => create(kind, at, selectedOperationKeys),
    [create, selectedOperationKeys],
  );

  const canvas = {
    onSelectionIds: setSelectedIds,
    onWire,
    onDropKind,
    onMoveNodes,
    onLayout,
    onCommand,
    layoutRequest,
    fitRequest,
    selectRequest,
  };
  const palette = {
    selectedOperationCount: selectedOperationKeys.length,
    operationCount: model.operations.length,
    integratedCount: integratedOperations(design, model.operations).length,
    onChoose,
    onPattern,
  };

  return {
    canvas,
    palette,
    /** The nodes selected on the canvas, in the order the canvas reports them. */
    selectedIds,
    status,
    helpOpen,
    openHelp: useCallback(() => setHelpOpen(true), []),
    closeHelp: useCallback(() => setHelpOpen(false), []),
    requestLayout: useCallback(() => setLayoutRequest((n) => n + 1), []),
  };
}

const PATTERN_NAMES: Record<PalettePattern, string> = Object.fromEntries(
  PATTERN_ITEMS.map((item) => [item.pattern, item.name]),
) as Record<PalettePattern, string>;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeClip(copied: Clip): string {
  const parts: string[] = [];
  if (copied.backends.length > 0)
    parts.push(copied.backends.map(({ backend, id }) => backend.label ?? id).join(', '));
  if (copied.integrations.length > 0) parts.push(count(copied.integrations.length, 'integration'));
  return parts.join(' and ');
}
