import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFinding } from '../findings';
import { validate } from './validate';

const SAMPLE = fileURLToPath(
  new URL('../../../../packages/core/samples/petstore/openapi.yaml', import.meta.url),
);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('validate command', () => {
  it('names the design given with --design and the line and column of its findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatewright-validate-'));
    dirs.push(dir);
    const model = join(dir, 'openapi.yaml');
    const design = join(dir, 'other.json');
    cpSync(SAMPLE, model);
    const lines = [
      '{',
      '  "formatVersion": 1,',
      '  "model": "openapi.yaml",',
      '  "backends": {',
      '    "site": { "kind": "http", "baseUrl": "ftp://example.com" }',
      '  },',
      '  "operations": {},',
      '  "authorizers": {},',
      '  "cors": { "enabled": false },',
      '  "requestValidation": { "enabled": true },',
      '  "gatewayResponses": {},',
      '  "stage": { "name": "dev" },',
      '  "layout": { "nodes": {} }',
      '}',
    ];
    writeFileSync(design, lines.join('\n') + '\n');

    const { findings } = await validate(model, { designPath: design });

    const url = findings.find((d) => d.code === 'validate.invalid-url');
    expect(url?.location).toEqual({
      file: design,
      pointer: '/backends/site/baseUrl',
      line: 5,
      column: lines[4]!.indexOf('"ftp:') + 1,
    });
    expect(formatFinding(url!, model)).toMatch(/other\.json:5:\d+: error: /);
    expect(findings.map((d) => d.location.file)).not.toContain(
      join(dir, 'openapi.gatewright.json'),
    );
  });
});
