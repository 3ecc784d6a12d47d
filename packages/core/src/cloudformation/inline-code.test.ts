import { describe, expect, it } from 'vitest';
import { starterCode } from '../design/starter-code';
import type { NewLambdaFunction } from '../design/types';
import { functionCode, toCommonJs } from './inline-code';

const fn = (
  code: string,
  runtime: NewLambdaFunction['runtime'] = 'nodejs24.x',
): NewLambdaFunction => ({
  source: 'new',
  runtime,
  handler: 'src/app.main',
  memoryMiB: 256,
  timeoutSeconds: 29,
  code,
});

describe('toCommonJs', () => {
  it('turns exported declarations into declarations plus exports', () => {
    expect(
      toCommonJs(
        'export const a = 1;\nexport async function main() {}\nexport class K {}\nconst b = 2;',
      ),
    ).toBe(
      'const a = 1;\nasync function main() {}\nclass K {}\nconst b = 2;\nexports.a = a;\nexports.main = main;\nexports.K = K;\n',
    );
  });

  it('leaves CommonJS as it is', () => {
    const cjs = 'exports.handler = async () => ({ statusCode: 200 });\n';
    expect(toCommonJs(cjs)).toBe(cjs);
  });

  it.each([
    "import { S3 } from '@aws-sdk/client-s3';\nexport const handler = () => 1;",
    'export default async () => 1;',
    'const a = 1;\nexport { a };',
    "export * from './other.js';",
    'export const url = import.meta.url;',
  ])('refuses other module syntax: %s', (code) => {
    expect(toCommonJs(code)).toBeUndefined();
  });
});

describe('functionCode', () => {
  it('inlines the Node.js and Python starters, with the handler in index', () => {
    for (const runtime of ['nodejs24.x', 'python3.14'] as const) {
      const code = functionCode(fn(starterCode(runtime), runtime), 4096);
      expect(code).toMatchObject({ kind: 'inline', handler: 'index.main' });
    }
  });

  it('sends code over the limit, counted after the rewrite, to an asset', () => {
    expect(functionCode(fn('x'.repeat(4096), 'python3.14'), 4096).kind).toBe('inline');
    expect(functionCode(fn('x'.repeat(4097), 'python3.14'), 4096)).toMatchObject({
      kind: 'asset',
      reason: expect.stringContaining('4097 characters'),
    });
  });

  it('sends ES module code it cannot rewrite to an asset', () => {
    expect(functionCode(fn('export default () => 1;'), 4096)).toMatchObject({
      kind: 'asset',
      reason: expect.stringContaining('ES module syntax'),
    });
  });
});
