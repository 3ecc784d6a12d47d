/**
 * Golden files: each case under `test/golden/<case>/` holds its inputs
 * (`model.yaml` or `model.json`, `design.json`) and one expected file or folder
 * per output in GOLDEN_OUTPUTS, side by side. `pnpm --filter @gatewright/core
 * golden:update` rewrites the expectations (UPDATE_GOLDEN=1); review the diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadDesign } from '../src/design/load-design';
import type { DesignDocument } from '../src/design/types';
import { importModel } from '../src/model/import-model';
import type { ApiModel } from '../src/model/types';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/** Every output a case must have an expectation for; the meta-test enforces it. */
export const GOLDEN_OUTPUTS = [
  'openapi.json',
  'openapi.yaml',
  'cdk-typescript',
  'cloudformation.json',
] as const;

/** A case's model and design, loaded; failing loudly on any error in either (inputs are hand-written). */
export async function loadGoldenCase(
  name: string,
): Promise<{ model: ApiModel; design: DesignDocument }> {
  const { file, text } = readCaseModel(name);
  const imported = await importModel(text, { file });
  const loaded = loadDesign(readCaseDesign(name), 'design.json');
  expect(
    [...imported.diagnostics, ...loaded.diagnostics].filter((d) => d.severity === 'error'),
    name,
  ).toEqual([]);
  return { model: imported.model!, design: loaded.design! };
}

export function goldenCases(): string[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function caseDir(name: string): string {
  return join(GOLDEN_DIR, name);
}

/** The model file of a case and its text. */
export function readCaseModel(name: string): { file: string; text: string } {
  const file = ['model.yaml', 'model.json'].find((f) => existsSync(join(caseDir(name), f)));
  if (!file) throw new Error(`golden case ${name} has no model.yaml or model.json`);
  return { file, text: readFileSync(join(caseDir(name), file), 'utf8') };
}

export function readCaseDesign(name: string): string {
  return readFileSync(join(caseDir(name), 'design.json'), 'utf8');
}

/** Compares one output file with its expectation, or writes it when updating. */
export function expectGoldenFile(name: string, relPath: string, actual: string): void {
  const path = join(caseDir(name), relPath);
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `missing golden file ${name}/${relPath}; run golden:update`).toBe(true);
  expect(actual, `${name}/${relPath} differs from its golden file`).toBe(
    readFileSync(path, 'utf8'),
  );
}

/** Compares a folder of outputs with its expectation: same file names, same contents. */
export function expectGoldenFolder(
  name: string,
  relDir: string,
  files: Record<string, string>,
): void {
  const dir = join(caseDir(name), relDir);
  if (UPDATING) rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) expectGoldenFile(name, join(relDir, rel), text);
  if (!UPDATING) {
    expect(
      listFiles(dir).sort(),
      `${name}/${relDir} has other files than the emitter wrote`,
    ).toEqual(Object.keys(files).sort());
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), join(prefix, d.name)) : [join(prefix, d.name)],
  );
}
