import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importModel, type DesignDocument } from '@gatewright/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CRASH_IDS, CRASH_MODEL, createCrashWorkspace } from '../workspace/crash-test-workspace';
import { TOKEN_HEADER } from '../middleware/mutation-guard';
import { openWorkspace } from '../workspace/open-workspace';

const BIN = fileURLToPath(new URL('../../bin/gatewright.js', import.meta.url));
const ROUNDS = 3;

let root: string;

beforeAll(async () => {
  root = await createCrashWorkspace('gatewright-server-crash-');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What the client saw: per design, the revision of its last 200, and the number of the save sent after it, if any. */
interface Seen {
  acknowledged: Map<string, string>;
  inFlight: Map<string, string>;
}

/**
 * Starts `gatewright <root>`, streams saves to every design at once (each with
 * If-Match on its last ETag), and SIGKILLs the server once `saves` have been
 * acknowledged plus `extraMillis`.
 */
async function killServerMidStream(saves: number, extraMillis: number): Promise<Seen> {
  const child = spawn(process.execPath, [BIN, root, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const printed = /Open (http:\/\/[^/\s]+)/.exec(output)?.[1];
      if (printed) resolve(printed);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then(() => reject(new Error(`the server exited by itself: ${output}`)));
  });
  const page = await (await fetch(origin + '/')).text();
  const token = /<meta name="gatewright-token" content="([^"]+)">/.exec(page)![1]!;
  const url = (id: string) => `${origin}/api/designs/${encodeURIComponent(id)}`;

  const seen: Seen = { acknowledged: new Map(), inFlight: new Map() };
  let acknowledged = 0;
  let killed = false;
  const kill = () => {
    killed = true;
    child.kill('SIGKILL');
  };
  const stream = async (id: string) => {
    const read = (await (await fetch(url(id))).json()) as {
      revision: string;
      modelText: string;
      design: DesignDocument;
    };
    let revision = read.revision;
    seen.acknowledged.set(id, revision);
    for (let save = Number(/# save (\d+)\n/.exec(read.modelText)?.[1] ?? 0) + 1; !killed; save++) {
      const body = JSON.stringify({
        modelText: `${CRASH_MODEL}# save ${save}\n`,
        design: { ...read.design, apiName: `save-${save}` },
      });
      let response: Response;
      try {
        seen.inFlight.set(id, String(save));
        response = await fetch(url(id), {
          method: 'PUT',
          headers: {
            'content-type': 'application/json',
            'if-match': `"${revision}"`,
            origin,
            [TOKEN_HEADER]: token,
          },
          body,
        });
        const saved = (await response.json()) as { revision?: string };
        if (response.status !== 200) throw new Error(`PUT ${id}: ${response.status}`);
        revision = saved.revision!;
      } catch (error) {
        if (killed) return;
        throw error;
      }
      seen.acknowledged.set(id, revision);
      seen.inFlight.delete(id);
      if (++acknowledged === saves) setTimeout(kill, extraMillis);
    }
  };
  await Promise.all(CRASH_IDS.map(stream));
  await exited;
  return seen;
}

it('leaves every design at its last acknowledged revision, or whole at the one in flight, after a SIGKILL of the server', async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const seen = await killServerMidStream(3 + Math.floor(Math.random() * 30), Math.random() * 15);

    const store = await openWorkspace(root);
    try {
      for (const id of CRASH_IDS) {
        const read = await store.read(id);
        expect(read.ok, `${id} is readable`).toBe(true);
        if (!read.ok) continue;
        const { revision, design, diagnostics, modelText } = read.value;
        expect(diagnostics).toEqual([]);
        expect((await importModel(modelText, { file: id })).model).toBeDefined();
        const saveNumber = /# save (\d+)\n/.exec(modelText)?.[1];
        // Not the last acknowledged revision: then the save in flight, whole (its revision never reached the client).
        if (revision !== seen.acknowledged.get(id))
          expect(saveNumber, `${id} is at a revision never sent`).toBe(seen.inFlight.get(id));
        // Both files come from the same save: never the model of one and the design of another.
        expect(design?.apiName).toBe(saveNumber === undefined ? undefined : `save-${saveNumber}`);
      }
      const leftovers = (await readdir(root, { recursive: true })).filter(
        (name) => name.endsWith('.gatewright-tmp') || name.startsWith('.gatewright/journal/'),
      );
      expect(leftovers).toEqual([]);
    } finally {
      await store.close();
    }
  }
}, 20_000);
