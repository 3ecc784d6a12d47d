/**
 * cfn-lint (PyPI, pinned in tools/python/requirements.txt, installed into the
 * repository's .venv by `node scripts/python-env.mjs`) over the templates of
 * every golden, sample and e2e workspace design, for both targets and with
 * the document in S3: no E-level finding may remain. Never skipped: without .venv the test
 * fails with the command that makes it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTemplate } from '../src/cloudformation/render-template';
import type { TemplateOptions } from '../src/cloudformation/types';
import { designFileFor, loadDesign } from '../src/design/load-design';
import type { DesignDocument } from '../src/design/types';
import { hasErrors } from '../src/diagnostics';
import { importModel } from '../src/model/import-model';
import type { ApiModel } from '../src/model/types';
import { goldenCases, loadGoldenCase } from './golden';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CFN_LINT = join(ROOT, '.venv', 'bin', 'cfn-lint');
const SAMPLES = join(ROOT, 'packages', 'core', 'samples');
const E2E_WORKSPACE = join(ROOT, 'e2e', 'fixtures', 'workspace');

const OPTIONS: Record<string, TemplateOptions> = {
  sandbox: { target: 'sandbox' },
  aws: { target: 'aws' },
  's3-body': {
    target: 'aws',
    bodyS3Location: { Bucket: 'gatewright-documents', Key: 'api/openapi.json' },
    environment: { partition: 'aws', region: 'us-east-1', accountId: '000000000000' },
  },
};

interface Match {
  Rule: { Id: string };
  Level: string;
  Message: string;
  Filename: string;
  Location: { Path?: (string | number)[] };
}

interface Case {
  name: string;
  load: () => Promise<{ model: ApiModel; design: DesignDocument }>;
}

/** A model with the design file beside it, as the samples and the e2e workspace keep them. */
function modelWithDesign(name: string, modelFile: string): Case {
  return {
    name,
    load: async () => {
      const imported = await importModel(readFileSync(modelFile, 'utf8'), { file: 'openapi.yaml' });
      const loaded = loadDesign(readFileSync(designFileFor(modelFile), 'utf8'), 'design.json');
      expect(
        [...imported.diagnostics, ...loaded.diagnostics].filter((d) => d.severity === 'error'),
        name,
      ).toEqual([]);
      return { model: imported.model!, design: loaded.design! };
    },
  };
}

/** Every golden case, every sample, and every design of the e2e workspace. */
function cases(): Case[] {
  const golden = goldenCases().map((name) => ({
    name: `golden-${name}`,
    load: () => loadGoldenCase(name),
  }));
  const inFolders = (prefix: string, root: string): Case[] =>
    readdirSync(root)
      .map((folder) => join(root, folder, 'openapi.yaml'))
      .filter((modelFile) => existsSync(designFileFor(modelFile)))
      .map((modelFile) => modelWithDesign(`${prefix}-${basename(dirname(modelFile))}`, modelFile));
  return [...golden, ...inFolders('sample', SAMPLES), ...inFolders('e2e', E2E_WORKSPACE)];
}

describe('cfn-lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatewright-cfn-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no errors in the template of any sample or golden design, for any target', async () => {
    expect(
      existsSync(CFN_LINT),
      `${CFN_LINT} is missing; make the project's Python environment with: node scripts/python-env.mjs`,
    ).toBe(true);
    const files: string[] = [];
    for (const { name, load } of cases()) {
      const { model, design } = await load();
      for (const [label, options] of Object.entries(OPTIONS)) {
        const rendered = renderTemplate(model, design, options);
        // A design the target cannot take is refused with a finding, not linted.
        if (hasErrors(rendered.diagnostics)) continue;
        const file = join(dir, `${name}.${label}.json`);
        writeFileSync(file, JSON.stringify(rendered.template, null, 2));
        files.push(file);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(goldenCases().length * 2);

    const run = spawnSync(CFN_LINT, ['--format', 'json', '--', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error, 'cfn-lint did not start').toBeUndefined();
    let matches: Match[];
    try {
      matches = JSON.parse(run.stdout || '[]') as Match[];
    } catch {
      throw new Error(
        `cfn-lint printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`,
      );
    }
    const describe = (m: Match) =>
      `${m.Level} ${m.Rule.Id} ${m.Filename.slice(dir.length + 1)} ${(m.Location.Path ?? []).join('/')}: ${m.Message}`;
    const errors = matches.filter((m) => m.Level === 'Error');
    const others = matches.filter((m) => m.Level !== 'Error');
    expect(errors.map(describe), `other findings:\n${others.map(describe).join('\n')}`).toEqual([]);
  }, 120_000);
});
