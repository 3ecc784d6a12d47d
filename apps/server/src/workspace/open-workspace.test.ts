import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkspaceRoot, openWorkspace, sampleFolder } from './open-workspace';
import { WorkspaceBusyError } from './workspace-lock';

describe('defaultWorkspaceRoot', () => {
  it('follows each platform’s place for user data', () => {
    expect(defaultWorkspaceRoot('linux', {}, '/home/ada')).toBe(
      '/home/ada/.local/share/gatewright/workspace',
    );
    expect(defaultWorkspaceRoot('linux', { XDG_DATA_HOME: '/data/ada' }, '/home/ada')).toBe(
      '/data/ada/gatewright/workspace',
    );
    // A relative XDG_DATA_HOME is invalid by the spec, and ignored.
    expect(defaultWorkspaceRoot('freebsd', { XDG_DATA_HOME: 'data' }, '/home/ada')).toBe(
      '/home/ada/.local/share/gatewright/workspace',
    );
    expect(defaultWorkspaceRoot('darwin', { XDG_DATA_HOME: '/x' }, '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/gatewright/workspace',
    );
    expect(
      defaultWorkspaceRoot(
        'win32',
        { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        'C:\\Users\\ada',
      ),
    ).toBe('C:\\Users\\ada\\AppData\\Roaming\\gatewright\\workspace');
    expect(defaultWorkspaceRoot('win32', {}, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\gatewright\\workspace',
    );
  });
});

describe('openWorkspace', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'gatewright-open-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('creates a missing folder and seeds it with the sample when asked', async () => {
    const store = await openWorkspace(join(parent, 'new/workspace'), { seedSample: true });
    const [sample, ...others] = await store.list();
    expect(others).toEqual([]);
    expect(sample).toMatchObject({ id: 'petstore/openapi.yaml', operationCount: 5 });
    const read = await store.read('petstore/openapi.yaml');
    expect(read.ok && read.value.modelText).toBe(
      await readFile(join(sampleFolder(), 'openapi.yaml'), 'utf8'),
    );
    expect(read.ok && read.value.diagnostics).toEqual([]);
    await store.close();
  });

  it('seeds neither a folder that holds anything nor one it was not asked to', async () => {
    await writeFile(join(parent, 'notes.txt'), 'mine\n');
    const seeded = await openWorkspace(parent, { seedSample: true });
    expect(await seeded.list()).toEqual([]);
    const empty = await openWorkspace(join(parent, 'empty'));
    expect(await empty.list()).toEqual([]);
    expect((await readdir(parent)).filter((name) => name !== '.gatewright')).toEqual([
      'empty',
      'notes.txt',
    ]);
  });

  it('works from the real path of a folder reached through a symlink', async () => {
    await mkdir(join(parent, 'real'));
    await symlink(join(parent, 'real'), join(parent, 'link'));
    const store = await openWorkspace(join(parent, 'link'), { seedSample: true });
    expect(store.root).toBe(await realpath(join(parent, 'real')));
    expect((await store.list()).map((d) => d.id)).toEqual(['petstore/openapi.yaml']);
    await store.close();
  });

  it('removes temp files a crashed save left, and nothing else', async () => {
    await mkdir(join(parent, 'api'));
    const temp = join(parent, 'api/.openapi.yaml.0123456789ab.gatewright-tmp');
    await writeFile(temp, 'half a save');
    await writeFile(join(parent, 'api/.hidden.yaml'), 'mine\n');
    await writeFile(join(parent, 'api/x.gatewright-tmp'), 'mine too\n');
    await openWorkspace(parent);
    expect((await readdir(join(parent, 'api'))).sort()).toEqual([
      '.hidden.yaml',
      'x.gatewright-tmp',
    ]);
  });

  it('refuses a workspace another running process has open, and takes over a dead one’s', async () => {
    const lock = join(parent, '.gatewright/lock');
    await mkdir(join(parent, '.gatewright'));
    // The process that started this test runner is alive and is not this process.
    await writeFile(lock, JSON.stringify({ pid: process.ppid }));
    await expect(openWorkspace(parent)).rejects.toBeInstanceOf(WorkspaceBusyError);

    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(lock, JSON.stringify({ pid: child.pid }));
    const store = await openWorkspace(parent);
    expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
    await expect(readFile(lock)).rejects.toThrow();
  });
});
