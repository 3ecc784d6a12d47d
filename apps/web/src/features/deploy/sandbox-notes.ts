import type { DesignDocument } from '@gatewright/core';

/**
 * What the panel says about ECS/NLB backends on the sandbox, which runs no
 * containers: each is called at its sandbox URL, or needs one.
 */
export function sandboxUrlNotes(design: DesignDocument): string[] {
  return Object.entries(design.backends).flatMap(([id, backend]) => {
    if (backend.kind !== 'ecs-nlb') return [];
    const name = backend.label ?? id;
    return backend.sandboxUrl
      ? [
          `In the sandbox, ECS/NLB backend “${name}” is called at its sandbox URL ${backend.sandboxUrl}.`,
        ]
      : [
          `In the sandbox, ECS/NLB backend “${name}” cannot run its container and has no sandbox URL: set “Sandbox URL” on the backend in the inspector.`,
        ];
  });
}
