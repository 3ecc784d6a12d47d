import type { ChangeSet } from './queries';

const ACTION_WORDS: Record<ChangeSet['changes'][number]['action'], string> = {
  Add: 'Add',
  Modify: 'Modify',
  Remove: 'Remove',
  Import: 'Import',
  Dynamic: 'Decided while running',
};

/** A change set's changes, one row a resource, before anything runs. */
export function ChangeSetTable({ changeSet }: { changeSet: ChangeSet }) {
  if (changeSet.noChanges)
    return (
      <p className="deploy-note" role="status">
        No changes: the stack {changeSet.stackName} already matches the saved design.
      </p>
    );
  return (
    <table className="deploy-table" aria-label="Change set">
      <caption>
        {changeSet.type === 'CREATE' ? 'Creates' : 'Updates'} stack {changeSet.stackName}:{' '}
        {changeSet.changes.length} {changeSet.changes.length === 1 ? 'change' : 'changes'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Logical id</th>
          <th scope="col">Resource type</th>
          <th scope="col">Replacement</th>
        </tr>
      </thead>
      <tbody>
        {changeSet.changes.map((change) => (
          <tr key={change.logicalId} data-action={change.action}>
            <td>
              <span className={`change-action change-${change.action.toLowerCase()}`}>
                {ACTION_WORDS[change.action]}
              </span>
            </td>
            <td>
              <code>{change.logicalId}</code>
            </td>
            <td>{change.resourceType}</td>
            <td>{replacementWords(change.replacement)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function replacementWords(replacement: string | undefined): string {
  switch (replacement) {
    case 'True':
      return 'Replaced';
    case 'False':
      return 'In place';
    case 'Conditional':
      return 'Maybe replaced';
    default:
      return '—';
  }
}
