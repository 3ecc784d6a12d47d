import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { unescapePointerToken } from '../json';
import { CLOUDFORMATION_TAGS } from './cloudformation-tags';
import { jsonLocator } from './locate-json';
import { offsetToPosition } from './text-positions';
import type { ModelFormat, TextPosition } from './types';

/** A file's text read as data, with a way back from pointers to the text. */
export interface ParsedText {
  value: unknown;
  format: ModelFormat;
  locate(pointer: string): TextPosition | undefined;
}

export interface SyntaxProblem {
  message: string;
  position?: TextPosition;
}

/**
 * The parsed text, or every syntax problem found (with positions where the
 * parser knows them). A parsed text may still come with problems that did
 * not stop it being read (a YAML key written twice: the last one counts, as
 * `JSON.parse` does with JSON).
 */
export type ParseOutcome =
  | { ok: true; parsed: ParsedText; problems: SyntaxProblem[] }
  | { ok: false; problems: SyntaxProblem[] };

/**
 * Reads JSON or YAML. Text that starts like JSON goes through `JSON.parse`
 * (an order of magnitude faster than a YAML parser on multi-megabyte files)
 * and gets positions from a lazy scanner; anything else, or JSON that
 * `JSON.parse` refuses but YAML accepts, is read with the `yaml` package,
 * whose document is kept for positions.
 */
export function parseText(text: string): ParseOutcome {
  if (/^\s*[{[]/.test(text)) {
    try {
      // Editors on Windows may start the file with a byte order mark, which JSON.parse refuses.
      const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      return {
        ok: true,
        parsed: { value, format: 'json', locate: jsonLocator(text) },
        problems: [],
      };
    } catch (error) {
      const yaml = parseYaml(text);
      return yaml.ok ? yaml : { ok: false, problems: [jsonProblem(text, error)] };
    }
  }
  return parseYaml(text);
}

function parseYaml(text: string): ParseOutcome {
  const lineCounter = new LineCounter();
  // `merge`: `<<` merge keys are common in hand-written YAML models; SAM bodies use CloudFormation's short forms.
  const doc = parseDocument(text, { lineCounter, merge: true, customTags: CLOUDFORMATION_TAGS });
  const problems = doc.errors.map((e) => ({
    // The first line without the "at line L, column C:" the location already carries.
    message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    ...(e.linePos ? { position: { line: e.linePos[0].line, column: e.linePos[0].col } } : {}),
  }));
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return { ok: false, problems };
  const recursive = recursiveAlias(text, doc, lineCounter);
  if (recursive) return { ok: false, problems: [recursive] };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // toJS refuses alias bombs (too many alias expansions).
    return { ok: false, problems: [{ message: (error as Error).message }] };
  }
  return {
    ok: true,
    parsed: { value, format: 'yaml', locate: yamlLocator(doc, lineCounter) },
    problems,
  };
}

/**
 * An alias inside the node its anchor names (`a: &x {b: *x}`) makes the parsed
 * value contain itself; everything downstream assumes a tree, so it is refused
 * here, once, instead of guarded against in every walk.
 */
function recursiveAlias(
  text: string,
  doc: Document,
  lineCounter: LineCounter,
): SyntaxProblem | undefined {
  // Most models have no anchors; skip the node walk for them.
  if (!/(?:^|[\s:[{,-])&[^\s]/m.test(text)) return undefined;
  let found: SyntaxProblem | undefined;
  visit(doc, {
    Alias(_, node, path) {
      const target = node.resolve(doc);
      if (target && path.includes(target)) {
        const at = lineCounter.linePos(node.range?.[0] ?? 0);
        found = {
          message: `the alias *${node.source} is inside the node its anchor names, so the value would contain itself; copy the value instead`,
          position: { line: at.line, column: at.col },
        };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function jsonProblem(text: string, error: unknown): SyntaxProblem {
  const message = (error as Error).message;
  // V8 and SpiderMonkey name the failing offset in different words; use it when present.
  const at = /position (\d+)/.exec(message)?.[1];
  return at === undefined ? { message } : { message, position: offsetToPosition(text)(Number(at)) };
}

/** A member's position is its key's; an item's, its node's start. */
function yamlLocator(
  doc: Document,
  lineCounter: LineCounter,
): (pointer: string) => TextPosition | undefined {
  const cache = new Map<string, TextPosition | undefined>();
  const toPosition = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (pointer) => {
    if (cache.has(pointer)) return cache.get(pointer);
    const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0];
    for (const token of tokens) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        // The last of duplicate keys, the one the parsed value holds.
        const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === token);
        offset = (pair?.key as Node | undefined)?.range?.[0];
        node = pair?.value;
      } else if (isSeq(node) && /^\d+$/.test(token)) {
        node = node.items[Number(token)];
        offset = (node as Node | undefined)?.range?.[0];
      } else {
        offset = undefined;
      }
      if (offset === undefined) break;
    }
    const found = offset === undefined ? undefined : toPosition(offset);
    cache.set(pointer, found);
    return found;
  };
}
