import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { designFileFor, loadDesign, type DesignDocument } from '@gatewright/core';
import type { SAMPLES } from '../api/schemas';
import { sampleFolder } from '../workspace/open-workspace';

/** A sample's model text and design, ready to be created in a workspace. */
export async function readSample(
  name: (typeof SAMPLES)[number],
): Promise<{ modelText: string; design?: DesignDocument }> {
  // One sample so far; `name` is here so the API need not change when there are more.
  const modelPath = join(sampleFolder(), 'openapi.yaml');
  const [modelText, designText] = await Promise.all([
    readFile(modelPath, 'utf8'),
    readFile(designFileFor(modelPath), 'utf8'),
  ]);
  return {
    modelText,
    design: loadDesign(designText, `${name}/${designFileFor('openapi.yaml')}`).design,
  };
}
