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

async function bench(
  name: string,
  text: string,
  designFor: (model: ApiModel) => DesignDocument,
): Promise<void> {
  const { model } = await importModel(text, { file: name });
  if (!model) throw new Error(`${name} did not import`);
  const design = designFor(model);

  const roundTrip = await median(() => JSON.stringify(JSON.parse(text)));
  const importMs = await median(() => importModel(text, { file: name }));
  const renderMs = await median(() => renderOpenApi(model, design));
  const validateMs = await median(() => validate(model, design));
  const emitMs = await median(() => emitCdk(model, design, { language: 'typescript' }));
  const pipeline = importMs + renderMs + validateMs;

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
  console.log(row('import + render + validate', pipeline) + `  (target: within 4x)`);
}

const generated = generateModel(1000);
await bench('generated-1000', generated.text, () => generated.design);
if (existsSync(GITHUB)) {
  await bench('github-rest-api-2020-09.json', readFileSync(GITHUB, 'utf8'), (model) =>
    createDesign(model, { pattern: 'mock-all', modelPath: 'github.json' }),
  );
} else {
  console.log(`skipped the GitHub description: ${GITHUB} is not there`);
}
