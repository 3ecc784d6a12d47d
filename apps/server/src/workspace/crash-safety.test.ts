import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importModel } from '@gatewright/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openWorkspace } from './open-workspace';

const SCRIPT = fileURLToPath(new URL('./crash-save-stream.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
// YAML models: the writer appends comment lines, which JSON has no room for.
const IDS = ['one.yaml', 'nested/two.yaml', 'three.yml'];
const MODEL = `openapi: 3.0.3
info:
  title: Crash
  version: '1'
paths:
  /x:
    get:
      responses:
        '200': { description: ok }
`;
const ROUNDS = 4;

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gatewright-crash-'));
  const store = await openWorkspace(root);
  for (const id of IDS) {
    const created = await store.create({ modelFile: id, modelText: MODEL });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
  }
  await store.close();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the writer until it has acknowledged `saves` saves, waits `extraMillis`, and kills it. */
async function killMidStream(saves: number, extraMillis: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', TSX, SCRIPT, root, ...IDS], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const complete = text.split('\n');
      partial = complete.pop()!;
      lines.push(...complete);
      if (lines.filter((l) => l.startsWith('saved ')).length >= saves) {
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, extraMillis);
      }
    });
    void exited.then((code) =>
      reject(new Error(`the writer exited by itself (${code}): ${stderr}`)),
    );
  });
  await exited;
  return lines;
}

it('leaves every design at its last acknowledged save, or whole at the one in flight, after SIGKILL', async () => {
  const initial = new Map<string, string>();
  const before = await openWorkspace(root);
  for (const id of IDS) {
    const read = await before.read(id);
    if (read.ok) initial.set(id, read.value.revision);
  }
  await before.close();

  for (let round = 0; round < ROUNDS; round++) {
    const lines = await killMidStream(3 + Math.floor(Math.random() * 25), Math.random() * 12);

    // Per design: the last acknowledged revision, and the one being written when the kill came.
    const acknowledged = new Map(initial);
    const inFlight = new Map<string, string>();
    for (const line of lines) {
      const [verb, id, revision] = line.split(' ');
      if (verb === 'saving') inFlight.set(id!, revision!);
      if (verb === 'saved') {
        acknowledged.set(id!, revision!);
        inFlight.delete(id!);
      }
    }

    const store = await openWorkspace(root);
    for (const id of IDS) {
      const read = await store.read(id);
      expect(read.ok, `${id} is readable`).toBe(true);
      if (!read.ok) continue;
      const { revision, design, diagnostics, modelText } = read.value;
      expect([acknowledged.get(id), inFlight.get(id)]).toContain(revision);
      expect(diagnostics).toEqual([]);
      expect((await importModel(modelText, { file: id })).model).toBeDefined();
      // Both files come from the same save: never the model of one and the design of another.
      const saveNumber = /# save (\d+)\n/.exec(modelText)?.[1];
      expect(design?.apiName).toBe(saveNumber === undefined ? undefined : `save-${saveNumber}`);
      initial.set(id, revision);
    }
    // Opening finished every journal and removed every temp file.
    const leftovers = (await readdir(root, { recursive: true })).filter(
      (name) => name.endsWith('.gatewright-tmp') || name.startsWith('.gatewright/journal/'),
    );
    expect(leftovers).toEqual([]);
    await store.close();
  }
}, 30_000);
