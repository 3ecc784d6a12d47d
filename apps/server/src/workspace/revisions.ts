import { createHash } from 'node:crypto';
import type { Revision } from './design-store';

/**
 * A design's revision: the first 16 hex digits of a SHA-256 over the model's
 * bytes and the design file's bytes (or its absence). Each part is prefixed by
 * its length, so moving bytes from one file to the other is a new revision, and
 * "no design file" differs from an empty one.
 */
export function revisionOf(modelBytes: Uint8Array, designBytes: Uint8Array | undefined): Revision {
  const hash = createHash('sha256');
  hash.update(`model ${modelBytes.byteLength}\n`);
  hash.update(modelBytes);
  hash.update(designBytes === undefined ? 'design none\n' : `design ${designBytes.byteLength}\n`);
  if (designBytes !== undefined) hash.update(designBytes);
  return hash.digest('hex').slice(0, 16);
}
