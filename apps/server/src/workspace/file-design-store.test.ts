import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { designFileFor, loadDesign, serializeDesign, type DesignDocument } from '@gatewright/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT } from './backups';
import type { StoredDesign, StoreResult } from './design-store';
import type { FileDesignStore } from './file-design-store';
import { openWorkspace } from './open-workspace';
import { revisionOf } from './revisions';

const MODEL = `# A tiny API, with a comment that must survive.
openapi: 3.0.3
info:
  title: Tiny
  version: '1'
paths:
  /things:
    get:
      responses:
        '200': { description: ok }
    post:
      responses:
        '201': { description: made }
`;

let root: string;
let store: FileDesignStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gatewright-store-'));
  store = await openWorkspace(root);
});

afterEach(async () => {
  await store.close();
  await rm(root, { recursive: true, force: true });
});

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function created(modelFile = 'tiny.yaml', modelText = MODEL): Promise<StoredDesign> {
  return value(await store.create({ modelFile, modelText }));
}

function withApiName(design: DesignDocument, apiName: string): DesignDocument {
  return { ...design, apiName };
}

/** Every file below the root, with its bytes, to prove that nothing was written. */
async function snapshot(folder = root): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path, (await readFile(path)).toString('base64'));
    }
  }
  return files;
}

