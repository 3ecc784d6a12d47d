import {
  hasErrors,
  renderOpenApi,
  validate as validateDesign,
  type Diagnostic,
} from '@gatewright/core';
import type { CommandResult } from './command';
import { countBySeverity } from '../findings';
import { readProject, type Project } from '../workspace/read-model';

/**
 * Every finding about a model and its design: reading, rules, and rendering.
 * Design findings name the design file read (`--design` or the default) and
 * its lines.
 */
export function projectFindings(project: Project): Diagnostic[] {
  const { model, design } = project;
  if (!model || !design) return project.diagnostics;
  return [
    ...project.diagnostics,
    ...validateDesign(model, design, {
      designFile: project.designPath,
      locateInDesign: project.locateInDesign,
    }),
    ...renderOpenApi(model, design).diagnostics,
  ];
}

export async function validate(
  modelPath: string,
  options: { designPath?: string },
): Promise<CommandResult> {
  const findings = projectFindings(await readProject(modelPath, options.designPath));
  const counts = countBySeverity(findings);
  return {
    exitCode: hasErrors(findings) ? 1 : 0,
    findings,
    messages: [`${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos`],
  };
}
