import type { CodeViewerProps } from '../../../editors/CodeViewer';

/** The editor language of an emitted file, by its extension. */
export function languageOfFile(path: string): CodeViewerProps['language'] {
  if (/\.(ts|mts|js|mjs|cjs)$/.test(path)) return 'typescript';
  if (path.endsWith('.json')) return 'json';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  return 'plaintext';
}

/** The file the CDK tab opens first: the stack, where the API is defined. */
export function firstFile(paths: readonly string[]): string | undefined {
  return (
    paths.find((path) => path.startsWith('lib/') && path.endsWith('-stack.ts')) ??
    paths.find((path) => path.startsWith('lib/')) ??
    paths[0]
  );
}
