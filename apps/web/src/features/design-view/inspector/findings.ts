import type { Diagnostic } from '@gatewright/core';

/** A JSON pointer into the design document, tokens escaped (`/operations/GET ~1pets/integration`). */
export function designPointer(...tokens: readonly (string | number)[]): string {
  return tokens
    .map((token) => '/' + String(token).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');
}

/** The messages of findings at a pointer of the design or below it. */
export function messagesAt(findings: readonly Diagnostic[], pointer: string): string[] {
  return findings
    .filter(({ location }) => {
      const at = location.pointer;
      return at !== undefined && (at === pointer || at.startsWith(pointer + '/'));
    })
    .map((finding) => finding.message);
}
