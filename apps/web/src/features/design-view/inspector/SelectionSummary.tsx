import type { Operation } from '@gatewright/core';
import { backendKindLabel } from '../../../canvas/nodes/BackendNodeView';
import { chooseServedBy } from '../wiring';
import { chooseForAll } from './design-edits';
import { SelectField } from './fields';
import { useInspector } from './inspector-context';

const UNCHANGED = '';

/** Several nodes selected: how many, and what serves all their operations, as one undo step. */
export function SelectionSummary({
  count,
  operations,
}: {
  count: number;
  operations: readonly Operation[];
}) {
  const { design, edit } = useInspector();
  const keys = operations.map((operation) => operation.key);
  return (
    <>
      <p>
        <strong>{count} selected</strong>
        {operations.length !== count && ` (${operations.length} operations)`}
      </p>
      {operations.length > 0 && (
        <SelectField
          label={`Served by (all ${operations.length} operations)`}
          value={UNCHANGED}
          options={[
            { value: UNCHANGED, label: 'Choose…' },
            ...Object.entries(design.backends).map(([id, backend]) => ({
              value: `backend:${id}`,
              label: `${backendKindLabel(backend.kind)}: ${backend.label ?? id}`,
            })),
            { value: 'none', label: 'Not integrated' },
          ]}
          onChange={(value) => {
            if (value === UNCHANGED) return;
            edit((current) =>
              chooseForAll(current, keys, (d, key) => chooseServedBy(d, key, value)),
            );
          }}
        />
      )}
      <ul className="served-list">
        {keys.map((key) => (
          <li key={key}>
            <code>{key}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
