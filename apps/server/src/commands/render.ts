import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors, renderOpenApi, serializeOpenApi } from '@gatewright/core';
import type { CommandResult } from './command';
import { readProject } from '../workspace/read-model';

export interface RenderOptions {
  designPath?: string;
  format: 'json' | 'yaml';
  outDir?: string;
}

/** Renders the OpenAPI document API Gateway imports, to stdout or `<out>/openapi.<format>`. */
export async function render(modelPath: string, options: RenderOptions): Promise<CommandResult> {
  const project = await readProject(modelPath, options.designPath);
  const { model, design } = project;
  if (!model || !design || hasErrors(project.diagnostics)) {
    return { exitCode: 1, findings: project.diagnostics, messages: [] };
  }
  const { document, diagnostics } = renderOpenApi(model, design);
  const findings = [...project.diagnostics, ...diagnostics];
  const text = serializeOpenApi(document, options.format);
  const exitCode = hasErrors(findings) ? 1 : 0;
  if (!options.outDir) return { exitCode, findings, messages: [], stdout: text };
  mkdirSync(options.outDir, { recursive: true });
  const file = join(options.outDir, `openapi.${options.format}`);
  writeFileSync(file, text);
  return { exitCode, findings, messages: [`wrote ${file}`] };
}
