import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDesign, type DesignDocument } from '@gatewright/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredDesign, StoreResult } from './design-store';
import { openWorkspace } from './open-workspace';
import { revisionOf } from './revisions';

// Every rename in the store goes through here: a crash is simulated by making
// the rename after the first `renamesLeft` fail, and the process "restarts" by
// opening the workspace again.
const faults = vi.hoisted(() => ({ renamesLeft: Infinity }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (faults.renamesLeft <= 0)
        throw Object.assign(new Error('simulated crash'), { code: 'EIO' });
      faults.renamesLeft--;
      return real.rename(from, to);
    },
  };
});

const MODEL = `openapi: 3.0.3
info: { title: Journal, version: '1' }
paths:
  /a:
    get:
      responses: { '200': { description: ok } }
`;

let root: string;

beforeEach(async () => {
  faults.renamesLeft = Infinity;
  root = await mkdtemp(join(tmpdir(), 'gatewright-journal-'));
});

afterEach(async () => {
  faults.renamesLeft = Infinity;
  await rm(root, { recursive: true, force: true });
});

function value<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** How many renames an operation makes when nothing fails. */
async function renamesOf(operation: () => Promise<unknown>): Promise<number> {
  faults.renamesLeft = 1_000;
  await operation();
  const count = 1_000 - faults.renamesLeft;
  faults.renamesLeft = Infinity;
  return count;
}

/** Runs `operation` with a crash before rename number `k`; resolves whether or not it threw. */
async function crashAt(k: number, operation: () => Promise<unknown>): Promise<void> {
  faults.renamesLeft = k;
  await operation().catch(() => undefined);
  faults.renamesLeft = Infinity;
}

async function leftovers(): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter(
    (name) => name.endsWith('.gatewright-tmp') || name.startsWith('.gatewright/journal/'),
  );
}

async function seeded(id = 'api.yaml'): Promise<StoredDesign> {
  const store = await openWorkspace(root);
  const design = value(await store.create({ modelFile: id, modelText: MODEL }));
  await store.close();
  return design;
}

describe('a crash at any rename of a save', () => {
  it('leaves the old pair or the new pair, and reopening finishes a committed save', async () => {
    const first = await seeded();
    const newModel = MODEL + '# saved\n';
    const newDesign: DesignDocument = { ...first.design!, apiName: 'saved' };
    const newRevision = revisionOf(Buffer.from(newModel), Buffer.from(serializeDesign(newDesign)));
    const save = async () => {
      const store = await openWorkspace(root);
      const current = value(await store.read('api.yaml'));
      await store
        .update('api.yaml', current.revision, { modelText: newModel, design: newDesign })
        .finally(() => store.close());
    };
    const renames = await renamesOf(save);
    // Backup files, the journal, then the two moves: more than one rename, or the test proves nothing.
    expect(renames).toBeGreaterThan(3);
    const outcomes = new Set<string>();

    for (let k = 0; k < renames; k++) {
      await rm(root, { recursive: true, force: true });
      await seeded();
      await crashAt(k, save);
      const store = await openWorkspace(root);
      const read = value(await store.read('api.yaml'));
      await store.close();
      expect([first.revision, newRevision], `crash before rename ${k}`).toContain(read.revision);
      // The last two renames come after the journal's: by then the save is committed.
      if (k >= renames - 2) expect(read.revision, `crash before rename ${k}`).toBe(newRevision);
      expect(await leftovers()).toEqual([]);
      outcomes.add(read.revision);
    }
    expect(outcomes).toEqual(new Set([first.revision, newRevision]));
  });
});

describe('a crash at any rename of a rename', () => {
  it('leaves the design whole under the old id or the new one', async () => {
    const first = await seeded();
    const rename = async () => {
      const store = await openWorkspace(root);
      await store.rename('api.yaml', first.revision, 'moved/api.yaml').finally(() => store.close());
    };
    const renames = await renamesOf(rename);
    for (let k = 0; k < renames; k++) {
      await rm(root, { recursive: true, force: true });
      await seeded();
      await crashAt(k, rename);
      const store = await openWorkspace(root);
      const [old, moved] = [await store.read('api.yaml'), await store.read('moved/api.yaml')];
      await store.close();
      expect(
        old.ok !== moved.ok,
        `exactly one of the two ids after a crash before rename ${k}`,
      ).toBe(true);
      const design = value(old.ok ? old : moved);
      expect(design.modelText).toBe(MODEL);
      expect(design.design?.model).toBe('api.yaml');
      expect(design.diagnostics).toEqual([]);
      expect(await leftovers()).toEqual([]);
    }
  });
});

describe('a crash at any rename of a removal', () => {
  it('leaves the design in place or whole in the trash, where it restores from', async () => {
    const first = await seeded();
    const remove = async () => {
      const store = await openWorkspace(root);
      await store.remove('api.yaml', first.revision).finally(() => store.close());
    };
    const renames = await renamesOf(remove);
    for (let k = 0; k < renames; k++) {
      await rm(root, { recursive: true, force: true });
      await seeded();
      await crashAt(k, remove);
      const store = await openWorkspace(root);
      const read = await store.read('api.yaml');
      const trash = await store.listTrash();
      if (read.ok) {
        expect(read.value.revision).toBe(first.revision);
        expect(trash).toEqual([]);
      } else {
        expect(trash).toHaveLength(1);
        expect(value(await store.restore(trash[0]!.trashId)).revision).toBe(first.revision);
      }
      await store.close();
      expect(await leftovers()).toEqual([]);
      // A half-made entry was pruned on opening, a restored one deleted: the trash folder is empty.
      expect(await readdir(join(root, '.gatewright/trash')).catch(() => [])).toEqual([]);
    }
  });
});
