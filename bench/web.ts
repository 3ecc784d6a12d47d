// Prints, for designs of 100, 500 and 1,000 operations (and the GitHub REST
// description, about 600 operations, when ../shared/specs has it, against the
// issue's target of a canvas in under 2 seconds), the milliseconds from
// navigation to the canvas showing its nodes, and the frames per second while
// the canvas is dragged about for a few seconds, in Debian's Chromium driven by
// playwright-core against the real server. Figures, not a test: `pnpm bench:web`.
// The functions given to page.evaluate run in the page, hence the DOM types.
/// <reference lib="dom" />
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeDesign } from '@gatewright/core';
import { chromium, type Page } from 'playwright-core';
import { generateModel } from './generate-model';

const SIZES = [100, 500, 1000];
const GITHUB = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../shared/specs/github-rest-api-2020-09.json',
);
const GITHUB_TARGET_MILLIS = 2000;
const PAN_MILLIS = 3000;
const ROUNDS = 3;
const CHROMIUM = process.env['GATEWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..');
const BIN = join(ROOT, 'apps', 'server', 'bin', 'gatewright.js');

// The server serves the built app, so the figures are those of the bundle people get.
const build = spawnSync(
  process.execPath,
  [join(ROOT, 'apps/web/node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
  { cwd: join(ROOT, 'apps/web'), stdio: 'inherit' },
);
if (build.status !== 0) throw new Error(`building apps/web failed (exit ${build.status})`);

const workspace = mkdtempSync(join(tmpdir(), 'gatewright-bench-web-'));
/** What is measured: a row's label and the design's id in the workspace. */
const cases: { label: string; designId: string }[] = [];
for (const size of SIZES) {
  const folder = join(workspace, `ops${size}`);
  mkdirSync(folder);
  const { text, design } = generateModel(size);
  writeFileSync(join(folder, 'generated.json'), text);
  writeFileSync(join(folder, 'generated.gatewright.json'), serializeDesign(design));
  cases.push({ label: `${size} generated`, designId: `ops${size}/generated.json` });
}
if (existsSync(GITHUB)) {
  // As a person opens it first: the description alone, every operation unwired.
  mkdirSync(join(workspace, 'github'));
  copyFileSync(GITHUB, join(workspace, 'github', 'api.github.json'));
  cases.push({ label: 'GitHub REST', designId: 'github/api.github.json' });
} else {
  console.log(`(no ${GITHUB}: the GitHub REST row is left out)`);
}

const server = spawn(process.execPath, [BIN, workspace, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const origin = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /Open (http:\/\/[^\s/]+)/.exec(printed)?.[1];
      if (url) resolve(url);
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${printed}`)));
  });

  console.log(
    `web: Chromium headless (${CHROMIUM_ARGS.join(' ')}), 1400x900, median of ${ROUNDS} rounds, ${PAN_MILLIS / 1000} s of dragging per round`,
  );
  console.log(
    `  ${'design'.padEnd(14)} ${'first render ms'.padStart(16)} ${'fps panning'.padStart(12)} ${'nodes drawn'.padStart(12)}`,
  );
  for (const { label, designId } of cases) {
    const renders: number[] = [];
    const rates: number[] = [];
    let drawn = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      renders.push(await timeToNodes(page, `${origin}/designs/${encodeURIComponent(designId)}`));
      drawn = await page.locator('.react-flow__node').count();
      rates.push(await framesWhilePanning(page));
      await page.close();
    }
    const render = median(renders);
    const verdict =
      label === 'GitHub REST'
        ? `  target ${GITHUB_TARGET_MILLIS} ms: ${render < GITHUB_TARGET_MILLIS ? 'MET' : 'MISSED'} (${(render / GITHUB_TARGET_MILLIS).toFixed(2)}x)`
        : '';
    console.log(
      `  ${label.padEnd(14)} ${render.toFixed(0).padStart(16)} ${median(rates).toFixed(1).padStart(12)} ${String(drawn).padStart(12)}${verdict}`,
    );
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(workspace, { recursive: true, force: true });
}

/** Milliseconds from the start of navigation to the first frame with nodes on the canvas. */
async function timeToNodes(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const shown = await page.waitForFunction(
    () => (document.querySelector('.react-flow__node') ? performance.now() : 0),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await shown.jsonValue()) as number;
}

/** Frames drawn per second while the mouse drags the empty pane back and forth. */
async function framesWhilePanning(page: Page): Promise<number> {
  const start = await page.evaluate(() => {
    // An empty spot of the pane, so the drag pans rather than moves a node.
    for (let y = 120; y < 500; y += 20) {
      for (let x = 400; x < 1000; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
          return { x, y };
      }
    }
    return undefined;
  });
  if (!start) throw new Error('no empty spot of the canvas to drag');
  // A string, not a function: tsx names the functions it compiles with a helper the page lacks.
  await page.evaluate(`{
    const counter = { frames: 0, running: true };
    window.benchFrames = counter;
    const tick = () => {
      counter.frames++;
      if (counter.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }`);
  const began = Date.now();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 0; Date.now() - began < PAN_MILLIS; step++) {
    // A slow figure eight around the start, so the content stays on screen.
    const t = step / 20;
    await page.mouse.move(start.x + 250 * Math.sin(t), start.y + 150 * Math.sin(2 * t));
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const counter = (window as unknown as { benchFrames: { frames: number; running: boolean } })
      .benchFrames;
    counter.running = false;
    return counter.frames;
  });
  return (frames * 1000) / (Date.now() - began);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
