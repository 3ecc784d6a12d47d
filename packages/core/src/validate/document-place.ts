import { pointer, type JsonValue } from '../json';

/**
 * A value met while walking a document, with how it was reached. Walks keep
 * these instead of pointers, so a pointer is built only for a finding.
 */
export interface Place {
  value: JsonValue;
  key: string | number;
  /** Undefined for the document itself. */
  parent: Place | undefined;
}

/** The JSON pointer of a place, from the document it was walked from. */
export function pointerOf(place: Place): string {
  const tokens: (string | number)[] = [];
  for (let p: Place | undefined = place; p?.parent !== undefined; p = p.parent) tokens.push(p.key);
  return pointer(...tokens.reverse());
}
