import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  hasErrors,
  needsBodyS3Location,
  renderOpenApi,
  renderTemplate,
  serializeOpenApi,
} from '@gatewright/core';
import type { CommandResult } from './command';
import { readProject } from '../workspace/read-model';

export interface RenderOptions {
  designPath?: string;
  /** `cloudformation`: the CloudFormation template that deploys the API, as JSON. */
  format: 'json' | 'yaml' | 'cloudformation';
  /** For `cloudformation`: where the template deploys. @default 'sandbox' */
  target?: 'sandbox' | 'aws';
  outDir?: string;
}

/**
 * Renders the OpenAPI document API Gateway imports (to stdout or
 * `<out>/openapi.<format>`), or with `--format cloudformation` the template
 * that deploys it (to stdout or `<out>/template.json`).
 */
export async function render(modelPath: string, options: RenderOptions): Promise<CommandResult> {
  const project = await readProject(modelPath, options.designPath);
  const { model, design } = project;
  if (!model || !design || hasErrors(project.diagnostics)) {
    return { exitCode: 1, findings: project.diagnostics, messages: [] };
  }
  const messages: string[] = [];
  let text: string;
  let fileName: string;
  let findings = project.diagnostics;
  if (options.format === 'cloudformation') {
    const rendered = renderTemplate(model, design, { target: options.target ?? 'sandbox' });
    findings = [...findings, ...rendered.diagnostics];
    text = JSON.stringify(rendered.template, null, 2) + '\n';
    fileName = 'template.json';
    if (needsBodyS3Location(rendered)) {
      messages.push(
        'The template is over the 51,200 bytes CloudFormation takes inline: a deploy (to AWS or the sandbox) puts the OpenAPI document in S3 (BodyS3Location).',
      );
    }
  } else {
    const { document, diagnostics } = renderOpenApi(model, design);
    findings = [...findings, ...diagnostics];
    text = serializeOpenApi(document, options.format);
    fileName = `openapi.${options.format}`;
  }
  const exitCode = hasErrors(findings) ? 1 : 0;
  if (!options.outDir) return { exitCode, findings, messages, stdout: text };
  mkdirSync(options.outDir, { recursive: true });
  const file = join(options.outDir, fileName);
  writeFileSync(file, text);
  return { exitCode, findings, messages: [...messages, `wrote ${file}`] };
}
