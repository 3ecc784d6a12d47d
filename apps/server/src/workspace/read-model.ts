import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  designFileFor,
  diagnostic,
  importModel,
  loadDesign,
  locateInDesignText,
  type ApiModel,
  type DesignDocument,
  type Diagnostic,
  type TextPosition,
} from '@gatewright/core';

export interface ModelFiles {
  modelPath: string;
  model?: ApiModel;
  diagnostics: Diagnostic[];
}

/** Reads a model and every file its `$ref`s reach. */
export async function readModel(modelPath: string): Promise<ModelFiles> {
  const absolute = resolve(modelPath);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return {
      modelPath,
      diagnostics: [
        diagnostic('model.unreadable', `cannot read ${modelPath}: ${reason(error)}`, {
          file: modelPath,
        }),
      ],
    };
  }
  // Core joins each ref to the name of the file that holds it, starting from
  // `file`, so every path it asks for is relative to the current directory.
  const { model, diagnostics } = await importModel(text, {
    file: modelPath,
    resolveRef: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  });
  return { modelPath, model, diagnostics };
}

export interface DesignFile {
  designPath: string;
  exists: boolean;
  design?: DesignDocument;
  diagnostics: Diagnostic[];
  /** Where a pointer into the design sits in the file, for later findings. @default absent when there is no file */
  locate?: (pointer: string) => TextPosition | undefined;
}

/** Reads the design beside a model (or the one named), reporting a missing file as a finding. */
export function readDesign(modelPath: string, designPath = designFileFor(modelPath)): DesignFile {
  if (!existsSync(designPath)) {
    return {
      designPath,
      exists: false,
      diagnostics: [
        diagnostic(
          'design.missing',
          `no design file at ${designPath}: create one with \`gatewright init ${modelPath}\` (or name one with --design)`,
          { file: designPath },
        ),
      ],
    };
  }
  const text = readFileSync(designPath, 'utf8');
  const { design, diagnostics } = loadDesign(text, designPath);
  return { designPath, exists: true, design, diagnostics, locate: locateInDesignText(text) };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
}

export interface Project {
  modelPath: string;
  designPath: string;
  model?: ApiModel;
  design?: DesignDocument;
  /** Findings from reading both files. */
  diagnostics: Diagnostic[];
  /** Where a pointer into the design sits in its file. @default absent when there is no design file */
  locateInDesign?: (pointer: string) => TextPosition | undefined;
}

/** Reads a model and its design; either may be missing, and the findings say why. */
export async function readProject(modelPath: string, designPath?: string): Promise<Project> {
  const modelFiles = await readModel(modelPath);
  const designFile = readDesign(modelPath, designPath);
  return {
    modelPath,
    designPath: designFile.designPath,
    model: modelFiles.model,
    design: designFile.design,
    diagnostics: [...modelFiles.diagnostics, ...designFile.diagnostics],
    locateInDesign: designFile.locate,
  };
}
