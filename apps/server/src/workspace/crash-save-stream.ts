/**
 * The crash-safety test's writer, run as a child process and killed with
 * SIGKILL mid-stream: saves the designs named on the command line in turns,
 * forever, each save changing both files. Before a save it prints
 * `saving <id> <revision>` and after `saved <id> <revision>`, with synchronous
 * writes, so whatever the test has read was printed before the kill.
 *
 * Usage: node --import tsx crash-save-stream.ts <workspace> <id>...
 */
import { writeSync } from 'node:fs';
import { serializeDesign } from '@gatewright/core';
import { openWorkspace } from './open-workspace';
import { revisionOf } from './revisions';

/** The model text of save `n`: the given base, a marker naming `n`, and padding that makes each write take a while. */
function savedModel(base: string, n: number): string {
  return `${base}# save ${n}\n${'# padding to widen the window a kill can land in\n'.repeat(2000 + (n % 7) * 300)}`;
}

async function main(root: string, ids: string[]): Promise<void> {
  const store = await openWorkspace(root);
  const designs = [];
  for (const id of ids) {
    const read = await store.read(id);
    if (!read.ok || !read.value.design)
      throw new Error(`cannot read ${id}: ${JSON.stringify(read)}`);
    designs.push({
      id,
      base: read.value.modelText.split('# save ')[0]!,
      design: read.value.design,
      revision: read.value.revision,
    });
  }
  for (let n = 0; ; n++) {
    const current = designs[n % designs.length]!;
    const modelText = savedModel(current.base, n);
    const design = { ...current.design, apiName: `save-${n}` };
    const expected = revisionOf(Buffer.from(modelText), Buffer.from(serializeDesign(design)));
    writeSync(1, `saving ${current.id} ${expected}\n`);
    const saved = await store.update(current.id, current.revision, { modelText, design });
    if (!saved.ok)
      throw new Error(`save ${n} of ${current.id} failed: ${JSON.stringify(saved.error)}`);
    current.revision = saved.value.revision;
    writeSync(1, `saved ${current.id} ${saved.value.revision}\n`);
  }
}

const [root, ...ids] = process.argv.slice(2);
if (!root || ids.length === 0) throw new Error('usage: crash-save-stream.ts <workspace> <id>...');
await main(root, ids);
