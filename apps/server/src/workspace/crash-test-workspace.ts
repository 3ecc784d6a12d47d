/**
 * The workspace both crash-safety tests save into and kill writers over: three
 * YAML designs (each save appends a comment line naming its number, which JSON
 * has no room for), one of them in a subfolder.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from './open-workspace';

export const CRASH_IDS = ['one.yaml', 'nested/two.yaml', 'three.yml'];

export const CRASH_MODEL = `openapi: 3.0.3
info:
  title: Crash
  version: '1'
paths:
  /x:
    get:
      responses:
        '200': { description: ok }
`;

/** A new temp workspace holding the three designs; the caller removes it. */
export async function createCrashWorkspace(prefix: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const store = await openWorkspace(root);
  for (const id of CRASH_IDS) {
    const created = await store.create({ modelFile: id, modelText: CRASH_MODEL });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
  }
  await store.close();
  return root;
}
