import type { Change } from '@aws-sdk/client-cloudformation';

/** One change a change set would make, in the words the page shows. */
export interface StackChange {
  action: 'Add' | 'Modify' | 'Remove' | 'Import' | 'Dynamic';
  logicalId: string;
  resourceType: string;
  /** For Modify: whether the resource is replaced ('True', 'False', 'Conditional'); absent when not known. */
  replacement?: string;
}

/** The resource changes of a described change set, in a stable order (as CloudFormation lists them). */
export function toStackChanges(changes: readonly Change[] | undefined): StackChange[] {
  const result: StackChange[] = [];
  for (const change of changes ?? []) {
    const resource = change.ResourceChange;
    if (!resource?.Action || !resource.LogicalResourceId) continue;
    result.push({
      action: resource.Action as StackChange['action'],
      logicalId: resource.LogicalResourceId,
      resourceType: resource.ResourceType ?? 'unknown',
      ...(resource.Action === 'Modify' && resource.Replacement
        ? { replacement: resource.Replacement }
        : {}),
    });
  }
  return result;
}

/** A one-line summary: "3 to add, 1 to modify, 0 to remove". */
export function summarizeChanges(changes: readonly StackChange[]): string {
  const count = (action: StackChange['action']) =>
    changes.filter((c) => c.action === action).length;
  return `${count('Add')} to add, ${count('Modify')} to modify, ${count('Remove')} to remove`;
}
