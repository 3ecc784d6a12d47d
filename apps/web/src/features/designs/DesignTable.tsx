import { useMemo } from 'react';
import { designPagePath } from '../../app/routes';
import { useLinkClick } from '../../app/use-route';
import { displayName } from './design-names';
import type { DesignSummary } from './queries';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Props of {@link DesignTable}. */
export interface DesignTableProps {
  /** The designs to show, in the order to show them. */
  designs: readonly DesignSummary[];
  /** The filter that chose them, named when nothing matches. */
  filter: string;
  onRename: (design: DesignSummary) => void;
  onDelete: (design: DesignSummary) => void;
}

/**
 * The designs as a table: name (a link that opens it), model file, size,
 * completeness, last change, and the buttons that rename and delete it, each
 * labelled with the design it acts on.
 */
export function DesignTable({ designs, filter, onRename, onDelete }: DesignTableProps) {
  const sharedNames = useMemo(() => namesUsedTwice(designs), [designs]);
  return (
    <table className="design-table" aria-label="Designs">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Model file</th>
          <th scope="col">Operations</th>
          <th scope="col">Integrated</th>
          <th scope="col" aria-sort="descending">
            Last change
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {designs.map((design) => (
          <tr key={design.id} data-testid="design-row">
            <th scope="row">
              <DesignLink
                id={design.id}
                name={displayName(design)}
                shared={sharedNames.has(displayName(design))}
              />
            </th>
            <td>
              <code>{design.id}</code>
            </td>
            <td>{design.operationCount}</td>
            <td>
              {design.integratedCount} of {design.operationCount}
            </td>
            <td>
              <time dateTime={design.modifiedAt}>
                {dateFormat.format(new Date(design.modifiedAt))}
              </time>
            </td>
            <td className="home-row-actions">
              <button
                type="button"
                aria-label={`Rename ${displayName(design)} (${design.id})`}
                onClick={() => onRename(design)}
              >
                Rename
              </button>
              <button
                type="button"
                className="danger"
                aria-label={`Delete ${displayName(design)} (${design.id})`}
                onClick={() => onDelete(design)}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
        {designs.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              No design matches &ldquo;{filter}&rdquo;.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** The display names more than one design has (a copy of the sample, say). */
function namesUsedTwice(designs: readonly DesignSummary[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of designs.map(displayName)) (seen.has(name) ? twice : seen).add(name);
  return twice;
}

/** A link to a design; its accessible name adds the model file when another design has the same name. */
function DesignLink({ id, name, shared }: { id: string; name: string; shared: boolean }) {
  const path = designPagePath(id);
  return (
    <a
      href={path}
      onClick={useLinkClick(path)}
      aria-label={shared ? `Open ${name} (${id})` : `Open ${name}`}
    >
      {name}
    </a>
  );
}
