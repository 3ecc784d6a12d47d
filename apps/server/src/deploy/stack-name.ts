import { createHash } from 'node:crypto';

/** The tag keys Gatewright puts on every stack it creates. */
export const DESIGN_TAG = 'gatewright:design';
export const WORKSPACE_TAG = 'gatewright:workspace';

const MAX_STACK_NAME = 128;

/**
 * The stack of a design: `gatewright-<readable part>-<hash>`. The same design
 * id always gives the same name (a redeploy updates the stack); the hash keeps
 * ids that slug alike (`a/b.yaml`, `a-b.yaml`) apart. Valid in CloudFormation:
 * a letter first, then letters, digits and hyphens, at most 128 characters.
 */
export function stackNameFor(designId: string): string {
  const hash = createHash('sha256').update(designId).digest('hex').slice(0, 8);
  const readable = designId
    .replace(/\.(json|ya?ml)$/i, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STACK_NAME - 'gatewright--'.length - hash.length)
    .replace(/-+$/, '');
  return readable ? `gatewright-${readable}-${hash}` : `gatewright-${hash}`;
}

/** The tags of a design's stack. */
export function stackTags(designId: string, workspace: string): { Key: string; Value: string }[] {
  // Tag values are at most 256 characters; the end of a long path says more than its start.
  return [
    { Key: DESIGN_TAG, Value: designId.slice(-256) },
    { Key: WORKSPACE_TAG, Value: workspace.slice(-256) },
  ];
}
