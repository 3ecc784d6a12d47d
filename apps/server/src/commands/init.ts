import { existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  createDesign,
  designFileFor,
  recoverDesign,
  serializeDesign,
  type DesignPattern,
} from '@gatewright/core';
import type { CommandResult } from './command';
import { readModel } from '../workspace/read-model';

export interface InitOptions {
  pattern?: Exclude<DesignPattern, 'empty'>;
  designPath?: string;
  force: boolean;
}

/**
 * Writes a design beside the model. Without a pattern, a model that already
 * carries API Gateway integrations gets them recovered; any other gets an empty
 * design. An existing design file is never overwritten without --force.
 */
export async function init(modelPath: string, options: InitOptions): Promise<CommandResult> {
  const designPath = options.designPath ?? designFileFor(modelPath);
  if (existsSync(designPath) && !options.force) {
    return {
      exitCode: 1,
      findings: [],
      messages: [`${designPath} already exists; keep it, or pass --force to replace it`],
    };
  }
  const { model, diagnostics } = await readModel(modelPath);
  if (!model) return { exitCode: 1, findings: diagnostics, messages: [] };

  const modelRef = basename(modelPath);
  const recovered = options.pattern ? undefined : recoverDesign(model, modelRef);
  const design =
    recovered?.design ??
    createDesign(model, { pattern: options.pattern ?? 'empty', modelPath: modelRef });
  writeFileSync(designPath, serializeDesign(design));
  const wired = Object.values(design.operations).filter((o) => o.integration).length;
  return {
    exitCode: 0,
    findings: [...diagnostics, ...(recovered?.diagnostics ?? [])],
    messages: [`wrote ${designPath}: ${wired} of ${model.operations.length} operations integrated`],
  };
}
