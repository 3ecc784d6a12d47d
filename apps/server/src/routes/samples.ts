import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { designFileFor, loadDesign, type DesignDocument } from '@gatewright/core';
import type { SAMPLES } from '../api/schemas';

// The samples ship with core, beside its sources.
const SAMPLES_DIR = fileURLToPath(new URL('../../../../packages/core/samples/', import.meta.url));

/** A sample's model text and design, ready to be created in a workspace. */
export async function readSample(
  name: (typeof SAMPLES)[number],
): Promise<{ modelText: string; design?: DesignDocument }> {
  const modelPath = `${SAMPLES_DIR}${name}/openapi.yaml`;
  const [modelText, designText] = await Promise.all([
    readFile(modelPath, 'utf8'),
    readFile(designFileFor(modelPath), 'utf8'),
  ]);
  return { modelText, design: loadDesign(designText).design };
}
