import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { LAYOUT } from '../../../canvas/build-graph';
import { PALETTE_DRAG_TYPE, type FlowPoint, type PaletteKind } from '../../../canvas/graph-types';
import type { PalettePattern } from '../design-edits';
import { PALETTE_ITEMS, PATTERN_ITEMS, filterItems, type PatternItem } from './palette-items';
import './palette.css';

export interface PaletteProps {
  /** Operations selected on the canvas, which a kind chosen by keyboard wires. */
  selectedOperationCount: number;
  /** Operations of the model, and how many of them are integrated already. */
  operationCount: number;
  integratedCount: number;
  /** A kind was chosen with Enter (or a click): create it at `at` (beside the selection, or mid-view). */
  onChoose: (kind: PaletteKind, at: FlowPoint) => void;
  /** A pattern, replacing integrations already there or only filling the gaps. */
  onPattern: (pattern: PalettePattern, replace: boolean) => void;
}

/**
 * The integration kinds, dragged onto the canvas or chosen by keyboard, and
 * patterns that wire every operation at once. A pattern that would replace
 * integrations asks first, saying how many.
 */
export function Palette({
  selectedOperationCount,
  operationCount,
  integratedCount,
  onChoose,
  onPattern,
}: PaletteProps) {
  const [filter, setFilter] = useState('');
  const [confirming, setConfirming] = useState<PatternItem>();
  const filterId = useId();
  const hintId = useId();
  const items = filterItems(PALETTE_ITEMS, filter);
  const { screenToFlowPosition } = useReactFlow();
  const pane = useStore((state) => state.domNode);
  const flow = useStoreApi();

  // Beside the first selected operation, in the backends' column, as a drop on it places it;
  // else the centre of the view.
  const place = (): FlowPoint => {
    const { nodes, nodeLookup } = flow.getState();
    const first = nodes.find((node) => node.selected && node.type === 'operation');
    const operation = first && nodeLookup.get(first.id)?.internals.positionAbsolute;
    if (operation)
      return { x: operation.x - LAYOUT.groupPadding + LAYOUT.backendX, y: operation.y };
    const box = pane?.getBoundingClientRect();
    const at = box
      ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
    return { x: at.x - 120, y: at.y - 40 };
  };
  const onDragStart = (kind: PaletteKind) => (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const choosePattern = (item: PatternItem) => {
    if (integratedCount === 0) onPattern(item.pattern, true);
    else setConfirming(item);
  };
  const confirm = (replace: boolean) => {
    if (confirming) onPattern(confirming.pattern, replace);
    setConfirming(undefined);
  };

  return (
    <aside className="palette" aria-label="Palette">
      <h2>Palette</h2>
      <label htmlFor={filterId} className="visually-hidden">
        Filter integration kinds
      </label>
      <input
        id={filterId}
        type="search"
        className="palette-filter"
        placeholder="Filter kinds"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <p id={hintId} className="palette-hint muted">
        {selectedOperationCount > 0
          ? `Enter wires the ${selectedOperationCount} selected operation${selectedOperationCount === 1 ? '' : 's'}.`
          : 'Drag onto the canvas or an operation, or press Enter.'}
      </p>
      <ul className="palette-kinds" aria-label="Integration kinds">
        {items.map((item) => (
          <li key={item.kind}>
            <button
              type="button"
              className={`palette-kind kind-${item.kind}`}
              draggable
              onDragStart={onDragStart(item.kind)}
              onClick={() => onChoose(item.kind, place())}
              aria-describedby={hintId}
              data-kind={item.kind}
            >
              <span className="palette-kind-name">{item.name}</span>
              <span className="palette-kind-description">{item.description}</span>
            </button>
          </li>
        ))}
      </ul>
      {items.length === 0 && <p className="muted">No kind matches “{filter}”.</p>}
      <h3>Patterns</h3>
      <ul className="palette-patterns" aria-label="Patterns">
        {PATTERN_ITEMS.map((item) => (
          <li key={item.pattern}>
            <button type="button" onClick={() => choosePattern(item)}>
              {item.name}
            </button>
          </li>
        ))}
      </ul>
      {confirming && (
        <PatternConfirm
          item={confirming}
          integratedCount={integratedCount}
          operationCount={operationCount}
          onConfirm={confirm}
          onCancel={() => setConfirming(undefined)}
        />
      )}
    </aside>
  );
}

function PatternConfirm({
  item,
  integratedCount,
  operationCount,
  onConfirm,
  onCancel,
}: {
  item: PatternItem;
  integratedCount: number;
  operationCount: number;
  onConfirm: (replace: boolean) => void;
  onCancel: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => first.current?.focus(), [item]);
  const unwired = operationCount - integratedCount;
  return (
    <div
      className="palette-confirm"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id={titleId}>
        {item.name}: {integratedCount} of {operationCount} operations already have an integration.
      </p>
      <button type="button" ref={first} onClick={() => onConfirm(false)} disabled={unwired === 0}>
        Wire only the {unwired} not integrated
      </button>
      <button type="button" onClick={() => onConfirm(true)}>
        Replace all {operationCount}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
