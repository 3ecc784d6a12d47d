import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkspaceRef } from './read-ref';

let parent: string;
let root: string;

beforeEach(async () => {
  parent = await realpath(await mkdtemp(join(tmpdir(), 'gatewright-ref-')));
  root = join(parent, 'ws');
  for (const file of [
    'schemas/pet.yaml',
    '.env.yaml',
    '.git/config.json',
    '.gatewright/backups/a/model.yaml',
    'notes.txt',
  ]) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), `text of ${file}`);
  }
  await writeFile(join(parent, 'outside.yaml'), 'outside');
  await symlink(join(parent, 'outside.yaml'), join(root, 'link-out.yaml'));
  await mkdir(join(root, 'folder.yaml'));
});

afterEach(() => rm(parent, { recursive: true, force: true }));

describe('readWorkspaceRef', () => {
  it('reads YAML and JSON files inside the workspace, after resolving "."/".." within it', async () => {
    expect(await readWorkspaceRef(root, 'schemas/pet.yaml')).toBe('text of schemas/pet.yaml');
    expect(await readWorkspaceRef(root, 'x/../schemas/./pet.yaml')).toBe(
      'text of schemas/pet.yaml',
    );
  });

  it.each([
    '.env.yaml',
    '.git/config.json',
    'a/../.gatewright/backups/a/model.yaml',
    'notes.txt',
    '../outside.yaml',
    'schemas/../../outside.yaml',
    `${'/'}etc/hostname.yaml`,
    'link-out.yaml',
    'folder.yaml',
    'file:///etc/passwd.yaml',
    'schemas/pet.yaml\u0000',
    'schemas\\pet.yaml',
  ])('reads nothing for %j', async (path) => {
    expect(await readWorkspaceRef(root, path)).toBeUndefined();
  });
});
