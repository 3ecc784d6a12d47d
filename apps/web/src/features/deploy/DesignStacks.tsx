import type { DesignStacks as Stacks } from './queries';

/** The design's Gatewright stacks on the target, with their status. */
export function DesignStacks({ stacks }: { stacks: Stacks }) {
  if (stacks.stacks.length === 0)
    return <p className="muted">No stack of this design on this target yet.</p>;
  return (
    <ul className="deploy-stacks" aria-label="Stacks of this design">
      {stacks.stacks.map((stack) => (
        <li key={stack.stackName}>
          <code>{stack.stackName}</code> <span className="stack-status">{stack.status}</span>
          {stack.updated && (
            <span className="muted"> · {new Date(stack.updated).toLocaleString()}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
