// Prints how long core takes to import, render, validate and emit a large model,
// and each figure's ratio to a plain JSON.parse + JSON.stringify of the same text
// measured in the same run. Figures, not a test: `pnpm bench:core`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  createDesign,
  emitCdk,
  importModel,
  renderOpenApi,
  validate,
  type ApiModel,
  type DesignDocument,
} from '@gatewright/core';
import { generateModel } from './generate-model';

const RUNS = 7;
const WARM_UP_RUNS = 3;
const here = dirname(fileURLToPath(import.meta.url));
const GITHUB = join(here, '..', '..', 'shared', 'specs', 'github-rest-api-2020-09.json');

async function median(run: () => unknown | Promise<unknown>): Promise<number> {
  await run(); // warm-up: JIT and lazy compilation are not what we measure
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

interface Case {
  name: string;
  text: string;
  designFor: (model: ApiModel) => DesignDocument;
  /** The most import + render + validate may take, as a multiple of the JSON round trip. */
  targetRatio?: number;
}

async function runAll({ name, text, designFor }: Case): Promise<void> {
  const model = (await importModel(text, { file: name })).model!;
  const design = designFor(model);
  renderOpenApi(model, design);
  validate(model, design);
  emitCdk(model, design, { language: 'typescript' });
}

async function bench({ name, text, designFor, targetRatio }: Case): Promise<void> {
  const { model } = await importModel(text, { file: name });
  if (!model) throw new Error(`${name} did not import`);
  const design = designFor(model);

  const roundTrip = await median(() => JSON.stringify(JSON.parse(text)));
  const importMs = await median(() => importModel(text, { file: name }));
  const renderMs = await median(() => renderOpenApi(model, design));
  const validateMs = await median(() => validate(model, design));
  const emitMs = await median(() => emitCdk(model, design, { language: 'typescript' }));
  const pipeline = importMs + renderMs + validateMs;
  // What a request to the server does: a model imported afresh, so nothing found
  // by an earlier render or validate of it (such as positions in its text) is reused.
  const freshMs = await median(async () => {
    const fresh = (await importModel(text, { file: name })).model!;
    renderOpenApi(fresh, design);
    validate(fresh, design);
  });

  const row = (label: string, ms: number) =>
    `  ${label.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / roundTrip).toFixed(2).padStart(6)}x`;
  console.log(
    `${name}: ${model.operations.length} operations, ${(text.length / 1e6).toFixed(2)} MB (median of ${RUNS})`,
  );
  console.log(row('JSON.parse + stringify', roundTrip));
  console.log(row('import', importMs));
  console.log(row('render', renderMs));
  console.log(row('validate', validateMs));
  console.log(row('emit CDK (typescript)', emitMs));
  const verdict = (ms: number) =>
    targetRatio === undefined
      ? ''
      : `  target within ${targetRatio}x: ${ms <= targetRatio * roundTrip ? 'MET' : 'MISSED'}`;
  console.log(row('import + render + validate', pipeline) + verdict(pipeline));
  console.log(row('  the same on a fresh model', freshMs) + verdict(freshMs));
}

const generated = generateModel(1000);
const cases: Case[] = [
  { name: 'generated-1000', text: generated.text, designFor: () => generated.design },
];
if (existsSync(GITHUB)) {
  cases.push({
    name: 'github-rest-api-2020-09.json',
    text: readFileSync(GITHUB, 'utf8'),
    designFor: (model) => createDesign(model, { pattern: 'mock-all', modelPath: 'github.json' }),
    // The target: about 150 ms on these machines.
    targetRatio: 4,
  });
} else {
  console.log(`cannot measure the GitHub description: ${GITHUB} is not there`);
  process.exitCode = 1;
}
// Every case first, so the first one measured does not pay alone for compiling what all share.
for (let i = 0; i < WARM_UP_RUNS; i++) for (const c of cases) await runAll(c);
for (const c of cases) await bench(c);
