import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importModel } from '@gatewright/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CRASH_IDS, createCrashWorkspace } from './crash-test-workspace';
import { openWorkspace } from './open-workspace';

const SCRIPT = fileURLToPath(new URL('./crash-save-stream.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const ROUNDS = 4;

let root: string;

beforeAll(async () => {
  root = await createCrashWorkspace('gatewright-crash-');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the writer until it has acknowledged `saves` saves, waits `extraMillis`, and kills it. */
async function killMidStream(saves: number, extraMillis: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', TSX, SCRIPT, root, ...CRASH_IDS], {
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
  for (const id of CRASH_IDS) {
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
    for (const id of CRASH_IDS) {
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
