import { stringify } from 'yaml';
import type { JsonObject } from '../json';

/**
 * The rendered document as text: JSON with 2-space indentation, or YAML with
 * keys in document order, no anchors or aliases (a value used twice is written
 * twice) and no folding of long strings (mapping templates and ARNs stay on
 * one line, as written). Both end with a newline. YAML is written for YAML 1.1
 * readers too: strings such as `yes`, `on` or `0755` are quoted, because
 * tools that still read 1.1 would take them for booleans and numbers.
 */
export function serializeOpenApi(document: JsonObject, format: 'json' | 'yaml'): string {
  if (format === 'json') return JSON.stringify(document, null, 2) + '\n';
  return stringify(document, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 });
}
