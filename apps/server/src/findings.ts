import type { Diagnostic } from '@gatewright/core';

/**
 * One finding per line, `file:line: severity: message`, the shape editors and CI
 * logs turn into links. Findings without a line still name their file, and the
 * operation or JSON pointer when they have one.
 */
export function formatFinding(d: Diagnostic, fallbackFile: string): string {
  const { file = fallbackFile, line, column, operation, pointer } = d.location;
  const place =
    line === undefined
      ? file
      : column === undefined
        ? `${file}:${line}`
        : `${file}:${line}:${column}`;
  const where = operation ? `${operation}: ` : line === undefined && pointer ? `${pointer}: ` : '';
  return `${place}: ${d.severity}: ${where}${d.message} [${d.code}]`;
}

export function countBySeverity(
  findings: readonly Diagnostic[],
): Record<Diagnostic['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of findings) counts[d.severity] += 1;
  return counts;
}
