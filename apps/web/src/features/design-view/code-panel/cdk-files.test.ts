import { describe, expect, it } from 'vitest';
import { firstFile, languageOfFile } from './cdk-files';

describe('firstFile', () => {
  it('opens the stack first, whatever the path order', () => {
    expect(
      firstFile(['README.md', 'bin/app.ts', 'lib/openapi.json', 'lib/pet-store-stack.ts']),
    ).toBe('lib/pet-store-stack.ts');
    expect(firstFile(['b', 'a'])).toBe('b');
    expect(firstFile([])).toBeUndefined();
  });
});

describe('languageOfFile', () => {
  it('highlights code and data by extension, and the rest as text', () => {
    expect(languageOfFile('lib/api-stack.ts')).toBe('typescript');
    expect(languageOfFile('lambda/api/index.mjs')).toBe('typescript');
    expect(languageOfFile('package.json')).toBe('json');
    expect(languageOfFile('lambda/check/index.py')).toBe('plaintext');
  });
});
