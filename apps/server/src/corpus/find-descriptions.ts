import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATE = /\.(json|ya?ml)$/i;
const YAML_TOP_LEVEL = /^(openapi|swagger)\s*:/m;

/**
 * The OpenAPI/Swagger descriptions under a folder: files whose top level has
 * `openapi` or `swagger`. Fragments they reference are left to the resolver.
 */
export function findDescriptions(root: string): string[] {
  return walk(root)
    .filter((file) => CANDIDATE.test(file) && isDescription(file))
    .sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return entry.isFile() ? [path] : [];
  });
}

function isDescription(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  if (!/\.json$/i.test(file)) return YAML_TOP_LEVEL.test(text);
  try {
    const value: unknown = JSON.parse(text);
    return (
      typeof value === 'object' && value !== null && ('openapi' in value || 'swagger' in value)
    );
  } catch {
    // Broken JSON that still names itself a description is reported, not skipped.
    return /^\s*\{\s*"(openapi|swagger)"/.test(text);
  }
}
