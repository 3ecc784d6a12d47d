/**
 * Names from the user's model and design (operation names such as `meta/root`,
 * backend ids, names with spaces, dots or leading digits) turned into
 * identifiers that are valid in each emitted language, and unique among
 * themselves, deterministically.
 *
 * The rule, documented for users:
 * - A name is split into words at every character that is not an ASCII letter
 *   or digit, and at case changes (`listPets` -> list, Pets; `getHTTPStatus`
 *   -> get, HTTP, Status). A non-ASCII letter or digit becomes its own word
 *   `u` + its code point in four or more hex digits, so such names stay distinct.
 * - TypeScript and Java join the words in camelCase (`metaRoot`), Python in
 *   snake_case (`meta_root`).
 * - A result that is a reserved word of the language, starts with a digit or is
 *   empty gets the prefix `call` (`callDelete`, `call_2fa_enable`, Python
 *   `call_import`).
 * - When several distinct names give the same identifier, the first in code
 *   unit order keeps it and the others get the smallest suffix 2, 3, ... that is
 *   still free. The result depends only on the set of names, not their order.
 */

/** Every language an identifier can be made for (the CDK emitters are a subset). */
export type IdentifierLanguage = 'typescript' | 'python' | 'java';

// ECMAScript keywords and literals, strict-mode reserved words, and the names
// strict code cannot bind.
const TYPESCRIPT_RESERVED = words(
  'await break case catch class const continue debugger default delete do else enum',
  'export extends false finally for function if import in instanceof new null',
  'return super switch this throw true try typeof var void while with yield let',
  'static implements interface package private protected public arguments eval',
  'undefined NaN Infinity',
);

// Keywords; soft keywords are legal names, but `self` and `cls` would shadow
// method arguments.
const PYTHON_RESERVED = words(
  'False None True and as assert async await break class continue def del elif else',
  'except finally for from global if import in is lambda nonlocal not or pass raise',
  'return try while with yield self cls',
);

// Keywords, literals, and the contextual keywords (var ... permits) that cannot
// name a type or be called unqualified.
const JAVA_RESERVED = words(
  'abstract assert boolean break byte case catch char class const continue default',
  'do double else enum extends final finally float for goto if implements import',
  'instanceof int interface long native new package private protected public return',
  'short static strictfp super switch synchronized this throw throws transient try',
  'void volatile while true false null var record yield sealed permits',
);

function words(...lines: string[]): string[] {
  return lines.join(' ').split(' ');
}

/** The words each language refuses as a plain identifier. */
export const RESERVED_WORDS: Readonly<Record<IdentifierLanguage, ReadonlySet<string>>> = {
  typescript: new Set(TYPESCRIPT_RESERVED),
  python: new Set(PYTHON_RESERVED),
  java: new Set(JAVA_RESERVED),
};

const PREFIX = 'call';

/** Splits a name into words at separators, case changes and non-ASCII letters or digits. */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  for (const chunk of name.match(/[A-Za-z0-9]+|[\p{L}\p{N}]/gu) ?? []) {
    if (!/^[A-Za-z0-9]/.test(chunk)) {
      words.push('u' + chunk.codePointAt(0)!.toString(16).padStart(4, '0'));
      continue;
    }
    // lower/digit -> Upper starts a word; in a run of capitals, the last one
    // starts a word when lower case follows (HTTPStatus -> HTTP, Status).
    words.push(...chunk.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/));
  }
  return words;
}

/** The identifier a name gets in a language before uniqueness is enforced. */
export function identifierFor(name: string, language: IdentifierLanguage): string {
  const words = splitWords(name).map((w) => w.toLowerCase());
  const joined =
    language === 'python'
      ? words.join('_')
      : words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  if (joined === '' || /^[0-9]/.test(joined) || RESERVED_WORDS[language].has(joined)) {
    if (language === 'python') return joined === '' ? PREFIX : `${PREFIX}_${joined}`;
    return PREFIX + (joined === '' ? '' : joined[0]!.toUpperCase() + joined.slice(1));
  }
  return joined;
}

/** True when `identifier` can name a variable, function or method in `language`. */
export function isValidIdentifier(identifier: string, language: IdentifierLanguage): boolean {
  const pattern = language === 'python' ? /^[A-Za-z_][A-Za-z0-9_]*$/ : /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  return pattern.test(identifier) && !RESERVED_WORDS[language].has(identifier);
}

/**
 * Unique identifiers for a set of names, by name. `taken` holds identifiers the
 * caller already uses (imports, fixed locals); a name whose identifier is taken
 * gets a numeric suffix like any other clash.
 */
export function assignIdentifiers(
  names: Iterable<string>,
  language: IdentifierLanguage,
  taken: Iterable<string> = [],
): Map<string, string> {
  return assignKeyedIdentifiers(new Map([...names].map((name) => [name, name])), language, taken);
}

/**
 * Like `assignIdentifiers`, for things that are told apart by a key but may
 * share a name (a backend called `api` and the API itself). Among things with
 * the same name, the smaller key keeps the plain identifier.
 */
export function assignKeyedIdentifiers(
  names: ReadonlyMap<string, string>,
  language: IdentifierLanguage,
  taken: Iterable<string> = [],
): Map<string, string> {
  const groups = new Map<string, [key: string, name: string][]>();
  for (const [key, name] of names) {
    const identifier = identifierFor(name, language);
    groups.set(identifier, [...(groups.get(identifier) ?? []), [key, name]]);
  }
  const used = new Set<string>(taken);
  const winners = [...groups.keys()].filter((identifier) => !used.has(identifier));
  for (const identifier of winners) used.add(identifier);
  const result = new Map<string, string>();
  const separator = language === 'python' ? '_' : '';
  for (const identifier of [...groups.keys()].sort(compareCodeUnits)) {
    const group = groups
      .get(identifier)!
      .sort(([keyA, a], [keyB, b]) => compareCodeUnits(a, b) || compareCodeUnits(keyA, keyB));
    group.forEach(([key], index) => {
      if (index === 0 && winners.includes(identifier)) {
        result.set(key, identifier);
        return;
      }
      let n = 2;
      while (used.has(identifier + separator + n)) n++;
      used.add(identifier + separator + n);
      result.set(key, identifier + separator + n);
    });
  }
  return result;
}

/** Distinct names that map to one identifier. */
export interface IdentifierCollision {
  identifier: string;
  /** In code unit order; all but the first get a numeric suffix when emitted. */
  names: string[];
}

/**
 * Groups of distinct names that map to the same identifier in `language`, for
 * the validator to report (the emitter still makes them unique). Sorted by
 * identifier.
 */
export function identifierCollisions(
  names: Iterable<string>,
  language: IdentifierLanguage,
): IdentifierCollision[] {
  return [...groupByIdentifier(names, language)]
    .filter(([, group]) => group.length > 1)
    .map(([identifier, group]) => ({ identifier, names: group }));
}

/** Distinct names grouped by identifier, both levels in code unit order, so results never depend on input order. */
function groupByIdentifier(
  names: Iterable<string>,
  language: IdentifierLanguage,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of [...new Set(names)].sort(compareCodeUnits)) {
    const identifier = identifierFor(name, language);
    groups.set(identifier, [...(groups.get(identifier) ?? []), name]);
  }
  return new Map([...groups].sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** Locale-independent ordering, so output is the same on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
