/**
 * The shared corpus of real API descriptions (`../shared/specs` beside the
 * checkout; its SOURCES.tsv lists each file's format and operation count).
 * CI always has it: there its absence fails the run instead of skipping tests.
 */
import { existsSync, readFileSync } from 'node:fs';

export const SPECS = new URL('../../../../shared/specs/', import.meta.url);

export const specsPresent = existsSync(new URL('SOURCES.tsv', SPECS));
if (!specsPresent) {
  if (process.env.CI)
    throw new Error(`CI needs the spec corpus beside the checkout: ${SPECS.pathname}`);
  console.warn(`corpus tests skipped: no spec corpus at ${SPECS.pathname}`);
}

export interface SpecSource {
  file: string;
  format: string;
  /** Operations SOURCES.tsv counts, any-method ones included. */
  operations: number;
}

export function specSources(): SpecSource[] {
  const [header, ...rows] = readFileSync(new URL('SOURCES.tsv', SPECS), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r) => {
    const counts = [...r[col('ops')]!.matchAll(/\d+/g)].map((m) => Number(m[0]));
    return {
      file: r[col('file')]!,
      format: r[col('format')]!,
      operations: counts.reduce((a, b) => a + b, 0),
    };
  });
}

/** The OpenAPI and Swagger descriptions among them (not Smithy models). */
export function apiSpecFiles(): string[] {
  return specSources()
    .filter((s) => /^(oas3\.[01]|swagger2)$/.test(s.format))
    .map((s) => s.file);
}
