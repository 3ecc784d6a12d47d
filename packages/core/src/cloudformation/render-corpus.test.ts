/**
 * Renders the template of every real description in the shared corpus
 * (`../shared/specs` beside the checkout), every operation served by one new
 * function: the template has no errors, grants that function once, and a
 * document too big to inline goes to S3 leaving a template that fits inline.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SPECS, apiSpecFiles, specsPresent } from '../../test/shared-specs';
import { createDesign } from '../design/create-design';
import { importModel } from '../model/import-model';
import { renderTemplate } from './render-template';
import { needsBodyS3Location, templateBytes } from './template-size';
import { INLINE_TEMPLATE_BODY_LIMIT } from './types';

const environment = { partition: 'aws', region: 'us-east-1', accountId: '000000000000' };
const bodyS3Location = { Bucket: 'gatewright-documents', Key: 'api/openapi.json' };

async function load(file: string) {
  const resolveRef = (path: string) =>
    readFile(new URL(path, SPECS), 'utf8').catch(() => undefined);
  const { model } = await importModel(await readFile(new URL(file, SPECS), 'utf8'), {
    file,
    resolveRef,
  });
  return {
    model: model!,
    design: createDesign(model!, { pattern: 'lambda-all', modelPath: file }),
  };
}

describe.skipIf(!specsPresent)('rendering templates for the spec corpus', () => {
  it.each(specsPresent ? apiSpecFiles() : [])(
    '%s',
    async (file) => {
      const { model, design } = await load(file);
      const rendered = renderTemplate(model, design, { target: 'aws' });
      expect(rendered.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const types = Object.values(
        rendered.template.Resources as Record<string, { Type: string }>,
      ).map((r) => r.Type);
      expect(types.filter((t) => t === 'AWS::Lambda::Permission')).toHaveLength(
        model.operations.length > 0 ? 1 : 0,
      );

      // The sandbox renders as AWS does: errors only from the model, and S3 when it does not fit.
      const sandbox = renderTemplate(model, design, { target: 'sandbox' });
      expect(sandbox.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(needsBodyS3Location(sandbox)).toBe(needsBodyS3Location(rendered));
      if (!needsBodyS3Location(rendered)) return;

      const inS3 = renderTemplate(model, design, { target: 'aws', bodyS3Location, environment });
      const fromModel = inS3.diagnostics.filter((d) => d.code === 'render.cfn-function-in-s3-body');
      expect(inS3.diagnostics.filter((d) => d.severity === 'error')).toEqual(fromModel);
      expect(templateBytes(inS3)).toBeLessThan(INLINE_TEMPLATE_BODY_LIMIT);
      expect(JSON.stringify(inS3.document)).not.toMatch(/\$\{(AWS::|HandlerFunction)/);
      // DigitalOcean's 2,900 files are read afresh here: seconds alone, longer on a busy CI machine.
    },
    90_000,
  );

  it('sends the GitHub REST description (3 MB) to S3, for AWS and the sandbox alike', async () => {
    const { model, design } = await load('github-rest-api-2020-09.json');
    expect(needsBodyS3Location(renderTemplate(model, design, { target: 'aws' }))).toBe(true);
    const sandbox = renderTemplate(model, design, {
      target: 'sandbox',
      bodyS3Location,
      environment,
    });
    expect(sandbox.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(templateBytes(sandbox)).toBeLessThan(INLINE_TEMPLATE_BODY_LIMIT);
  });
});