describe('create and read', () => {
  it('writes the model as given and a design beside it, and reads both back', async () => {
    const design = await created('apis/tiny.yaml');
    expect(await readFile(join(root, 'apis/tiny.yaml'), 'utf8')).toBe(MODEL);
    const designText = await readFile(join(root, 'apis/tiny.gatewright.json'), 'utf8');
    expect(loadDesign(designText).design?.model).toBe('tiny.yaml');

    const read = value(await store.read('apis/tiny.yaml'));
    expect(read).toMatchObject({
      id: 'apis/tiny.yaml',
      modelFile: 'apis/tiny.yaml',
      designFile: 'apis/tiny.gatewright.json',
      modelText: MODEL,
      designText,
      revision: design.revision,
      diagnostics: [],
    });
    expect(read.revision).toBe(revisionOf(Buffer.from(MODEL), Buffer.from(designText)));
    expect(read.design).toEqual(loadDesign(designText).design);
  });

  it('names the model file in a design given with another name', async () => {
    const first = await created('one.yaml');
    const copy = value(
      await store.create({ modelFile: 'two/copy.yaml', modelText: MODEL, design: first.design! }),
    );
    expect(copy.design).toEqual({ ...first.design, model: 'copy.yaml' });
  });

  it('refuses an id that exists, and a model that is not an API description', async () => {
    await created();
    const again = await store.create({ modelFile: 'tiny.yaml', modelText: MODEL });
    expect(again).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    const notApi = await store.create({ modelFile: 'notes.yaml', modelText: 'shopping: [milk]\n' });
    expect(notApi).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(
      !notApi.ok && notApi.error.code === 'invalid-input' && notApi.error.diagnostics,
    ).not.toEqual([]);
    await expect(readFile(join(root, 'notes.yaml'))).rejects.toThrow();
  });

  it('keeps a model that names itself a description but does not parse, without a design', async () => {
    const text = 'openapi: 3.0.3\ninfo:\n  title: Broken\npaths:\n  /a: [\n';
    const broken = value(await store.create({ modelFile: 'broken/openapi.yaml', modelText: text }));
    expect(await readFile(join(root, 'broken/openapi.yaml'), 'utf8')).toBe(text);
    expect(broken.design).toBeUndefined();
    expect((await store.list()).map((d) => d.id)).toContain('broken/openapi.yaml');
  });

  it('refuses a design that does not load, writing nothing', async () => {
    const before = await snapshot();
    const broken = { formatVersion: 1, model: 'tiny.yaml' } as unknown as DesignDocument;
    const result = await store.create({ modelFile: 'tiny.yaml', modelText: MODEL, design: broken });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await snapshot()).toEqual(before);
  });

  it('reports a missing design as not found', async () => {
    expect(await store.read('nothing.yaml')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('keeps model bytes exactly: comments, CRLF line endings, no final newline, a BOM', async () => {
    const text = '\uFEFF# keep me\r\nopenapi: 3.0.3\r\ninfo: {title: T, version: "1"}\r\npaths: {}';
    const design = await created('crlf.yaml', text);
    expect(await readFile(join(root, 'crlf.yaml'))).toEqual(Buffer.from(text, 'utf8'));
    const updated = value(
      await store.update('crlf.yaml', design.revision, {
        modelText: text,
        design: withApiName(design.design!, 'renamed'),
      }),
    );
    expect(await readFile(join(root, 'crlf.yaml'))).toEqual(Buffer.from(text, 'utf8'));
    expect(updated.modelText).toBe(text);
  });

  it('keeps bytes that are not UTF-8 when the client sends the decoded text back unchanged', async () => {
    const bytes = Buffer.concat([
      Buffer.from('openapi: 3.0.3\n# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\ninfo: {title: T, version: "1"}\npaths: {}\n'),
    ]);
    await writeFile(join(root, 'latin1.yaml'), bytes);
    const read = value(await store.read('latin1.yaml'));
    const updated = value(
      await store.update('latin1.yaml', read.revision, { modelText: read.modelText }),
    );
    expect(updated.revision).toBe(read.revision);
    expect(await readFile(join(root, 'latin1.yaml'))).toEqual(bytes);
  });
});

describe('list', () => {
  it('lists each design with its name and operation counts, skipping what is not a design', async () => {
    const tiny = await created('b/tiny.yaml');
    const wired: DesignDocument = {
      ...withApiName(tiny.design!, 'wired'),
      operations: {
        'GET /things': {
          integration: { kind: 'mock', response: { source: 'custom', statusCode: 200 } },
        },
      },
    };
    value(await store.update('b/tiny.yaml', tiny.revision, { design: wired }));
    await created(
      'a.json',
      JSON.stringify({ openapi: '3.0.3', info: { title: 'A', version: '1' }, paths: {} }),
    );
    await writeFile(join(root, 'config.yaml'), 'not: an api\n');
    await mkdir(join(root, 'node_modules/pkg'), { recursive: true });
    await writeFile(join(root, 'node_modules/pkg/openapi.yaml'), MODEL);
    await mkdir(join(root, '.hidden'), { recursive: true });
    await writeFile(join(root, '.hidden/openapi.yaml'), MODEL);
    await writeFile(join(root, 'bare.yaml'), MODEL);

    const list = await store.list();
    expect(list.map((d) => d.id)).toEqual(['a.json', 'b/tiny.yaml', 'bare.yaml']);
    const [a, b, bare] = list;
    expect(a).toMatchObject({ name: 'A', operationCount: 0, integratedCount: 0 });
    expect(bare).toMatchObject({ name: 'Tiny', operationCount: 2, integratedCount: 0 });
    expect(b).toMatchObject({ name: 'wired', operationCount: 2, integratedCount: 1 });
    expect(b!.revision).toBe(value(await store.read('b/tiny.yaml')).revision);
  });

  it('lists a model whose text broke, when its design file is beside it', async () => {
    await created();
    await writeFile(join(root, 'tiny.yaml'), 'openapi: [unclosed\n');
    const [only] = await store.list();
    expect(only).toMatchObject({ id: 'tiny.yaml', name: 'tiny.yaml', operationCount: 0 });
  });
});

describe('models that share a design file', () => {
  // api.yaml and api.json both take api.gatewright.json: a write to either would overwrite the other's design.
  async function siblings(): Promise<StoredDesign> {
    const yaml = await created('d/api.yaml');
    await writeFile(
      join(root, 'd/api.json'),
      JSON.stringify({ openapi: '3.0.3', info: { title: 'J', version: '1' }, paths: {} }),
    );
    return yaml;
  }

  it('reports both on read and list, naming the other file and how to resolve it', async () => {
    await siblings();
    const read = value(await store.read('d/api.yaml'));
    const shared = read.diagnostics.find((d) => d.code === 'workspace.shared-design-file');
    expect(shared?.message).toContain('d/api.json');
    expect(shared?.message).toMatch(/rename one/);
    const list = await store.list();
    expect(list.map((d) => [d.id, d.findings?.map((f) => f.code)])).toEqual([
      ['d/api.json', ['workspace.shared-design-file']],
      ['d/api.yaml', ['workspace.shared-design-file']],
    ]);
  });

  it('refuses updates, renames and removes of either, writing nothing', async () => {
    const yaml = await siblings();
    const json = value(await store.read('d/api.json'));
    const before = await snapshot();
    for (const [id, revision] of [
      ['d/api.yaml', yaml.revision],
      ['d/api.json', json.revision],
    ] as const) {
      for (const result of [
        await store.update(id, revision, {
          design: { ...withApiName(yaml.design!, 'x'), model: id.slice(2) },
        }),
        await store.rename(id, revision, 'd/other.yaml'),
        await store.remove(id, revision),
      ]) {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('unusable-files');
          expect(result.error.message).toContain('d/api.yaml');
          expect(result.error.message).toContain('d/api.json');
        }
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to create a model beside one whose design file it would take', async () => {
    await writeFile(
      join(root, 'api.json'),
      JSON.stringify({ openapi: '3.0.3', info: { title: 'J', version: '1' }, paths: {} }),
    );
    const result = await store.create({ modelFile: 'api.yaml', modelText: MODEL });
    expect(result.ok || result.error.code).toBe('unusable-files');
  });

  it('refuses a rename onto a name whose design file a model beside it would share', async () => {
    const tiny = await created('d/tiny.yaml');
    await writeFile(join(root, 'd/api.yml'), MODEL);
    const result = await store.rename('d/tiny.yaml', tiny.revision, 'd/api.yaml');
    expect(result.ok || result.error.code).toBe('unusable-files');
    expect(value(await store.read('d/tiny.yaml')).revision).toBe(tiny.revision);
  });

  it('works again once one is renamed outside the app', async () => {
    const yaml = await siblings();
    const { rename: move } = await import('node:fs/promises');
    await move(join(root, 'd/api.json'), join(root, 'd/api-2.json'));
    value(
      await store.update('d/api.yaml', yaml.revision, { design: withApiName(yaml.design!, 'y') }),
    );
  });

  it('refuses a write over a design file that names another model', async () => {
    const tiny = await created('tiny.yaml');
    const foreign = serializeDesign({ ...tiny.design!, model: 'other.yaml' });
    await writeFile(join(root, 'tiny.gatewright.json'), foreign);
    const current = value(await store.read('tiny.yaml'));
    const result = await store.update('tiny.yaml', current.revision, {
      modelText: MODEL + '# x\n',
    });
    expect(result.ok || result.error.code).toBe('unusable-files');
    expect(await readFile(join(root, 'tiny.gatewright.json'), 'utf8')).toBe(foreign);
    const sent = await store.update('tiny.yaml', current.revision, {
      design: { ...tiny.design!, model: 'other.yaml' },
    });
    expect(sent.ok || sent.error.code).toBe('invalid-input');
  });
});

describe('entries that are not plain files', () => {
  it('lists every design when one design file is a folder, with a finding for that one', async () => {
    await created('a.yaml');
    await mkdir(join(root, 'd2/x.gatewright.json'), { recursive: true });
    await writeFile(join(root, 'd2/x.yaml'), MODEL);
    const list = await store.list();
    expect(list.map((d) => d.id)).toEqual(['a.yaml', 'd2/x.yaml']);
    expect(list[1]!.findings?.map((f) => f.code)).toEqual(['workspace.design-file-unreadable']);
    const read = value(await store.read('d2/x.yaml'));
    expect(read.diagnostics.map((d) => d.code)).toEqual(['workspace.design-file-unreadable']);
    const written = await store.update('d2/x.yaml', read.revision, { modelText: MODEL + '# x\n' });
    expect(written.ok || written.error.code).toBe('unusable-files');
  });

  it.skipIf(process.getuid?.() === 0)('lists the others when a model cannot be read', async () => {
    await created('a.yaml');
    await writeFile(join(root, 'locked.yaml'), MODEL);
    await chmod(join(root, 'locked.yaml'), 0o000);
    const list = await store.list();
    expect(list.map((d) => [d.id, d.findings?.[0]?.code])).toEqual([
      ['a.yaml', undefined],
      ['locked.yaml', 'model.unreadable'],
    ]);
  });
});

describe('update', () => {
  it('writes the changes, returns the new revision, and keeps the previous one as a backup', async () => {
    const first = await created();
    const next = value(
      await store.update('tiny.yaml', first.revision, {
        modelText: MODEL + '# edited\n',
        design: withApiName(first.design!, 'edited'),
      }),
    );
    expect(next.revision).not.toBe(first.revision);
    expect(next.modelText).toBe(MODEL + '# edited\n');
    expect(next.design?.apiName).toBe('edited');
    expect(value(await store.read('tiny.yaml')).revision).toBe(next.revision);

    const [backup, ...older] = value(await store.backups('tiny.yaml'));
    expect(older).toEqual([]);
    expect(backup!.revision).toBe(first.revision);
    expect(await readFile(backup!.modelPath, 'utf8')).toBe(first.modelText);
    expect(await readFile(backup!.designPath!, 'utf8')).toBe(first.designText);
  });

  it('answers a stale revision with a conflict carrying the current one, and writes nothing', async () => {
    const first = await created();
    const second = value(
      await store.update('tiny.yaml', first.revision, {
        design: withApiName(first.design!, 'two'),
      }),
    );
    const before = await snapshot();
    const stale = await store.update('tiny.yaml', first.revision, {
      modelText: 'openapi: 3.0.3\n',
      design: withApiName(first.design!, 'three'),
    });
    expect(stale).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'revision-conflict',
        currentRevision: second.revision,
      }),
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of two concurrent writers win; both revisions stay recoverable', async () => {
    const base = await created();
    const mine = withApiName(base.design!, 'mine');
    const theirs = withApiName(base.design!, 'theirs');
    const results = await Promise.all([
      store.update('tiny.yaml', base.revision, { design: mine, modelText: MODEL + '# mine\n' }),
      store.update('tiny.yaml', base.revision, { design: theirs, modelText: MODEL + '# theirs\n' }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = value(winners[0]!);
    expect(losers[0]).toMatchObject({
      ok: false,
      error: { code: 'revision-conflict', currentRevision: winner.revision },
    });

    // The winner is on disk, the revision it replaced is in the backups, and the
    // loser still holds its changes, to resend on top of the winner's revision.
    expect(value(await store.read('tiny.yaml')).revision).toBe(winner.revision);
    expect(value(await store.backups('tiny.yaml')).map((b) => b.revision)).toEqual([base.revision]);
    const loserDesign = winner.design!.apiName === 'mine' ? theirs : mine;
    const resent = value(await store.update('tiny.yaml', winner.revision, { design: loserDesign }));
    expect(resent.design?.apiName).toBe(loserDesign.apiName);
    expect(value(await store.backups('tiny.yaml')).map((b) => b.revision)).toEqual([
      winner.revision,
      base.revision,
    ]);
  });

  it.each([
    ['the model alone', { modelText: MODEL + '# mine\n' }],
    ['both files', { modelText: MODEL + '# mine\n', design: undefined }],
  ] as const)(
    'does not overwrite an outside edit made while it saves %s, and leaves no temp files',
    async (_, changes) => {
      const tiny = await created();
      await store.close();
      // The backup's clock is read after the revision check and before the files are replaced: an edit there lands mid-save.
      let edit = false;
      const edited = MODEL + '# theirs\n';
      store = await openWorkspace(root, {
        now: () => {
          if (edit) writeFileSync(join(root, 'tiny.yaml'), edited);
          return new Date();
        },
      });
      edit = true;
      const result = await store.update('tiny.yaml', tiny.revision, {
        ...changes,
        ...('design' in changes ? { design: withApiName(tiny.design!, 'mine') } : {}),
      });
      expect(result.ok || result.error.code).toBe('revision-conflict');
      expect(await readFile(join(root, 'tiny.yaml'), 'utf8')).toBe(edited);
      expect((await readdir(root)).filter((name) => name.endsWith('-tmp'))).toEqual([]);
    },
  );

  it('changes neither revision nor files when nothing changed', async () => {
    const first = await created();
    const before = await snapshot();
    const same = value(
      await store.update('tiny.yaml', first.revision, {
        modelText: first.modelText,
        design: first.design!,
      }),
    );
    expect(same.revision).toBe(first.revision);
    expect(await snapshot()).toEqual(before);
  });

  it(`keeps the last ${BACKUPS_KEPT} revisions`, async () => {
    let current = await created();
    const revisions = [current.revision];
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      current = value(
        await store.update('tiny.yaml', current.revision, {
          design: withApiName(current.design!, `v${i}`),
        }),
      );
      revisions.push(current.revision);
    }
    const kept = value(await store.backups('tiny.yaml')).map((b) => b.revision);
    expect(kept).toEqual(revisions.slice(0, -1).reverse().slice(0, BACKUPS_KEPT));
  });

  it('refuses a design that does not load, or is not an object, writing nothing', async () => {
    const first = await created();
    const before = await snapshot();
    const broken = [
      { ...first.design!, stage: { name: 42 } },
      { formatVersion: 1 },
      null,
      [],
      'design',
    ] as unknown as DesignDocument[];
    for (const design of broken) {
      const result = await store.update('tiny.yaml', first.revision, { design });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('restoring a backup', () => {
  it('restores a revision that had no design file by removing the current one, in one step', async () => {
    await writeFile(join(root, 'bare.yaml'), MODEL);
    const bare = value(await store.read('bare.yaml'));
    const withDesign = await created('other.yaml');
    const saved = value(
      await store.update('bare.yaml', bare.revision, {
        design: { ...withDesign.design!, model: 'bare.yaml' },
      }),
    );
    const restored = value(await store.restoreBackup('bare.yaml', saved.revision, bare.revision));
    expect(restored.revision).toBe(bare.revision);
    expect(restored.designText).toBeUndefined();
    await expect(lstat(join(root, 'bare.gatewright.json'))).rejects.toThrow();
    expect(value(await store.listBackups('bare.yaml'))[0]!.revision).toBe(saved.revision);
  });
});

describe('rename', () => {
  it('moves both files, points the design at the new model name, and keeps the content', async () => {
    const first = await created('tiny.yaml');
    const moved = value(await store.rename('tiny.yaml', first.revision, 'apis/small.yaml'));
    expect(moved).toMatchObject({ id: 'apis/small.yaml', modelText: MODEL });
    expect(moved.design?.model).toBe('small.yaml');
    expect(await store.read('tiny.yaml')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    await expect(readFile(join(root, designFileFor('tiny.yaml')))).rejects.toThrow();
    expect(value(await store.read('apis/small.yaml')).revision).toBe(moved.revision);
  });

  it('refuses a taken name and a stale revision, writing nothing', async () => {
    const one = await created('one.yaml');
    await created('two.yaml');
    const before = await snapshot();
    expect(await store.rename('one.yaml', one.revision, 'two.yaml')).toMatchObject({
      ok: false,
      error: { code: 'already-exists' },
    });
    expect(await store.rename('one.yaml', 'stale', 'three.yaml')).toMatchObject({
      ok: false,
      error: { code: 'revision-conflict', currentRevision: one.revision },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('trash', () => {
  it('removes to the trash, lists it, and restores it as it was', async () => {
    const first = await created('apis/tiny.yaml');
    const entry = value(await store.remove('apis/tiny.yaml', first.revision));
    expect(entry).toMatchObject({ id: 'apis/tiny.yaml', name: 'Tiny' });
    expect(await store.list()).toEqual([]);
    expect(await store.listTrash()).toEqual([entry]);

    const restored = value(await store.restore(entry.trashId));
    expect(restored).toMatchObject({
      id: 'apis/tiny.yaml',
      revision: first.revision,
      modelText: MODEL,
    });
    expect(await store.listTrash()).toEqual([]);
  });

  it('refuses a stale remove, a restore over a new design with the same id, and unknown trash ids', async () => {
    const first = await created();
    expect(await store.remove('tiny.yaml', 'stale')).toMatchObject({
      ok: false,
      error: { code: 'revision-conflict' },
    });
    const entry = value(await store.remove('tiny.yaml', first.revision));
    await created();
    expect(await store.restore(entry.trashId)).toMatchObject({
      ok: false,
      error: { code: 'already-exists' },
    });
    expect(await store.listTrash()).toEqual([entry]);
    for (const trashId of ['nope', '../tiny.yaml', ''])
      expect(await store.restore(trashId)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
  });
});

describe('ids that leave the workspace', () => {
  const attempts = [
    '../x.yaml',
    'a/../../x.yaml',
    '/etc/passwd',
    'C:/x.yaml',
    'a\\b.yaml',
    'a\u0000.yaml',
    'a\n.yaml',
    `${'a'.repeat(256)}.yaml`,
    `${'a/'.repeat(520)}x.yaml`,
    '',
    'x.txt',
    'x.gatewright.json',
    '.git/x.yaml',
    'a//b.yaml',
  ];

  it.each(attempts)('refuses %j everywhere an id is taken', async (id) => {
    const real = await created();
    const before = await snapshot();
    const refused = { ok: false, error: { code: 'invalid-id' } };
    expect(await store.read(id)).toMatchObject(refused);
    expect(await store.create({ modelFile: id, modelText: MODEL })).toMatchObject(refused);
    expect(await store.update(id, 'r', { modelText: MODEL })).toMatchObject(refused);
    expect(await store.rename('tiny.yaml', real.revision, id)).toMatchObject(refused);
    expect(await store.remove(id, 'r')).toMatchObject(refused);
    expect(await snapshot()).toEqual(before);
  });

  it('saves through a symlink inside the workspace into the file it points at, keeping its mode', async () => {
    await mkdir(join(root, 'specs'));
    await writeFile(join(root, 'specs/real.yaml'), MODEL, { mode: 0o600 });
    await chmod(join(root, 'specs/real.yaml'), 0o600);
    await symlink('specs/real.yaml', join(root, 'api.yaml'));
    const read = value(await store.read('api.yaml'));
    value(await store.update('api.yaml', read.revision, { modelText: MODEL + '# saved\n' }));
    expect((await lstat(join(root, 'api.yaml'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(root, 'specs/real.yaml'), 'utf8')).toBe(MODEL + '# saved\n');
    expect((await stat(join(root, 'specs/real.yaml'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a path through a file as if it were a folder', async () => {
    const real = await created();
    const refused = { ok: false, error: { code: 'invalid-id' } };
    expect(await store.read('tiny.yaml/x.yaml')).toMatchObject(refused);
    expect(await store.create({ modelFile: 'tiny.yaml/x.yaml', modelText: MODEL })).toMatchObject(
      refused,
    );
    expect(await store.rename('tiny.yaml', real.revision, 'tiny.yaml/x.yaml')).toMatchObject(
      refused,
    );
  });

  it('refuses symlinks leading out of the workspace, for reading and for writing', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'gatewright-outside-'));
    try {
      await writeFile(join(outside, 'secret.yaml'), MODEL);
      await symlink(join(outside, 'secret.yaml'), join(root, 'link.yaml'));
      await symlink(outside, join(root, 'out'));
      const refused = { ok: false, error: { code: 'invalid-id' } };
      expect(await store.read('link.yaml')).toMatchObject(refused);
      expect(await store.read('out/secret.yaml')).toMatchObject(refused);
      expect(await store.create({ modelFile: 'out/new.yaml', modelText: MODEL })).toMatchObject(
        refused,
      );
      const real = await created();
      expect(await store.rename('tiny.yaml', real.revision, 'out/moved.yaml')).toMatchObject(
        refused,
      );
      expect(await readdir(outside)).toEqual(['secret.yaml']);
      expect((await store.list()).map((d) => d.id)).toEqual(['tiny.yaml']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('changes made outside the app', () => {
  it('reads the files as they are now', async () => {
    const first = await created();
    await writeFile(join(root, 'tiny.yaml'), MODEL + '# from an editor\n');
    const read = value(await store.read('tiny.yaml'));
    expect(read.modelText).toBe(MODEL + '# from an editor\n');
    expect(read.revision).not.toBe(first.revision);
    expect(await store.update('tiny.yaml', first.revision, { modelText: MODEL })).toMatchObject({
      ok: false,
      error: { code: 'revision-conflict', currentRevision: read.revision },
    });
  });

  it.each(['events', 'poll'] as const)(
    'reports changes by an editor and by the store itself (%s)',
    async (watchMode) => {
      await store.close();
      store = await openWorkspace(root, { watchMode });
      const first = await created();
      const events: { id: string; revision: string | null }[] = [];
      const stop = store.watch((event) => events.push(event));
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
        expect(check()).toBe(true);
      };
      // Let the watcher settle (and the poller take its first look) before changing anything.
      await new Promise((r) => setTimeout(r, watchMode === 'poll' ? 700 : 200));

      const designPath = join(root, 'tiny.gatewright.json');
      const edited = serializeDesign(withApiName(first.design!, 'edited outside'));
      await writeFile(designPath, edited);
      const outside = revisionOf(Buffer.from(MODEL), Buffer.from(edited));
      await until(() => events.some((e) => e.revision === outside));
      expect(events.every((e) => e.id === 'tiny.yaml')).toBe(true);

      const saved = value(
        await store.update('tiny.yaml', outside, { modelText: MODEL + '# saved\n' }),
      );
      await until(() => events.some((e) => e.revision === saved.revision));

      await rm(join(root, 'tiny.yaml'));
      await until(() => events.some((e) => e.revision === null));
      stop();
    },
  );

  it.each(['events', 'poll'] as const)(
    'notices designs in folders made after watching started (%s)',
    async (watchMode) => {
      await store.close();
      store = await openWorkspace(root, { watchMode });
      const events: { id: string; revision: string | null }[] = [];
      const stop = store.watch((event) => events.push(event));
      await new Promise((r) => setTimeout(r, watchMode === 'poll' ? 700 : 200));
      // Reported means: an event carries the revision the store reads now.
      const reported = async (id: string) => {
        for (let i = 0; i < 100; i++) {
          const now = await store.read(id);
          if (now.ok && events.some((e) => e.id === id && e.revision === now.value.revision))
            return true;
          await new Promise((r) => setTimeout(r, 50));
        }
        return false;
      };
      await mkdir(join(root, 'new/deep'), { recursive: true });
      await writeFile(join(root, 'new/deep/api.yaml'), MODEL);
      expect(await reported('new/deep/api.yaml')).toBe(true);
      const count = events.length;
      await writeFile(join(root, 'new/deep/api.yaml'), MODEL + '# edited\n');
      expect(await reported('new/deep/api.yaml')).toBe(true);
      expect(events.length).toBeGreaterThan(count);
      stop();
    },
  );
});
