import type { OpenApiFormat } from './rendered-openapi';

/**
 * The 1-based line where an operation's object starts in a rendered OpenAPI
 * text (`serializeOpenApi`'s layout: `paths` at the top level, each path one
 * level in, each method two), or undefined when the text has no such
 * operation. A scan of the lines rather than a parse: the document can be
 * tens of thousands of lines, and only one key's place is wanted.
 */
export function lineOfOperation(
  text: string,
  format: OpenApiFormat,
  path: string,
  method: string,
): number | undefined {
  const lines = text.split('\n');
  const step = 2;
  // JSON nests everything one level deeper, inside the document's braces.
  const base = format === 'json' ? step : 0;
  let index = lines.findIndex((line) => keyAt(line, base, format) === 'paths');
  if (index < 0) return undefined;
  let inPath = false;
  for (index++; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    // Back at the top level: `paths` ended.
    if (indent <= base && !line.trimStart().startsWith('}')) return undefined;
    if (indent === base + step) inPath = keyAt(line, base + step, format) === path;
    else if (inPath && indent === base + 2 * step && keyAt(line, indent, format) === method) {
      return index + 1;
    }
  }
  return undefined;
}

/** The mapping key a line opens at `indent`, unquoted, if it opens one there. */
function keyAt(line: string, indent: number, format: OpenApiFormat): string | undefined {
  if (line.length - line.trimStart().length !== indent) return undefined;
  const rest = line.slice(indent);
  if (format === 'json' || rest.startsWith('"')) {
    const match = /^("(?:[^"\\]|\\.)*")\s*:/.exec(rest);
    return match ? (JSON.parse(match[1]!) as string) : undefined;
  }
  if (rest.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'\s*:/.exec(rest);
    return match ? match[1]!.replaceAll("''", "'") : undefined;
  }
  const match = /^([^\s#][^#]*?):(?:\s|$)/.exec(rest);
  return match?.[1];
}
