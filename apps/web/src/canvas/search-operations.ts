import type { OperationNodeData } from './graph-types';

/** At most this many results are listed; a person narrows the query for more. */
export const SEARCH_RESULT_LIMIT = 20;

/**
 * The operations a query finds: every whitespace-separated term, ignoring
 * case, must occur in the operation's path, name, method or tag. Operations
 * whose path or name starts with the first term come first, then the model's
 * order; an empty query finds nothing.
 */
export function searchOperations(
  operations: readonly OperationNodeData[],
  query: string,
  limit: number = SEARCH_RESULT_LIMIT,
): OperationNodeData[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const [first] = terms;
  if (first === undefined) return [];
  const found = operations.filter((operation) => {
    const text = searchableText(operation);
    return terms.every((term) => text.includes(term));
  });
  const startsWithFirst = (operation: OperationNodeData) =>
    operation.path.toLowerCase().startsWith(first) ||
    operation.name.toLowerCase().startsWith(first);
  // A stable sort keeps the model's order within each rank.
  return found
    .map((operation) => ({ operation, rank: startsWithFirst(operation) ? 0 : 1 }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ operation }) => operation);
}

function searchableText(operation: OperationNodeData): string {
  return [operation.method, operation.path, operation.name, operation.tag ?? '']
    .join('\n')
    .toLowerCase();
}
