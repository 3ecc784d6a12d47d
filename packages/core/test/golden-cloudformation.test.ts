import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../src/cloudformation/render-template';
import { hasErrors } from '../src/diagnostics';
import { expectGoldenFile, goldenCases, loadGoldenCase } from './golden';

describe('golden CloudFormation templates (sandbox target)', () => {
  for (const name of goldenCases()) {
    it(`${name} renders its cloudformation.json`, async () => {
      const { model, design } = await loadGoldenCase(name);
      const { template, diagnostics } = renderTemplate(model, design, { target: 'sandbox' });
      expect(hasErrors(diagnostics), JSON.stringify(diagnostics, null, 2)).toBe(false);
      expectGoldenFile(name, 'cloudformation.json', JSON.stringify(template, null, 2) + '\n');
    });

    it(`${name} renders the same template twice`, async () => {
      const { model, design } = await loadGoldenCase(name);
      const first = renderTemplate(model, design, { target: 'sandbox' });
      const again = renderTemplate(model, design, { target: 'sandbox' });
      expect(JSON.stringify(again.template)).toBe(JSON.stringify(first.template));
    });
  }
});
