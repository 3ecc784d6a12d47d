import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emitCdk, hasErrors, type CdkLanguage } from '@gatewright/core';
import type { CommandResult } from './command';
import { projectFindings } from './validate';
import { readProject } from '../workspace/read-model';

export interface ExportOptions {
  designPath?: string;
  language: CdkLanguage;
  outDir: string;
  force: boolean;
}

/**
 * Writes the CDK app for a design. Refuses while the design has errors (the app
 * would not deploy), and refuses to write into a folder that already has files
 * unless --force, so an edited export is never overwritten by surprise.
 */
export async function exportCdk(modelPath: string, options: ExportOptions): Promise<CommandResult> {
  const project = await readProject(modelPath, options.designPath);
  const findings = projectFindings(project);
  const { model, design } = project;
  if (!model || !design || hasErrors(findings)) {
    return { exitCode: 1, findings, messages: ['not exported: fix the errors above first'] };
  }
  if (existsSync(options.outDir) && readdirSync(options.outDir).length > 0 && !options.force) {
    return {
      exitCode: 1,
      findings,
      messages: [
        `${options.outDir} is not empty; choose another --out, or pass --force to overwrite its files`,
      ],
    };
  }
  const emitted = emitCdk(model, design, { language: options.language });
  for (const [path, text] of Object.entries(emitted.files)) {
    const target = join(options.outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const all = [...findings, ...emitted.diagnostics];
  return {
    exitCode: hasErrors(all) ? 1 : 0,
    findings: all,
    messages: [
      `wrote ${Object.keys(emitted.files).length} files of a ${options.language} CDK app to ${options.outDir}`,
    ],
  };
}
