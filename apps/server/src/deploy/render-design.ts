import {
  renderTemplate,
  type ApiModel,
  type DesignDocument,
  type Diagnostic,
} from '@gatewright/core';
import { DeployError, type RenderStack } from './engine';
import type { TargetKind } from './targets';

/** A design's template renderer for the engine; refuses the deploy when rendering finds errors. */
export function designRenderer(
  model: ApiModel,
  design: DesignDocument,
  target: TargetKind,
): RenderStack {
  return (placement) => {
    const rendered = renderTemplate(model, design, { target, ...placement });
    const errors = rendered.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new RenderErrors(errors);
    return rendered;
  };
}

/** The template could not be rendered: the findings to fix first. */
export class RenderErrors extends DeployError {
  constructor(readonly findings: Diagnostic[]) {
    super(
      'not-deployable',
      `The design cannot be deployed until ${findings.length === 1 ? 'this error is' : `these ${findings.length} errors are`} fixed: ${findings
        .slice(0, 3)
        .map((f) => f.message)
        .join(' ')}`,
    );
  }
}
